import { api, type Opportunity, type SearchQuery } from './api.ts';
import { COMMON_ATTRIBUTES, PeluangElement } from './base.ts';
import { DetailDialog } from './detail.ts';
import { h, headingTag } from './dom.ts';
import { formatUsdRange } from '../../src/domain/money.ts';
import { loadReference, type Reference } from './reference.ts';

const FILTERS = { sector: 'sector', province: 'province', 'island-group': 'islandGroup', technology: 'technology' } as const;

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * `<peluang-opportunities>`: published opportunities, filtered by attributes, a page at a time,
 * each opening a detail view.
 */
export class PeluangOpportunities extends PeluangElement {
  static get observedAttributes(): string[] {
    return [...COMMON_ATTRIBUTES, ...Object.keys(FILTERS), 'page-size'];
  }

  private readonly list: HTMLUListElement;
  private readonly more: HTMLButtonElement;
  private readonly dialog = new DetailDialog();
  private items: Opportunity[] = [];
  private nextCursor: string | null = null;
  private reference: Reference | null = null;

  constructor() {
    super();
    this.list = h('ul', { class: 'cards grid', part: 'list' });
    this.more = h('button', { type: 'button', class: 'button more', part: 'button more', hidden: true, onclick: () => void this.loadMore() });
    this.frame.append(this.alert, this.list, this.status, this.more, this.dialog.element);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dialog.close();
  }

  private get query(): SearchQuery {
    const query: Record<string, string[]> = {};
    for (const [attribute, parameter] of Object.entries(FILTERS)) {
      const values = list(this.getAttribute(attribute));
      if (values.length) query[parameter] = values;
    }
    const size = Number.parseInt(this.getAttribute('page-size') ?? '', 10);
    return { ...(query as SearchQuery), limit: Number.isFinite(size) ? Math.min(100, Math.max(1, size)) : 10 };
  }

  protected async refresh(): Promise<void> {
    const signal = this.freshSignal();
    const strings = this.strings;
    this.setLangOnFrame();
    this.dialog.close();
    this.list.setAttribute('aria-label', strings.list.label);
    this.more.textContent = strings.list.more;
    this.more.hidden = true;
    this.list.setAttribute('aria-busy', 'true');
    this.clearError();
    this.say(strings.loading);
    try {
      const config = this.apiConfig;
      const [reference, page] = await Promise.all([loadReference(config), api.searchOpportunities(config, this.query, signal)]);
      if (signal.aborted) return;
      this.reference = reference;
      this.items = page.data;
      this.nextCursor = page.nextCursor;
      this.list.replaceChildren(...page.data.map((item) => this.renderItem(item)));
      this.afterLoad();
    } catch (error) {
      if (this.showError(error, () => void this.refresh())) {
        this.items = [];
        this.list.replaceChildren();
      }
    } finally {
      if (!signal.aborted) this.list.removeAttribute('aria-busy');
    }
  }

  private async loadMore(): Promise<void> {
    if (!this.nextCursor) return;
    const signal = this.freshSignal();
    const strings = this.strings;
    this.more.disabled = true;
    this.list.setAttribute('aria-busy', 'true');
    this.clearError();
    this.say(strings.loading);
    try {
      const page = await api.searchOpportunities(this.apiConfig, { ...this.query, cursor: this.nextCursor }, signal);
      if (signal.aborted) return;
      const rendered = page.data.map((item) => this.renderItem(item));
      this.items.push(...page.data);
      this.nextCursor = page.nextCursor;
      this.list.append(...rendered);
      this.afterLoad();
      // Keyboard users continue where the new items start instead of back at the top.
      rendered[0]?.querySelector<HTMLButtonElement>('.title-button')?.focus();
    } catch (error) {
      this.showError(error, () => void this.loadMore());
    } finally {
      this.more.disabled = false;
      if (!signal.aborted) this.list.removeAttribute('aria-busy');
    }
  }

  private afterLoad(): void {
    const strings = this.strings;
    this.say(this.items.length ? strings.list.shown(this.items.length) : strings.list.empty);
    this.more.hidden = this.nextCursor === null;
  }

  private renderItem(o: Opportunity): HTMLLIElement {
    const reference = this.reference!;
    const lang = this.uiLang;
    const strings = this.strings;
    const contentLang = o.display.fallback ? o.display.language : undefined;
    const heading = headingTag(this.getAttribute('heading-level'));
    const open = h(
      'button',
      { type: 'button', class: 'title-button', part: 'title-button', 'aria-haspopup': 'dialog', lang: contentLang },
      o.display.title,
    );
    open.addEventListener('click', () => this.dialog.open(o, reference, lang, strings, open));
    return h(
      'li',
      { class: 'card', part: 'item', 'data-id': o.id },
      h(heading, { part: 'title' }, open),
      h('p', { class: 'meta', part: 'meta' }, `${reference.name('sectors', o.sector)} · ${reference.name('provinces', o.location.province)}`),
      h('p', { class: 'amount', part: 'amount' }, formatUsdRange(o.investmentUsd.min, o.investmentUsd.max, lang)),
      h('p', { class: 'excerpt', part: 'excerpt', lang: contentLang }, o.display.summary),
      h('p', { class: 'meta', part: 'sponsor' }, `${strings.fields.sponsor}: ${o.sponsor.name}`),
      o.display.fallback && h('p', { class: 'note', part: 'note' }, strings.shownInEnglish),
    );
  }
}
