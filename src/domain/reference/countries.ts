import { createRequire } from 'node:module';
import type { LocaleData } from 'i18n-iso-countries';

// require() rather than ESM imports: the package is CommonJS with JSON locale files, and
// JSON import attributes behave differently under tsx and tap's TypeScript loader.
const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');

export type CountryNameLanguage = 'en' | 'id' | 'ko' | 'ja' | 'zh';

const LOCALES: readonly CountryNameLanguage[] = ['en', 'id', 'ko', 'ja', 'zh'];

/**
 * Where the package's locale data departs from the customary name: Indonesia's full Chinese
 * name rather than the colloquial 印尼, and the names in everyday use for Taiwan.
 */
const CUSTOMARY_NAMES: Partial<Record<CountryNameLanguage, Readonly<Record<string, string>>>> = {
  zh: { ID: '印度尼西亚', TW: '台湾' },
  ko: { TW: '대만' },
};

for (const lang of LOCALES) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`) as LocaleData);
}

/** ISO 3166-1 alpha-2 codes, sorted. */
export const COUNTRY_CODES: readonly string[] = Object.freeze(
  Object.keys(countries.getAlpha2Codes()).sort(),
);

const CODE_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);

/** True for an upper-case ISO 3166-1 alpha-2 code; the API stores codes in that form only. */
export function isCountryCode(code: string): boolean {
  return CODE_SET.has(code);
}

/** The country's short name, in English when the locale lacks one; undefined for an unknown code. */
export function countryName(code: string, lang: CountryNameLanguage): string | undefined {
  if (!isCountryCode(code)) return undefined;
  return CUSTOMARY_NAMES[lang]?.[code] ?? countries.getName(code, lang) ?? countries.getName(code, 'en');
}
