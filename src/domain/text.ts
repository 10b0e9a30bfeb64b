import type { ContentLanguage } from './codes.ts';

/** A user-facing text: Indonesian and English always, Korean, Japanese and Chinese optional. */
export type LocalizedText = { id: string; en: string } & Partial<Record<Exclude<ContentLanguage, 'id' | 'en'>, string>>;

/** The order a missing language falls back in: English, then Indonesian (both required). */
const FALLBACK_ORDER = ['en', 'id'] as const satisfies readonly ContentLanguage[];

/**
 * Picks the text in the wanted language, else the first of English and Indonesian present,
 * and says which language it is in and whether that is a fallback.
 */
export function pickText(
  text: Partial<Record<ContentLanguage, string>>,
  language: string,
): { text: string; language: ContentLanguage; fallback: boolean } {
  const wanted = text[language as ContentLanguage];
  if (wanted !== undefined) return { text: wanted, language: language as ContentLanguage, fallback: false };
  const found = FALLBACK_ORDER.find((candidate) => text[candidate] !== undefined) ?? 'en';
  return { text: text[found] ?? '', language: found, fallback: true };
}
