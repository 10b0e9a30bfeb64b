import { LAND_STATUSES } from '../domain/investment-facts.ts';
import { SPONSOR_KINDS } from '../domain/opportunity.ts';
import type { Vocabularies, VocabularyEntry } from '../domain/spreadsheet.ts';
import { INCENTIVE_INFO } from '../domain/reference/incentives.ts';
import { KBLI } from '../domain/reference/kbli.ts';
import { MODALITY_INFO } from '../domain/reference/modalities.ts';
import { PROVINCES } from '../domain/reference/provinces.ts';
import { SECTORS } from '../domain/reference/sectors.ts';
import { TECHNOLOGY_INFO } from '../domain/reference/technologies.ts';
import { TRANSFER_DEPTH_INFO } from '../domain/reference/transfer-depths.ts';

const named = (items: readonly { code: string; names: Readonly<Record<string, string>> }[]): VocabularyEntry[] =>
  items.map((item) => ({ code: item.code, aliases: Object.values(item.names), names: item.names }));

const bare = (codes: readonly string[]): VocabularyEntry[] => codes.map((code) => ({ code, aliases: [] }));

/**
 * The reference data as the spreadsheet mapping reads it: a cell may hold a code or a name in
 * any of the five languages, and a province also its BPS code (`35` is East Java).
 */
export const SPREADSHEET_VOCABULARIES: Vocabularies = {
  sector: named(SECTORS.filter((sector) => sector.parent !== null)),
  technology: named(TECHNOLOGY_INFO),
  transferDepth: named(TRANSFER_DEPTH_INFO),
  modality: named(MODALITY_INFO),
  province: PROVINCES.map((province) => ({ code: province.code, aliases: [province.bpsCode, ...Object.values(province.names)], names: province.names })),
  sponsorKind: bare(SPONSOR_KINDS),
  kbli: KBLI.map((row) => ({ code: row.code, aliases: [], names: row.titles })),
  incentive: named(INCENTIVE_INFO),
  landStatus: bare(LAND_STATUSES),
};
