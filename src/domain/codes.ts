/**
 * Stable codes of the controlled vocabularies. They are what the API accepts and returns;
 * names, translations and KBLI mappings live in `src/domain/reference/`.
 */

export const SECTOR_PARENTS = ['pharmaceuticals', 'medical-devices'] as const;
export type SectorParent = (typeof SECTOR_PARENTS)[number];

export const SECTOR_LEAVES = [
  'finished-drugs',
  'active-pharmaceutical-ingredients',
  'vaccines',
  'plasma-derived-products',
  'recombinant-proteins',
  'monoclonal-antibodies',
  'traditional-medicine',
  'in-vitro-diagnostics',
  'medical-consumables',
  'electromedical-imaging',
  'medical-dental-equipment',
  'personal-protective-equipment',
] as const;
export type SectorLeaf = (typeof SECTOR_LEAVES)[number];

export const SECTOR_CODES = [...SECTOR_PARENTS, ...SECTOR_LEAVES] as const;
export type SectorCode = SectorParent | SectorLeaf;

export const TECHNOLOGIES = [
  'chemical-api-synthesis',
  'fermentation',
  'sterile-fill-finish',
  'viral-vector',
  'nucleic-acid',
  'recombinant-protein',
  'monoclonal-antibody',
  'cell-culture-vaccine',
  'plasma-fractionation',
  'blood-bag-manufacturing',
  'rapid-diagnostic-tests',
  'molecular-diagnostics',
  'electromedical-devices',
  'medical-imaging',
  'polymer-disposables',
  'glove-dipping',
  'herbal-extraction',
  'digital-health',
] as const;
export type Technology = (typeof TECHNOLOGIES)[number];

/** Ordered: each depth includes the ones before it. */
export const TRANSFER_DEPTHS = ['none', 'licensing', 'joint-development', 'full-transfer'] as const;
export type TransferDepth = (typeof TRANSFER_DEPTHS)[number];

export const MODALITIES = [
  'joint-venture',
  'licensing',
  'contract-manufacturing',
  'greenfield',
  'acquisition',
  'rnd-collaboration',
] as const;
export type Modality = (typeof MODALITIES)[number];

export const ISLAND_GROUPS = [
  'sumatra',
  'java',
  'kalimantan',
  'sulawesi',
  'bali-nusa-tenggara',
  'maluku',
  'papua',
] as const;
export type IslandGroup = (typeof ISLAND_GROUPS)[number];

/** ISO 3166-2:ID codes of Indonesia's 38 provinces (four Papua provinces added in 2022). */
export const PROVINCE_CODES = [
  'ID-AC', 'ID-SU', 'ID-SB', 'ID-RI', 'ID-KR', 'ID-JA', 'ID-SS', 'ID-BB', 'ID-BE', 'ID-LA',
  'ID-JK', 'ID-JB', 'ID-BT', 'ID-JT', 'ID-YO', 'ID-JI',
  'ID-BA', 'ID-NB', 'ID-NT',
  'ID-KB', 'ID-KT', 'ID-KS', 'ID-KI', 'ID-KU',
  'ID-SA', 'ID-ST', 'ID-SN', 'ID-SG', 'ID-GO', 'ID-SR',
  'ID-MA', 'ID-MU',
  'ID-PA', 'ID-PB', 'ID-PD', 'ID-PT', 'ID-PE', 'ID-PS',
] as const;
export type ProvinceCode = (typeof PROVINCE_CODES)[number];

export const OPPORTUNITY_STATUSES = ['draft', 'in_review', 'published', 'withdrawn', 'closed'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** Languages every user-facing text is written in, and the optional ones. */
export const REQUIRED_LANGUAGES = ['id', 'en'] as const;
export const OPTIONAL_LANGUAGES = ['ko', 'ja', 'zh'] as const;
export const CONTENT_LANGUAGES = [...REQUIRED_LANGUAGES, ...OPTIONAL_LANGUAGES] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/** Languages the service answers in (reasons, reference names). */
export const UI_LANGUAGES = ['en', 'id', 'ko', 'ja', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
