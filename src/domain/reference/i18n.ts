import type { UiLanguage } from '../codes.ts';

/** A display name in every language the service answers in. */
export type LocalizedName = Record<UiLanguage, string>;

/** Indonesian and English only: legal notes and regulatory text are not translated further. */
export interface BilingualText {
  en: string;
  id: string;
}

/**
 * A name in Indonesian, English, Korean, Japanese and Simplified Chinese: the investor-decision
 * lists (KBLI rows, incentives, halal and TKDN rules) are written in all five.
 */
export type FiveLanguageName = Record<UiLanguage | 'zh', string>;

/** Where a fact comes from and when it was last checked against that source. */
export interface Sourced {
  /** Legal instrument or publication, short form ("PMK 130/2020"). */
  source: string;
  /** ISO date the fact was checked. */
  asOf: string;
}

/** The date the investor-decision facts below were last checked against their sources. */
export const DECISION_FACTS_AS_OF = '2026-12-03';
