import { setDefaultApiBase } from './base.ts';
import { PeluangMatchFinder } from './match-finder.ts';
import { PeluangOpportunities } from './opportunities.ts';

/** Major version of the elements' attributes and parts; the bundle is served under /embed/v1/. */
export const VERSION = 1;

// Read while this script runs: afterwards document.currentScript is someone else's (or null).
const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) setDefaultApiBase(new URL(script.src, document.baseURI).origin);

// Loaded twice on one page (two widgets pasted by hand): the second copy must not throw.
if (!customElements.get('peluang-opportunities')) customElements.define('peluang-opportunities', PeluangOpportunities);
if (!customElements.get('peluang-match-finder')) customElements.define('peluang-match-finder', PeluangMatchFinder);
