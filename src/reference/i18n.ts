import type { UiLanguage } from '../domain/codes.ts';

/** A display name in every language the service answers in. */
export type LocalizedName = Record<UiLanguage, string>;

/** Indonesian and English only: legal notes and regulatory text are not translated further. */
export interface BilingualText {
  en: string;
  id: string;
}
