import { DECISION_FACTS_AS_OF, type BilingualText, type FiveLanguageName, type Sourced } from './i18n.ts';

/** Local-content (TKDN) regimes: how the share is computed for drugs and for medical devices. */
export const TKDN_REGIMES = ['drugs', 'medical-devices'] as const;
export type TkdnRegime = (typeof TKDN_REGIMES)[number];

/** Government procurement gives priority to products at TKDN (plus BMP) of at least this. */
export const TKDN_PROCUREMENT_PRIORITY_PCT = 40;

export interface TkdnRegimeInfo extends Sourced {
  code: TkdnRegime;
  names: FiveLanguageName;
  legalBasis: string;
  method: BilingualText;
  /** Weights of the cost components, where the regulation fixes them. */
  componentWeightsPct: Readonly<Record<string, number>> | null;
  procurementPriorityPct: number;
}

const asOf = DECISION_FACTS_AS_OF;
const PRIORITY: BilingualText = {
  en: `Government procurement gives priority to products whose TKDN plus company benefit weight (BMP) reaches ${TKDN_PROCUREMENT_PRIORITY_PCT}%.`,
  id: `Pengadaan pemerintah mengutamakan produk dengan TKDN ditambah bobot manfaat perusahaan (BMP) paling sedikit ${TKDN_PROCUREMENT_PRIORITY_PCT}%.`,
};

export const TKDN_REGIME_INFO: readonly TkdnRegimeInfo[] = [
  {
    code: 'drugs',
    names: { en: 'Local content of drugs', id: 'TKDN produk farmasi', ko: '의약품 현지 조달 비율(TKDN)', ja: '医薬品の国産化率(TKDN)', zh: '药品本地成分比例(TKDN)' },
    legalBasis: 'Permenperin 16/2020',
    source: 'Permenperin 16/2020',
    asOf,
    method: {
      en: `Computed under the drug-specific method of Permenperin 16/2020. ${PRIORITY.en}`,
      id: `Dihitung dengan metode khusus produk farmasi menurut Permenperin 16/2020. ${PRIORITY.id}`,
    },
    componentWeightsPct: null,
    procurementPriorityPct: TKDN_PROCUREMENT_PRIORITY_PCT,
  },
  {
    code: 'medical-devices',
    names: { en: 'Local content of medical devices and IVD', id: 'TKDN alat kesehatan dan IVD', ko: '의료기기·체외진단 현지 조달 비율(TKDN)', ja: '医療機器・体外診断薬の国産化率(TKDN)', zh: '医疗器械及体外诊断本地成分比例(TKDN)' },
    legalBasis: 'Permenperin 31/2022',
    source: 'Permenperin 31/2022',
    asOf,
    method: {
      en: `Direct material 80%, direct labour 10%, factory overhead 10%. ${PRIORITY.en}`,
      id: `Bahan langsung 80%, tenaga kerja langsung 10%, biaya tidak langsung pabrik 10%. ${PRIORITY.id}`,
    },
    componentWeightsPct: { directMaterial: 80, directLabour: 10, factoryOverhead: 10 },
    procurementPriorityPct: TKDN_PROCUREMENT_PRIORITY_PCT,
  },
];

export const tkdnByRegime: ReadonlyMap<TkdnRegime, TkdnRegimeInfo> = new Map(TKDN_REGIME_INFO.map((r) => [r.code, r]));
