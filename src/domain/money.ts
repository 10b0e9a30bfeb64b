import type { UiLanguage } from './codes.ts';

/**
 * US-dollar amounts and ranges as every language reads them: "US$5M–US$40M", "US$1,5 juta – US$1
 * juta", "500만~4000만 달러", "500万〜4000万ドル", "500万至4000万美元". Pure, with no Node imports, so
 * the browser embed bundles the same code the match explanations use.
 */

/** Below its first compact unit a language writes the whole number (5,000 not 5천). */
const FIRST_UNIT: Record<UiLanguage, number> = { en: 1e3, id: 1e3, ko: 1e4, ja: 1e4, zh: 1e4 };

const PATTERNS: Record<UiLanguage, { one: (a: string) => string; range: (a: string, b: string) => string }> = {
  en: { one: (a) => `US$${a}`, range: (a, b) => `US$${a}–US$${b}` },
  id: { one: (a) => `US$${a}`, range: (a, b) => `US$${a} – US$${b}` },
  ko: { one: (a) => `${a} 달러`, range: (a, b) => `${a}~${b} 달러` },
  ja: { one: (a) => `${a}ドル`, range: (a, b) => `${a}〜${b}ドル` },
  zh: { one: (a) => `${a}美元`, range: (a, b) => `${a}至${b}美元` },
};

interface Formatters {
  /** Three significant digits in the largest unit that keeps the value at or above 1. */
  compact: Intl.NumberFormat;
  whole: Intl.NumberFormat;
  /**
   * Amounts recur across rankings (an opportunity's range, an investor's ticket) and formatting is
   * the costly part of an explanation, so each text is kept, up to a bound, then dropped whole.
   */
  seen: Map<number, string>;
}

const SEEN_MAX = 50_000;
const formatters = new Map<UiLanguage, Formatters>();

function formattersFor(lang: UiLanguage): Formatters {
  let f = formatters.get(lang);
  if (!f) {
    f = {
      compact: new Intl.NumberFormat(lang, {
        notation: 'compact',
        // Indonesian's short units ("jt", "M" for miliar) read as abbreviations of other words.
        compactDisplay: lang === 'id' ? 'long' : 'short',
        maximumSignificantDigits: 3,
        useGrouping: true,
      }),
      whole: new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }),
      seen: new Map(),
    };
    formatters.set(lang, f);
  }
  return f;
}

function amount(v: number, lang: UiLanguage, exact: boolean): string {
  const f = formattersFor(lang);
  if (exact) return f.whole.format(v);
  let text = f.seen.get(v);
  if (text === undefined) {
    if (f.seen.size >= SEEN_MAX) f.seen.clear();
    text = Math.round(v) < FIRST_UNIT[lang] ? f.whole.format(v) : f.compact.format(v);
    f.seen.set(v, text);
  }
  return text;
}

/** `min`–`max` US dollars, compact unless `exact`; one amount when both ends are the same. */
export function formatUsdRange(min: number, max: number, lang: UiLanguage, exact = false): string {
  const pattern = PATTERNS[lang];
  const a = amount(min, lang, exact);
  return min === max ? pattern.one(a) : pattern.range(a, amount(max, lang, exact));
}
