import { DECISION_FACTS_AS_OF, type BilingualText, type FiveLanguageName, type Sourced } from './i18n.ts';

/** Product categories with their own halal-certification deadline (UU 33/2014 and its implementing rules). */
export const HALAL_CATEGORIES = [
  'traditional-medicine-supplements',
  'over-the-counter-drugs',
  'prescription-drugs',
  'biological-products',
  'medical-devices-class-a',
  'medical-devices-class-b',
  'medical-devices-class-c',
  'narcotics-psychotropics',
] as const;
export type HalalCategory = (typeof HALAL_CATEGORIES)[number];

export interface HalalObligation extends Sourced {
  category: HalalCategory;
  names: FiveLanguageName;
  /** ISO 8601 date (or year alone) by which products must be certified; null when exempt. */
  deadline: string | null;
  /** Whether the deadline is known to the day or only to the year. */
  deadlinePrecision: 'day' | 'year' | null;
  appliesTo: BilingualText;
  /** PP 42/2024 amended PP 39/2021; whether it moved these dates is not confirmed. */
  datesAfterPp42of2024: 'unknown';
}

const asOf = DECISION_FACTS_AS_OF;
const source = 'UU 33/2014; PP 39/2021 as amended by PP 42/2024; Perpres 6/2023';
const ALL: BilingualText = { en: 'All products in the category.', id: 'Semua produk dalam kategori ini.' };
const ANIMAL: BilingualText = {
  en: 'Only devices of animal origin or containing animal material.',
  id: 'Hanya alat kesehatan yang berasal dari hewan atau mengandung bahan hewani.',
};

const row = (
  category: HalalCategory,
  names: FiveLanguageName,
  deadline: string | null,
  appliesTo: BilingualText = ALL,
): HalalObligation => ({
  category,
  names,
  deadline,
  deadlinePrecision: deadline === null ? null : deadline.length === 4 ? 'year' : 'day',
  appliesTo,
  datesAfterPp42of2024: 'unknown',
  source,
  asOf,
});

export const HALAL_OBLIGATIONS: readonly HalalObligation[] = [
  row('traditional-medicine-supplements', { en: 'Traditional medicine, quasi-drugs and health supplements', id: 'Obat tradisional, obat kuasi dan suplemen kesehatan', ko: '전통의약품·의약외품·건강보조식품', ja: '伝統医薬品・医薬部外品・健康補助食品', zh: '传统药物、准药品及保健补充剂' }, '2026-10-17'),
  row('over-the-counter-drugs', { en: 'Over-the-counter drugs', id: 'Obat bebas dan obat bebas terbatas', ko: '일반의약품', ja: '一般用医薬品', zh: '非处方药' }, '2029-10-17'),
  row('prescription-drugs', { en: 'Prescription drugs (except psychotropics)', id: 'Obat keras (kecuali psikotropika)', ko: '전문의약품(향정신성의약품 제외)', ja: '処方薬(向精神薬を除く)', zh: '处方药(精神药品除外)' }, '2034-10-17'),
  row('biological-products', { en: 'Biological products', id: 'Produk biologi', ko: '생물의약품', ja: '生物学的製剤', zh: '生物制品' }, '2039-10-17'),
  row('medical-devices-class-a', { en: 'Medical devices, class A', id: 'Alat kesehatan kelas A', ko: '의료기기 A등급', ja: '医療機器クラスA', zh: 'A类医疗器械' }, '2026', ANIMAL),
  row('medical-devices-class-b', { en: 'Medical devices, class B', id: 'Alat kesehatan kelas B', ko: '의료기기 B등급', ja: '医療機器クラスB', zh: 'B类医疗器械' }, '2029', ANIMAL),
  row('medical-devices-class-c', { en: 'Medical devices, class C', id: 'Alat kesehatan kelas C', ko: '의료기기 C등급', ja: '医療機器クラスC', zh: 'C类医疗器械' }, '2034', ANIMAL),
  row('narcotics-psychotropics', { en: 'Narcotics and psychotropics', id: 'Narkotika dan psikotropika', ko: '마약류·향정신성의약품', ja: '麻薬・向精神薬', zh: '麻醉药品及精神药品' }, null, { en: 'Exempt from the obligation.', id: 'Dikecualikan dari kewajiban.' }),
];

export const halalByCategory: ReadonlyMap<HalalCategory, HalalObligation> = new Map(HALAL_OBLIGATIONS.map((o) => [o.category, o]));

/** Products not yet halal may be labelled so instead of being certified. */
export const HALAL_NOTE: BilingualText = {
  en: 'Products not yet halal may carry a "Bahan Tidak Halal" or "Proses Belum Halal" label. Whether PP 42/2024 changed these deadlines is unverified; device deadlines are known to the year only.',
  id: 'Produk yang belum halal dapat diberi label "Bahan Tidak Halal" atau "Proses Belum Halal". Apakah PP 42/2024 mengubah tenggat ini belum diverifikasi; tenggat alat kesehatan hanya diketahui tahunnya.',
};
