/**
 * Styles of both components. Everything a host page may theme goes through a `--peluang-*`
 * custom property (they inherit into the shadow root) or a `::part`; defaults meet WCAG AA
 * contrast on the default background.
 */
const CSS = /* css */ `
:host {
  --_accent: var(--peluang-accent, #0b5d48);
  --_accent-fg: var(--peluang-accent-fg, #ffffff);
  --_bg: var(--peluang-bg, #ffffff);
  --_fg: var(--peluang-fg, #1b1f24);
  --_muted: var(--peluang-muted, #4b5563);
  --_surface: var(--peluang-surface, #f4f6f7);
  --_border: var(--peluang-border, #c5ccd3);
  --_focus: var(--peluang-focus, #1a56db);
  --_error: var(--peluang-error, #b42318);
  --_radius: var(--peluang-radius, 8px);
  display: block;
  container-type: inline-size;
  font-family: var(--peluang-font, inherit);
  font-size: var(--peluang-font-size, 1rem);
  line-height: 1.5;
  color: var(--_fg);
  background: var(--_bg);
  overflow-wrap: anywhere;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
p, ul, ol, dl, dd, h2, h3, h4, h5, h6, fieldset { margin: 0; }
h2, h3, h4, h5, h6 { font-size: 1.0625em; line-height: 1.3; }
a { color: var(--_accent); text-underline-offset: 2px; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

.button {
  font: inherit; font-weight: 600; cursor: pointer;
  min-height: 44px; padding: 0.5em 1.1em;
  color: var(--_accent-fg); background: var(--_accent);
  border: 2px solid var(--_accent); border-radius: var(--_radius);
}
.button:hover { filter: brightness(1.12); }
.button[disabled] { cursor: progress; opacity: 0.7; }
.button.secondary { color: var(--_accent); background: transparent; }

.status { color: var(--_muted); font-size: 0.875em; margin: 0.5rem 0; }
.status:empty { display: none; }
.error {
  display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center;
  margin: 0.75rem 0; padding: 0.75rem 1rem;
  color: var(--_fg); background: var(--_bg);
  border: 1px solid var(--_error); border-left-width: 6px; border-radius: var(--_radius);
}
.error p { flex: 1 1 14rem; }
.error:empty { display: none; }
.note { color: var(--_muted); font-size: 0.8125em; font-style: italic; }

.cards { list-style: none; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 40rem) { .cards.grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.card {
  display: flex; flex-direction: column; gap: 0.375rem;
  padding: 1rem; background: var(--_surface);
  border: 1px solid var(--_border); border-radius: var(--_radius);
}
.title-button {
  font: inherit; font-weight: 700; text-align: start; cursor: pointer;
  padding: 0; margin: 0; border: 0; background: none;
  color: var(--_accent); text-decoration: underline; text-underline-offset: 3px;
}
.title-button:hover { text-decoration-thickness: 2px; }
.meta { color: var(--_muted); font-size: 0.875em; }
.amount { font-weight: 600; }
.excerpt {
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden;
  font-size: 0.9375em;
}
.more { margin-top: 1rem; justify-self: start; }

dialog {
  width: min(42rem, calc(100vw - 1rem)); max-height: calc(100vh - 2rem);
  padding: 0; overflow: auto;
  color: var(--_fg); background: var(--_bg);
  border: 1px solid var(--_border); border-radius: var(--_radius);
  font-family: var(--peluang-font, inherit); line-height: 1.5;
}
dialog::backdrop { background: rgb(15 23 42 / 0.55); }
.dialog-body { container-type: inline-size; padding: 1rem 1.25rem 1.25rem; display: grid; gap: 0.75rem; }
.dialog-head { display: flex; gap: 1rem; align-items: flex-start; justify-content: space-between; }
.dialog-head h2 { font-size: 1.25em; }
.close {
  flex: none; font: inherit; font-size: 1.5em; line-height: 1; cursor: pointer;
  width: 44px; height: 44px; color: var(--_fg); background: transparent;
  border: 1px solid var(--_border); border-radius: var(--_radius);
}
.facts { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.125rem 1rem; }
.facts dt { font-weight: 600; color: var(--_muted); font-size: 0.875em; margin-top: 0.5rem; }
@container (min-width: 30rem) {
  .facts { grid-template-columns: minmax(8rem, max-content) minmax(0, 1fr); }
  .facts dt { margin-top: 0; }
}

form { display: grid; gap: 1rem; padding: 1rem; background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); }
.intro { color: var(--_muted); font-size: 0.875em; }
.fields { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 40rem) {
  .fields { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .fields .wide { grid-column: 1 / -1; }
}
.field { display: grid; gap: 0.25rem; align-content: start; }
label, legend { font-weight: 600; font-size: 0.9375em; }
fieldset { border: 0; padding: 0; min-width: 0; }
legend { padding: 0; margin-bottom: 0.25rem; }
select, input[type='text'] {
  font: inherit; width: 100%; min-height: 44px; padding: 0.4em 0.6em;
  color: var(--_fg); background: var(--_bg);
  border: 1px solid var(--_muted); border-radius: calc(var(--_radius) / 2);
}
select[multiple] { min-height: 9rem; }
.hint { color: var(--_muted); font-size: 0.8125em; }
.field-error { color: var(--_error); font-size: 0.875em; font-weight: 600; }
[aria-invalid='true'] { border-color: var(--_error); border-width: 2px; }
.checks { display: grid; gap: 0.25rem 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); }
.check { display: flex; gap: 0.5rem; align-items: flex-start; font-weight: 400; min-height: 32px; padding-block: 0.2rem; cursor: pointer; }
.check input { width: 1.25rem; height: 1.25rem; margin: 0.1rem 0 0; flex: none; accent-color: var(--_accent); }
.range { display: grid; gap: 0.5rem; grid-template-columns: repeat(2, minmax(0, 1fr)); }
.range label { font-weight: 400; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }

.results { margin-top: 1.25rem; display: grid; gap: 0.5rem; }
.results .status { margin: 0; }
.match-head { display: flex; gap: 0.75rem; align-items: flex-start; justify-content: space-between; }
.score {
  flex: none; display: grid; place-items: center; min-width: 3.5rem; padding: 0.25rem 0.5rem;
  color: var(--_accent-fg); background: var(--_accent); border-radius: var(--_radius);
  font-weight: 700; line-height: 1.2; text-align: center;
}
.score small { display: block; font-size: 0.6875em; font-weight: 600; }
.bar { height: 6px; background: var(--_border); border-radius: 3px; overflow: hidden; }
.bar span { display: block; height: 100%; background: var(--_accent); }
.badges { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.375rem; }
.badge {
  font-size: 0.8125em; padding: 0.125rem 0.6rem;
  color: var(--_accent); background: var(--_bg);
  border: 1px solid var(--_accent); border-radius: 0.75rem;
}
.reasons { list-style: none; padding: 0; display: grid; gap: 0.25rem; font-size: 0.875em; }
.reason { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 0.75rem; }
@container (min-width: 32rem) { .reason { grid-template-columns: 10.5rem minmax(0, 1fr); } }
.reason .factor { font-weight: 700; }
.band { font-size: 0.875em; font-weight: 700; margin: 0; }
.group { border-top: 1px solid var(--_border); padding-block: 0.25rem; }
.group summary { cursor: pointer; min-height: 32px; padding-block: 0.4rem; font-weight: 600; }
.why { font-size: 0.875em; font-weight: 700; margin-top: 0.25rem; }
`;

let shared: CSSStyleSheet | null | undefined;

/**
 * A constructed stylesheet shared by every instance: no per-element parsing, and no inline
 * `<style>` that a host page's strict Content-Security-Policy would refuse.
 */
export function adoptStyles(root: ShadowRoot): void {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(CSS);
    } catch {
      shared = null;
    }
  }
  if (shared && 'adoptedStyleSheets' in root) {
    root.adoptedStyleSheets = [shared];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}
