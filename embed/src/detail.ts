import type { Opportunity } from './api.ts';
import { h, uid } from './dom.ts';
import { formatUsdRange } from '../../src/domain/money.ts';
import { formatList, joinPlace, type Lang, type Strings } from './i18n.ts';
import type { Reference } from './reference.ts';

/**
 * The detail view of one opportunity: a modal <dialog>, so focus moves into it and is held
 * there, Escape closes it, and focus returns to the control that opened it.
 */
export class DetailDialog {
  readonly element: HTMLDialogElement;
  private readonly titleId = uid('peluang-detail');
  private opener: HTMLElement | null = null;

  constructor() {
    this.element = h('dialog', { part: 'dialog', 'aria-labelledby': this.titleId });
    this.element.addEventListener('close', () => {
      this.opener?.focus();
      this.opener = null;
    });
    // A click on the backdrop (outside the body) closes, as people expect of an overlay.
    this.element.addEventListener('click', (event) => {
      if (event.target === this.element) this.element.close();
    });
  }

  /** Opens at once with a placeholder, for details that are still being fetched. */
  openLoading(title: string, strings: Strings, opener: HTMLElement): void {
    this.show(opener, this.body(strings, [h('h2', { id: this.titleId, part: 'dialog-title' }, title), h('p', { class: 'status' }, strings.loading)]));
  }

  open(opportunity: Opportunity, reference: Reference, lang: Lang, strings: Strings, opener: HTMLElement): void {
    this.show(opener, this.body(strings, renderDetail(opportunity, reference, lang, strings, this.titleId)));
  }

  /** Replaces the placeholder with a message, keeping the dialog open and its title. */
  fail(message: string): void {
    this.element.querySelector('.status')?.replaceWith(h('p', { class: 'error', role: 'alert' }, message));
  }

  close(): void {
    if (this.element.open) this.element.close();
  }

  /** The title (first node) shares a row with the close button; the rest follows. */
  private body(strings: Strings, [heading, ...rest]: HTMLElement[]): HTMLElement {
    const close = h('button', { type: 'button', class: 'close', part: 'button close', 'aria-label': strings.close, onclick: () => this.element.close() }, '×');
    return h('div', { class: 'dialog-body' }, h('div', { class: 'dialog-head' }, heading, close), ...rest);
  }

  private show(opener: HTMLElement, body: HTMLElement): void {
    this.element.replaceChildren(body);
    if (!this.element.open) {
      this.opener = opener;
      this.element.showModal();
    }
    // The close button first: reading starts at the title, and Escape or Enter gets out.
    body.querySelector<HTMLButtonElement>('.close')?.focus();
  }
}

function renderDetail(o: Opportunity, reference: Reference, lang: Lang, strings: Strings, titleId: string): HTMLElement[] {
  const f = strings.fields;
  // Texts in English when the visitor's language is missing are marked so screen readers switch voice.
  const contentLang = o.display.fallback ? o.display.language : undefined;
  const location = [o.location.regency, reference.name('provinces', o.location.province), o.location.specialEconomicZone].filter(
    (part): part is string => Boolean(part),
  );
  const row = (term: string, ...value: (Node | string | null | undefined | false)[]) => [h('dt', {}, term), h('dd', {}, ...value)];
  const list = (items: string[]) => formatList(lang, items);
  return [
    h('h2', { id: titleId, part: 'dialog-title', lang: contentLang }, o.display.title),
    o.display.fallback ? h('p', { class: 'note', part: 'note' }, strings.shownInEnglish) : null,
    h('p', { part: 'summary', lang: contentLang }, o.display.summary),
    h(
      'dl',
      { class: 'facts', part: 'facts' },
      ...row(f.sector, reference.name('sectors', o.sector)),
      ...row(f.location, joinPlace(lang, location)),
      ...row(f.investment, formatUsdRange(o.investmentUsd.min, o.investmentUsd.max, lang, true)),
      ...(o.technologies.length ? row(f.technologies, list(o.technologies.map((t) => reference.name('technologies', t)))) : []),
      ...row(f.transfer, reference.name('transferDepths', o.requiredTransferDepth)),
      ...row(f.modalities, list(o.modalities.map((m) => reference.name('modalities', m)))),
      ...row(f.sponsor, o.sponsor.name),
      ...row(
        f.contact,
        h('span', {}, o.contact.name),
        h('br'),
        h('a', { href: `mailto:${o.contact.email}`, part: 'link' }, o.contact.email),
        o.contact.phone && h('br'),
        o.contact.phone && h('a', { href: `tel:${o.contact.phone.replace(/[^+0-9]/g, '')}`, part: 'link' }, o.contact.phone),
      ),
    ),
  ].filter((node) => node !== null);
}
