import { DECISION_FACTS_AS_OF, type BilingualText, type FiveLanguageName, type Sourced } from './i18n.ts';

/** Fiscal incentives an opportunity may claim; each claim is checked against its rule. */
export const INCENTIVES = ['tax-holiday', 'tax-allowance', 'rnd-super-deduction', 'kek-facilities'] as const;
export type Incentive = (typeof INCENTIVES)[number];

/** A tax-holiday tier of PMK 130/2020 by investment value in IDR (lower bound inclusive). */
export interface TaxHolidayTier {
  tier: number;
  minIdr: number;
  /** Exclusive; null for the top tier. */
  maxIdr: number | null;
  /** Corporate income tax reduction during the main period. */
  reductionPct: number;
  years: number;
  /** The reduction and years that follow the main period. */
  thenReductionPct: number;
  thenYears: number;
}

const BN = 1_000_000_000;
const TN = 1_000 * BN;

export const TAX_HOLIDAY_TIERS: readonly TaxHolidayTier[] = [
  { tier: 1, minIdr: 100 * BN, maxIdr: 500 * BN, reductionPct: 50, years: 5, thenReductionPct: 25, thenYears: 2 },
  { tier: 2, minIdr: 500 * BN, maxIdr: 1 * TN, reductionPct: 100, years: 5, thenReductionPct: 50, thenYears: 2 },
  { tier: 3, minIdr: 1 * TN, maxIdr: 5 * TN, reductionPct: 100, years: 7, thenReductionPct: 50, thenYears: 2 },
  { tier: 4, minIdr: 5 * TN, maxIdr: 15 * TN, reductionPct: 100, years: 10, thenReductionPct: 50, thenYears: 2 },
  { tier: 5, minIdr: 15 * TN, maxIdr: 30 * TN, reductionPct: 100, years: 15, thenReductionPct: 50, thenYears: 2 },
  { tier: 6, minIdr: 30 * TN, maxIdr: null, reductionPct: 100, years: 20, thenReductionPct: 50, thenYears: 2 },
];

export const TAX_HOLIDAY_MIN_IDR = TAX_HOLIDAY_TIERS[0]!.minIdr;

/** The tier an investment of `valueIdr` falls in; undefined below the minimum. */
export function taxHolidayTier(valueIdr: number): TaxHolidayTier | undefined {
  return TAX_HOLIDAY_TIERS.find((tier) => valueIdr >= tier.minIdr && (tier.maxIdr === null || valueIdr < tier.maxIdr));
}

/** Shown with every tax-holiday badge: the application window has closed and its extension is unconfirmed. */
export const TAX_HOLIDAY_CAVEAT: BilingualText = {
  en:
    'Applications under PMK 130/2020 were open until 8 October 2024; an extension (PMK 69/2024) and the effect of ' +
    'the global minimum tax (Pillar Two) are unverified — confirm with BKPM and the Ministry of Finance.',
  id:
    'Permohonan berdasarkan PMK 130/2020 dibuka hingga 8 Oktober 2024; perpanjangan (PMK 69/2024) dan dampak pajak ' +
    'minimum global (Pilar Dua) belum diverifikasi — pastikan kepada BKPM dan Kementerian Keuangan.',
};

export interface IncentiveInfo extends Sourced {
  code: Incentive;
  names: FiveLanguageName;
  /** Legal basis, short form. */
  legalBasis: string;
  eligibility: BilingualText;
  /** Whether the terms are confirmed against the source; unconfirmed rules are shown, never enforced. */
  termsVerified: boolean;
  caveat?: BilingualText;
}

const asOf = DECISION_FACTS_AS_OF;

export const INCENTIVE_INFO: readonly IncentiveInfo[] = [
  {
    code: 'tax-holiday',
    names: { en: 'Tax holiday', id: 'Tax holiday (pembebasan PPh badan)', ko: '법인세 면제(택스 홀리데이)', ja: '法人税免除(タックスホリデー)', zh: '企业所得税免税期' },
    legalBasis: 'PMK 130/2020',
    source: 'PMK 130/2020',
    asOf,
    eligibility: {
      en:
        'A pioneer industry (for health: main pharmaceutical raw materials; radiation, electromedical or electrotherapy ' +
        'equipment) investing at least IDR 100 bn. IDR 100–500 bn: 50% off corporate income tax for 5 years, then 25% ' +
        'for 2; IDR 500 bn–1 tn: 100% for 5 years; 1–5 tn: 7 years; 5–15 tn: 10 years; 15–30 tn: 15 years; above 30 tn: ' +
        '20 years; each then 50% for 2 years.',
      id:
        'Industri pionir (bidang kesehatan: bahan baku utama farmasi; peralatan radiasi, elektromedikal atau elektroterapi) ' +
        'dengan investasi paling sedikit Rp100 miliar. Rp100–500 miliar: pengurangan PPh badan 50% selama 5 tahun, lalu 25% ' +
        'selama 2 tahun; Rp500 miliar–1 triliun: 100% selama 5 tahun; 1–5 triliun: 7 tahun; 5–15 triliun: 10 tahun; ' +
        '15–30 triliun: 15 tahun; di atas 30 triliun: 20 tahun; masing-masing lalu 50% selama 2 tahun.',
    },
    termsVerified: true,
    caveat: TAX_HOLIDAY_CAVEAT,
  },
  {
    code: 'tax-allowance',
    names: { en: 'Tax allowance', id: 'Tax allowance (fasilitas PPh)', ko: '법인세 감면(택스 얼라우언스)', ja: '法人税優遇(タックスアローワンス)', zh: '所得税优惠(税收津贴)' },
    legalBasis: 'PP 78/2019',
    source: 'PP 78/2019',
    asOf,
    eligibility: {
      en: 'Income-tax facilities for investment in listed business fields or regions; the terms for health activities are unverified.',
      id: 'Fasilitas PPh untuk penanaman modal di bidang usaha atau daerah tertentu; ketentuan untuk kegiatan kesehatan belum diverifikasi.',
    },
    termsVerified: false,
  },
  {
    code: 'rnd-super-deduction',
    names: { en: 'R&D super deduction (up to 300%)', id: 'Super deduction litbang (hingga 300%)', ko: '연구개발 추가 공제(최대 300%)', ja: '研究開発費の割増控除(最大300%)', zh: '研发费用加计扣除(最高300%)' },
    legalBasis: 'PMK 153/2020',
    source: 'PMK 153/2020 (implementing PP 45/2019)',
    asOf,
    eligibility: {
      en: 'Gross income reduced by up to 300% of research and development costs in Indonesia; pharmaceuticals, traditional medicine and medical and laboratory devices are focus areas.',
      id: 'Pengurangan penghasilan bruto hingga 300% dari biaya penelitian dan pengembangan di Indonesia; farmasi, obat tradisional serta alat kesehatan dan laboratorium termasuk fokus.',
    },
    termsVerified: true,
  },
  {
    code: 'kek-facilities',
    names: { en: 'Special economic zone facilities', id: 'Fasilitas Kawasan Ekonomi Khusus (KEK)', ko: '경제특구(KEK) 혜택', ja: '経済特区(KEK)の優遇措置', zh: '经济特区(KEK)优惠' },
    legalBasis: 'PP 40/2021',
    source: 'PP 40/2021; PMK 237/2020 as amended by PMK 33/2021',
    asOf,
    eligibility: {
      en: 'A business in a special economic zone: tax holiday for its main activities, VAT not collected, import duty exempt or deferred, land rights up to 80 years.',
      id: 'Badan usaha di Kawasan Ekonomi Khusus: tax holiday untuk kegiatan utama, PPN tidak dipungut, bea masuk dibebaskan atau ditangguhkan, hak atas tanah hingga 80 tahun.',
    },
    termsVerified: true,
  },
];

export const incentiveByCode: ReadonlyMap<Incentive, IncentiveInfo> = new Map(INCENTIVE_INFO.map((info) => [info.code, info]));
