import type { ContentLanguage } from './codes.ts';

/** A user-facing text: Indonesian and English always, Korean, Japanese and Chinese optional. */
export type LocalizedText = { id: string; en: string } & Partial<Record<Exclude<ContentLanguage, 'id' | 'en'>, string>>;

/** Picks the text in the wanted language, falling back to English, and says whether it fell back. */
export function pickText(
  text: Partial<Record<ContentLanguage, string>>,
  language: string,
): { text: string; language: ContentLanguage; fallback: boolean } {
  const wanted = text[language as ContentLanguage];
  if (wanted !== undefined) return { text: wanted, language: language as ContentLanguage, fallback: false };
  return { text: text.en ?? '', language: 'en', fallback: language !== 'en' };
}
