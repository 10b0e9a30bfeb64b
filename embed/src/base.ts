import { errorMessage, isAbort, type ApiConfig } from './api.ts';
import { h } from './dom.ts';
import { resolveLang, STRINGS, type Lang, type Strings } from './i18n.ts';
import { adoptStyles } from './styles.ts';

let defaultApiBase: string | null = null;

/** Where the bundle was loaded from: the API base when an element has no `api-base`. */
export function setDefaultApiBase(base: string | null): void {
  defaultApiBase = base;
}

export const COMMON_ATTRIBUTES = ['api-base', 'api-key', 'lang', 'heading-level'];

/**
 * What both components share: a shadow root, configuration from attributes, one refresh per
 * burst of attribute changes, cancelling of superseded requests, and the status and error regions.
 */
export abstract class PeluangElement extends HTMLElement {
  protected readonly root: ShadowRoot;
  protected readonly frame: HTMLDivElement;
  /** Polite announcements: counts, loading. */
  protected readonly status: HTMLParagraphElement;
  /** Errors, announced at once. */
  protected readonly alert: HTMLDivElement;
  private scheduled = false;
  private controller: AbortController | null = null;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.root);
    this.status = h('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.alert = h('div', { class: 'error', part: 'error', role: 'alert' });
    this.frame = h('div', { part: 'container' });
    this.root.append(this.frame);
  }

  connectedCallback(): void {
    this.schedule();
  }

  disconnectedCallback(): void {
    this.controller?.abort();
    this.controller = null;
  }

  attributeChangedCallback(_name: string, previous: string | null, next: string | null): void {
    if (previous !== next && this.isConnected) this.schedule();
  }

  /** Several attributes set in a row (a language switch with new filters) cause one refresh. */
  protected schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.isConnected) void this.refresh();
    });
  }

  protected abstract refresh(): Promise<void>;

  get uiLang(): Lang {
    return resolveLang(this);
  }

  protected get strings(): Strings {
    return STRINGS[this.uiLang];
  }

  protected get apiConfig(): ApiConfig {
    const base = (this.getAttribute('api-base')?.trim() || defaultApiBase || window.location.origin).replace(/\/+$/, '');
    return { base, key: this.getAttribute('api-key')?.trim() || null, lang: this.uiLang };
  }

  /** A signal for a new round of requests; the previous round, now stale, is cancelled. */
  protected freshSignal(): AbortSignal {
    this.controller?.abort();
    this.controller = new AbortController();
    return this.controller.signal;
  }

  protected setLangOnFrame(): void {
    this.frame.lang = this.uiLang;
  }

  protected say(message: string): void {
    this.status.textContent = message;
  }

  protected clearError(): void {
    this.alert.replaceChildren();
  }

  /** Shows a failure in the visitor's language; returns false for a cancelled request, which is no failure. */
  protected showError(error: unknown, retry: () => void): boolean {
    if (isAbort(error)) return false;
    const { message, retry: retryable } = errorMessage(error, this.strings);
    // The page's author needs the details; the visitor gets the sentence above.
    console.warn('[peluang]', error);
    this.say('');
    const again = h('button', { type: 'button', class: 'button secondary', part: 'button retry', onclick: retry }, this.strings.retry);
    this.alert.replaceChildren(h('p', {}, message), ...(retryable ? [again] : []));
    return true;
  }
}
