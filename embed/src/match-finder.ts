import { ApiError, api, errorMessage, isAbort, keyRefusedHere, type OpportunityMatch, type PreviewRequest } from './api.ts';
import { COMMON_ATTRIBUTES, PeluangElement } from './base.ts';
import { DetailDialog } from './detail.ts';
import { h, headingTag, uid } from './dom.ts';
import { formatUsdRange } from '../../src/domain/money.ts';
import { FACTOR_NAMES, formatScore, type FactorName, type Lang } from './i18n.ts';
import { loadCountries, loadReference, type Countries, type Reference } from './reference.ts';

type Profile = NonNullable<PreviewRequest['profile']>;

interface FormState {
  sector: string;
  country: string;
  technologies: string[];
  transfer: string;
  provinces: string[];
  min: string;
  max: string;
}

/** Whether a profile states anything the ranking compares (the country only adds context). */
const states = (p: Profile) =>
  (p.sectors?.length ?? 0) > 0 ||
  (p.technologies?.length ?? 0) > 0 ||
  (p.maxTransferDepth ?? null) !== null ||
  (p.preferredProvinces?.length ?? 0) > 0 ||
  (p.ticketUsd ?? null) !== null;

const EMPTY_FORM: FormState = { sector: '', country: '', technologies: [], transfer: '', provinces: [], min: '', max: '' };
const USD_MAX = 1_000_000_000_000;

/** A number of million US dollars as people type it: `12,5` in Indonesian, `12.5` or `1,250` elsewhere. */
export function parseMillions(text: string, lang: Lang): number | null | 'invalid' {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (compact === '') return null;
  const normalised = lang === 'id' ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return 'invalid';
  const usd = Math.round(Number(normalised) * 1_000_000);
  return usd >= 1 && usd <= USD_MAX ? usd : 'invalid';
}

/**
 * `<peluang-match-finder>`: a short profile form whose answer is the ranked, explained list of
 * published opportunities from the preview endpoint. Nothing the visitor types is stored.
 */
export class PeluangMatchFinder extends PeluangElement {
  static get observedAttributes(): string[] {
    return [...COMMON_ATTRIBUTES, 'sector', 'country', 'page-size'];
  }

  private readonly formSlot = h('div', {});
  private readonly results: HTMLElement;
  private readonly resultsList: HTMLOListElement;
  private resultsTitle: HTMLElement;
  private readonly more: HTMLButtonElement;
  private readonly dialog = new DetailDialog();
  private form: HTMLFormElement | null = null;
  private reference: Reference | null = null;
  private countries: Countries | null = null;
  private found: OpportunityMatch[] = [];
  private nextCursor: string | null = null;
  /** The profile last searched for, so a language switch can ask again for reasons in the new language. */
  private lastProfile: Profile | null = null;
  /** Preset attributes as last applied; the visitor's own choices win until an attribute changes. */
  private presets = { sector: '', country: '' };

  constructor() {
    super();
    const titleId = uid('peluang-results');
    this.resultsTitle = h('h3', { id: titleId, part: 'results-title' });
    this.resultsList = h('ol', { class: 'cards', part: 'matches' });
    this.more = h('button', { type: 'button', class: 'button more', part: 'button more', hidden: true, onclick: () => void this.search(true) });
    this.resultsTitle.hidden = true;
    // The live region stays out of any hidden subtree, or nothing it says would be announced.
    this.results = h('section', { class: 'results', part: 'results', 'aria-labelledby': titleId }, this.resultsTitle, this.status, this.alert, this.resultsList, this.more);
    this.frame.append(this.formSlot, this.results, this.dialog.element);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.dialog.close();
  }

  private get pageSize(): number {
    const size = Number.parseInt(this.getAttribute('page-size') ?? '', 10);
    return Number.isFinite(size) ? Math.min(100, Math.max(1, size)) : 10;
  }

  protected async refresh(): Promise<void> {
    const signal = this.freshSignal();
    this.setLangOnFrame();
    this.dialog.close();
    this.clearError();
    this.say(this.strings.loading);
    try {
      const config = this.apiConfig;
      const [reference, countries] = await Promise.all([loadReference(config), loadCountries(config)]);
      if (signal.aborted) return;
      this.reference = reference;
      this.countries = countries;
      this.renderForm();
      this.say('');
      if (keyRefusedHere(config)) this.showOriginRefused();
      else if (this.lastProfile) await this.search(false);
    } catch (error) {
      this.showError(error, () => void this.refresh());
    }
  }

  // ---- the form ----

  private readState(): FormState {
    const form = this.form;
    if (!form) return { ...EMPTY_FORM };
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '';
    return {
      sector: value('sector'),
      country: value('country'),
      technologies: [...form.querySelectorAll<HTMLInputElement>('input[name="technology"]:checked')].map((input) => input.value),
      transfer: value('transfer'),
      provinces: [...form.querySelectorAll<HTMLInputElement>('input[name="province"]:checked')].map((input) => input.value),
      min: value('min'),
      max: value('max'),
    };
  }

  private renderForm(): void {
    const state = this.readState();
    // A changed preset attribute is the host page speaking: it replaces the visitor's choice.
    for (const name of ['sector', 'country'] as const) {
      const preset = this.getAttribute(name)?.trim() ?? '';
      if (preset !== this.presets[name]) {
        state[name] = name === 'country' ? preset.toUpperCase() : preset;
        this.presets[name] = preset;
      }
    }
    const s = this.strings.finder;
    const reference = this.reference!;
    const ids = { sector: uid('pf-sector'), country: uid('pf-country'), transfer: uid('pf-transfer'), hint: uid('pf-hint'), min: uid('pf-min'), max: uid('pf-max'), ticketError: uid('pf-ticket') };

    const parents = reference.sectors.filter((sector) => sector.parent === null);
    const sectorSelect = h(
      'select',
      { id: ids.sector, name: 'sector', part: 'select', onchange: () => this.filterTechnologies() },
      h('option', { value: '' }, s.anySector),
      parents.map((parent) =>
        h(
          'optgroup',
          { label: parent.name },
          h('option', { value: parent.code }, s.allOf(parent.name)),
          reference.sectors.filter((leaf) => leaf.parent === parent.code).map((leaf) => h('option', { value: leaf.code }, leaf.name)),
        ),
      ),
    );
    const countrySelect = h(
      'select',
      { id: ids.country, name: 'country', part: 'select' },
      h('option', { value: '' }, s.notStated),
      [...this.countries!.data]
        .sort((a, b) => a.name.localeCompare(b.name, this.uiLang))
        .map((country) => h('option', { value: country.code }, country.name)),
    );
    const technologies = h(
      'div',
      { class: 'checks' },
      reference.technologies.map((technology) =>
        h(
          'label',
          { class: 'check', 'data-sectors': technology.sectors.join(' ') },
          h('input', { type: 'checkbox', name: 'technology', value: technology.code, part: 'checkbox' }),
          h('span', {}, technology.name),
        ),
      ),
    );
    const transferSelect = h(
      'select',
      { id: ids.transfer, name: 'transfer', part: 'select' },
      h('option', { value: '' }, s.notStated),
      [...reference.transferDepths].sort((a, b) => a.rank - b.rank).map((depth) => h('option', { value: depth.code }, depth.name)),
    );
    const groups = new Map<string, typeof reference.provinces>();
    for (const province of reference.provinces) groups.set(province.islandGroup, [...(groups.get(province.islandGroup) ?? []), province]);
    // Checkboxes, one folding group per island group: several provinces on a phone without Ctrl-click.
    const provinceChecks = [...groups].map(([group, provinces]) =>
      h(
        'details',
        { class: 'group', part: 'province-group', 'data-group': group },
        h('summary', {}, reference.name('islandGroups', group)),
        h(
          'div',
          { class: 'checks' },
          provinces.map((p) =>
            h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'province', value: p.code, part: 'checkbox' }), h('span', {}, p.name)),
          ),
        ),
      ),
    );
    const ticketInput = (id: string, name: string, label: string) =>
      h('div', { class: 'field' }, h('label', { for: id }, label), h('input', { id, name, type: 'text', inputmode: 'decimal', autocomplete: 'off', part: 'input', 'aria-describedby': ids.ticketError }));

    const form = h(
      'form',
      { part: 'form', novalidate: true, onsubmit: (event) => this.onSubmit(event) },
      h(headingTag(this.getAttribute('heading-level')), { part: 'form-title' }, s.title),
      h('p', { class: 'intro' }, s.intro),
      h(
        'div',
        { class: 'fields' },
        h('div', { class: 'field' }, h('label', { for: ids.sector }, s.sector), sectorSelect),
        h('div', { class: 'field' }, h('label', { for: ids.country }, s.country), countrySelect),
        h('fieldset', { class: 'field wide', part: 'fieldset' }, h('legend', {}, s.technologies), technologies),
        h('div', { class: 'field' }, h('label', { for: ids.transfer }, s.transfer), transferSelect),
        h(
          'fieldset',
          { class: 'field wide', part: 'fieldset', 'aria-describedby': ids.hint },
          h('legend', {}, s.provinces),
          h('p', { id: ids.hint, class: 'hint' }, s.provincesHint),
          provinceChecks,
        ),
        h(
          'fieldset',
          { class: 'field wide', part: 'fieldset' },
          h('legend', {}, s.ticket),
          h('div', { class: 'range' }, ticketInput(ids.min, 'min', s.ticketMin), ticketInput(ids.max, 'max', s.ticketMax)),
          h('p', { id: ids.ticketError, class: 'field-error', hidden: true }),
        ),
      ),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button', part: 'button submit' }, s.submit)),
    );

    const hadFocus = this.form?.contains(this.root.activeElement) ? this.root.activeElement?.getAttribute('name') : null;
    this.form = form;
    this.formSlot.replaceChildren(form);
    this.writeState(state);
    this.filterTechnologies();
    if (hadFocus) form.querySelector<HTMLElement>(`[name="${hadFocus}"]`)?.focus();
  }

  private writeState(state: FormState): void {
    const form = this.form!;
    const set = (name: string, value: string) => {
      const control = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (!control) return;
      control.value = value;
      // An unknown preset (a typo in the host page) leaves the control at its first option.
      if (control instanceof HTMLSelectElement && control.selectedIndex === -1) control.selectedIndex = 0;
    };
    set('sector', state.sector);
    set('country', state.country);
    set('transfer', state.transfer);
    set('min', state.min);
    set('max', state.max);
    for (const input of form.querySelectorAll<HTMLInputElement>('input[name="technology"]')) input.checked = state.technologies.includes(input.value);
    for (const input of form.querySelectorAll<HTMLInputElement>('input[name="province"]')) input.checked = state.provinces.includes(input.value);
    // A group with a chosen province starts open, so the choice is visible.
    for (const group of form.querySelectorAll<HTMLDetailsElement>('details.group')) group.open = group.querySelector('input:checked') !== null;
  }

  /** Only the technologies of the chosen sector are offered, keeping the form short; ticked ones stay. */
  private filterTechnologies(): void {
    const form = this.form!;
    const sector = (form.elements.namedItem('sector') as HTMLSelectElement).value;
    const leaves = new Set(
      sector === '' ? [] : this.reference!.sectors.filter((s) => s.code === sector || s.parent === sector).map((s) => s.code as string),
    );
    for (const label of form.querySelectorAll<HTMLLabelElement>('.check[data-sectors]')) {
      const input = label.querySelector('input')!;
      const relevant = leaves.size === 0 || (label.dataset.sectors ?? '').split(' ').some((code) => leaves.has(code));
      label.hidden = !relevant && !input.checked;
    }
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const profile = this.profileFromForm();
    if (!profile) return;
    if (keyRefusedHere(this.apiConfig)) return this.showOriginRefused();
    if (!states(profile)) {
      this.clearError();
      this.alert.replaceChildren(h('p', {}, this.strings.finder.nothingStated));
      return;
    }
    this.lastProfile = profile;
    void this.search(false);
  }

  /** The preview profile, or null after showing what to correct. */
  private profileFromForm(): Profile | null {
    const form = this.form!;
    const state = this.readState();
    const s = this.strings.finder;
    const min = parseMillions(state.min, this.uiLang);
    const max = parseMillions(state.max, this.uiLang);
    const minInput = form.elements.namedItem('min') as HTMLInputElement;
    const maxInput = form.elements.namedItem('max') as HTMLInputElement;
    const errorText = form.querySelector<HTMLParagraphElement>('.field-error')!;
    const problem = min === 'invalid' || max === 'invalid' ? s.ticketInvalid : min !== null && max !== null && min > max ? s.ticketOrder : null;
    minInput.setAttribute('aria-invalid', String(min === 'invalid' || (problem === s.ticketOrder)));
    maxInput.setAttribute('aria-invalid', String(max === 'invalid'));
    errorText.textContent = problem ?? '';
    errorText.hidden = problem === null;
    if (problem) {
      (min === 'invalid' || problem === s.ticketOrder ? minInput : maxInput).focus();
      return null;
    }
    const ticket = min === null && max === null ? null : { min: (min as number | null) ?? 1, max: (max as number | null) ?? USD_MAX };
    return {
      ...(state.country && { country: state.country }),
      sectors: state.sector ? [state.sector as NonNullable<Profile['sectors']>[number]] : [],
      technologies: state.technologies as NonNullable<Profile['technologies']>,
      maxTransferDepth: (state.transfer || null) as Profile['maxTransferDepth'],
      preferredProvinces: state.provinces as NonNullable<Profile['preferredProvinces']>,
      ticketUsd: ticket,
    };
  }

  // ---- results ----

  private async search(append: boolean): Promise<void> {
    const profile = this.lastProfile;
    if (!profile) return;
    const signal = this.freshSignal();
    const strings = this.strings;
    const submit = this.form?.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (submit) submit.disabled = true;
    this.more.disabled = true;
    this.resultsList.setAttribute('aria-busy', 'true');
    this.clearError();
    this.say(strings.loading);
    try {
      const page = await api.previewMatches(
        this.apiConfig,
        { profile, limit: this.pageSize, ...(append && this.nextCursor && { cursor: this.nextCursor }) },
        signal,
      );
      if (signal.aborted) return;
      const rendered = page.data.map((match, index) => this.renderMatch(match, (append ? this.found.length : 0) + index + 1));
      this.found = append ? [...this.found, ...page.data] : page.data;
      this.nextCursor = page.nextCursor;
      if (append) this.resultsList.append(...rendered);
      else this.resultsList.replaceChildren(...rendered);
      this.showResultsTitle(strings.finder.results);
      this.more.textContent = strings.finder.more;
      this.more.hidden = page.nextCursor === null;
      this.say(this.found.length ? strings.finder.found(this.found.length) : strings.finder.empty);
      if (append) rendered[0]?.querySelector<HTMLButtonElement>('.title-button')?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'origin-not-allowed') this.showOriginRefused();
      else if (this.showError(error, () => void this.search(append)) && !append) {
        this.found = [];
        this.resultsList.replaceChildren();
        this.resultsTitle.hidden = true;
        this.more.hidden = true;
      }
    } finally {
      if (!signal.aborted) {
        if (submit) submit.disabled = false;
        this.more.disabled = false;
        this.resultsList.removeAttribute('aria-busy');
      }
    }
  }

  private renderMatch(match: OpportunityMatch, rank: number): HTMLLIElement {
    const reference = this.reference!;
    const lang = this.uiLang;
    const strings = this.strings;
    const s = strings.finder;
    const o = match.opportunity;
    const fellBack = o.titleLanguage !== lang;
    const score = formatScore(lang, match.score);
    const open = h(
      'button',
      { type: 'button', class: 'title-button', part: 'title-button', 'aria-haspopup': 'dialog', lang: fellBack ? o.titleLanguage : undefined },
      o.title,
    );
    open.addEventListener('click', () => void this.openDetail(o.id, o.title, open));
    const bar = h('span');
    bar.style.width = `${Math.max(0, Math.min(100, match.score))}%`;
    const factors = [...match.factors].sort((a, b) => FACTOR_NAMES.indexOf(a.factor as FactorName) - FACTOR_NAMES.indexOf(b.factor as FactorName));
    // Only what was compared: a factor left open (a question not asked or not answered) is not shown.
    const supporting = factors.filter((factor) => factor.supports);
    const differing = factors.filter((factor) => !factor.neutral && !factor.supports && factor.weight > 0);
    const reasons = (list: typeof factors, kind: string) =>
      h(
        'ul',
        { class: 'reasons', part: 'reasons', 'data-kind': kind },
        list.map((factor) =>
          h(
            'li',
            { class: 'reason', part: 'reason', 'data-factor': factor.factor },
            h('span', { class: 'factor' }, s.factors[factor.factor as FactorName] ?? factor.factor),
            h('span', {}, factor.text),
          ),
        ),
      );
    return h(
      'li',
      { class: 'card', part: 'match', 'data-opportunity-id': o.id, 'data-rank': rank, 'data-score': match.score },
      h(
        'div',
        { class: 'match-head' },
        h(headingTag(this.getAttribute('heading-level'), 1), { part: 'title' }, open),
        h(
          'p',
          { class: 'score', part: 'score' },
          h('span', { 'aria-hidden': 'true' }, score, h('small', {}, '/100')),
          h('span', { class: 'sr-only' }, s.score(score)),
        ),
      ),
      h('p', { class: 'band', part: 'band', 'data-band': match.band }, s.bands[match.band]),
      h('div', { class: 'bar', 'aria-hidden': 'true' }, bar),
      h(
        'p',
        { class: 'meta', part: 'meta' },
        [reference.name('sectors', o.sector), reference.name('provinces', o.province), formatUsdRange(o.investmentUsd.min, o.investmentUsd.max, lang), o.sponsorName].join(' · '),
      ),
      fellBack && h('p', { class: 'note', part: 'note' }, strings.shownInEnglish),
      match.badges.length > 0 && h('ul', { class: 'badges', part: 'badges' }, match.badges.map((badge) => h('li', { class: 'badge', part: 'badge', 'data-code': badge.code }, badge.text))),
      supporting.length > 0 && [h('p', { class: 'why' }, s.why), reasons(supporting, 'supports')],
      differing.length > 0 && [h('p', { class: 'why' }, s.differs), reasons(differing, 'differs')],
    );
  }

  /** The key does not allow this page: say so in the visitor's language; the console names the origin. */
  private showOriginRefused(): void {
    this.say('');
    this.alert.replaceChildren(h('p', {}, this.strings.finder.originRefused));
  }

  /** The results title sits at the form title's level, which the host page may change. */
  private showResultsTitle(text: string): void {
    const tag = headingTag(this.getAttribute('heading-level'));
    if (this.resultsTitle.localName !== tag) {
      const title = h(tag, { id: this.resultsTitle.id, part: 'results-title' });
      this.resultsTitle.replaceWith(title);
      this.resultsTitle = title;
    }
    this.resultsTitle.textContent = text;
    this.resultsTitle.hidden = false;
  }

  private async openDetail(id: string, title: string, opener: HTMLElement): Promise<void> {
    const strings = this.strings;
    const lang = this.uiLang;
    this.dialog.openLoading(title, strings, opener);
    try {
      const opportunity = await api.getOpportunity(this.apiConfig, id);
      this.dialog.open(opportunity, this.reference!, lang, strings, opener);
    } catch (error) {
      if (!isAbort(error)) this.dialog.fail(errorMessage(error, strings).message);
    }
  }
}
