import { DECISION_FACTS_AS_OF, type BilingualText, type FiveLanguageName, type Sourced } from './i18n.ts';
import { KBLI_TITLES } from './sectors.ts';

/**
 * What an investor decides on per KBLI 2020 activity: may a foreign company own it, what risk
 * level and licences OSS gives it, and whether it is a tax-holiday pioneer industry. Facts come
 * with their source and the date they were checked; a fact not confirmed is `unknown`.
 */

/** OSS risk levels under PP 28/2025 (as under PP 5/2021), and `unknown` where not verified. */
export const OSS_RISK_LEVELS = ['low', 'medium-low', 'medium-high', 'high', 'unknown'] as const;
export type OssRiskLevel = (typeof OSS_RISK_LEVELS)[number];

export const LICENSING_AUTHORITIES = ['bpom', 'ministry-of-health'] as const;
export type LicensingAuthority = (typeof LICENSING_AUTHORITIES)[number];

export const LICENCE_CERTIFICATES = [
  'pharmaceutical-production-certificate',
  'cpob',
  'cdob',
  'cpakb',
  'cdakb',
  'marketing-authorisation',
  'halal',
  'sni',
] as const;
export type LicenceCertificate = (typeof LICENCE_CERTIFICATES)[number];

/** 100 unless the positive investment list limits it; 0 means reserved to domestic capital. */
export type EquityCap = number | 'unknown';

export interface KbliInfo extends Sourced {
  code: string;
  /** The official Indonesian title (KBLI 2020) and its translations. */
  titles: FiveLanguageName;
  foreignEquityCapPct: EquityCap;
  foreignEquity: Sourced & { note: BilingualText };
  ossRiskLevel: OssRiskLevel;
  ossRisk: Sourced;
  authorities: readonly LicensingAuthority[];
  certificates: readonly LicenceCertificate[];
  /** In the tax-holiday pioneer list of PMK 130/2020 (the list names activities, not KBLI codes). */
  taxHolidayPioneer: boolean;
  taxHoliday: Sourced & { note: BilingualText };
}

const asOf = DECISION_FACTS_AS_OF;

const RISK_UNVERIFIED: Sourced = { source: 'PP 28/2025 (risk level per KBLI not verified)', asOf };

const OPEN: KbliInfo['foreignEquity'] = {
  source: 'Perpres 10/2021 as amended by Perpres 49/2021',
  asOf,
  note: {
    en: 'Not limited by the positive investment list: open to 100% foreign ownership.',
    id: 'Tidak dibatasi daftar bidang usaha penanaman modal: terbuka untuk kepemilikan asing 100%.',
  },
};

const NOT_PIONEER: KbliInfo['taxHoliday'] = {
  source: 'PMK 130/2020',
  asOf,
  note: { en: 'Not in the pioneer industry list.', id: 'Tidak termasuk daftar industri pionir.' },
};

const pioneer = (number: number, en: string, id: string): KbliInfo['taxHoliday'] => ({
  source: 'PMK 130/2020',
  asOf,
  note: {
    en: `Pioneer industry #${number}, "${en}"; the list names activities, so the KBLI match is by description.`,
    id: `Industri pionir nomor ${number}, "${id}"; daftar menyebut kegiatan, sehingga kecocokan KBLI menurut uraiannya.`,
  },
});

const DRUGS = {
  authorities: ['bpom', 'ministry-of-health'],
  source: 'Permenkes 26/2018; Permenkes 1799/2010; BPOM registration (NIE)',
} as const;
const DEVICES = {
  authorities: ['ministry-of-health'],
  certificates: ['cpakb', 'cdakb', 'marketing-authorisation'],
  source: 'Permenkes 62/2017 (marketing authorisation); Permenkes 20/2017 (CPAKB); Permenkes 4/2014 (CDAKB)',
} as const;

type Seed = Omit<KbliInfo, 'titles' | 'asOf' | 'ossRiskLevel' | 'ossRisk' | 'foreignEquity' | 'taxHoliday' | 'foreignEquityCapPct'> &
  Partial<Pick<KbliInfo, 'foreignEquity' | 'taxHoliday' | 'foreignEquityCapPct'>> & { titles: Omit<FiveLanguageName, 'id'> };

const SEEDS: readonly Seed[] = [
  {
    code: '21011',
    titles: {
      en: 'Manufacture of pharmaceutical raw materials for humans',
      ko: '인체용 의약 원료 제조업',
      ja: 'ヒト用医薬品原料製造業',
      zh: '人用药物原料制造业',
    },
    ...DRUGS,
    certificates: ['pharmaceutical-production-certificate', 'cpob', 'marketing-authorisation'],
    taxHolidayPioneer: true,
    taxHoliday: pioneer(6, 'main pharmaceutical raw material industry', 'industri bahan baku utama farmasi'),
  },
  {
    code: '21012',
    titles: {
      en: 'Manufacture of pharmaceutical products for humans',
      ko: '인체용 의약품 제조업',
      ja: 'ヒト用医薬品製造業',
      zh: '人用药品制造业',
    },
    ...DRUGS,
    certificates: ['pharmaceutical-production-certificate', 'cpob', 'cdob', 'marketing-authorisation', 'halal'],
    taxHolidayPioneer: false,
  },
  {
    code: '21015',
    titles: {
      en: 'Manufacture of medical devices within subgroup 2101',
      ko: '소분류 2101 내 의료기기 제조업',
      ja: '小分類2101に属する医療機器製造業',
      zh: '2101小类中的医疗器械制造业',
    },
    ...DEVICES,
    taxHolidayPioneer: false,
  },
  {
    code: '21021',
    titles: {
      en: 'Manufacture of traditional-medicine raw materials for humans',
      ko: '인체용 전통의약품 원료 제조업',
      ja: 'ヒト用伝統医薬品原料製造業',
      zh: '人用传统药物原料制造业',
    },
    ...DRUGS,
    certificates: ['marketing-authorisation', 'halal'],
    taxHolidayPioneer: false,
    foreignEquityCapPct: 'unknown',
    foreignEquity: {
      source: 'Perpres 10/2021 as amended by Perpres 49/2021, Lampiran III (as transcribed; not checked against the official text)',
      asOf,
      note: {
        en: 'Reported as reserved to domestic capital, but only from a transcription of the annex: unverified.',
        id: 'Dilaporkan hanya untuk modal dalam negeri, tetapi hanya dari transkripsi lampiran: belum diverifikasi.',
      },
    },
  },
  {
    code: '21022',
    titles: {
      en: 'Manufacture of traditional-medicine products for humans',
      ko: '인체용 전통의약품 제조업',
      ja: 'ヒト用伝統医薬品製造業',
      zh: '人用传统药物产品制造业',
    },
    ...DRUGS,
    certificates: ['marketing-authorisation', 'halal'],
    taxHolidayPioneer: false,
    foreignEquityCapPct: 0,
    foreignEquity: {
      source: 'Perpres 10/2021 as amended by Perpres 49/2021, Lampiran III',
      asOf,
      note: {
        en: 'Reserved to 100% domestic capital: a foreign investor cannot hold equity.',
        id: 'Hanya untuk penanaman modal dalam negeri 100%: penanam modal asing tidak dapat memiliki saham.',
      },
    },
  },
  {
    code: '22194',
    titles: {
      en: 'Manufacture of rubber goods for health',
      ko: '보건용 고무제품 제조업',
      ja: '保健用ゴム製品製造業',
      zh: '医疗卫生用橡胶制品制造业',
    },
    ...DEVICES,
    taxHolidayPioneer: false,
  },
  {
    code: '23124',
    titles: {
      en: 'Manufacture of clinical laboratory glassware',
      ko: '임상검사용 유리기구 제조업',
      ja: '臨床検査用ガラス器具製造業',
      zh: '临床实验室玻璃器具制造业',
    },
    ...DEVICES,
    taxHolidayPioneer: false,
  },
  {
    code: '26601',
    titles: {
      en: 'Manufacture of irradiation and X-ray equipment, accessories and the like',
      ko: '방사선·X선 장비 및 부속품 제조업',
      ja: '放射線・X線装置及び付属品製造業',
      zh: '辐射及X射线设备、配件及类似产品制造业',
    },
    ...DEVICES,
    taxHolidayPioneer: true,
    taxHoliday: pioneer(7, 'radiation, electromedical or electrotherapy equipment', 'peralatan radiasi, elektromedikal atau elektroterapi'),
  },
  {
    code: '26602',
    titles: {
      en: 'Manufacture of electromedical and electrotherapeutic equipment',
      ko: '전자의료·전기치료 기기 제조업',
      ja: '電気医療・電気治療機器製造業',
      zh: '电子医疗及电疗设备制造业',
    },
    ...DEVICES,
    taxHolidayPioneer: true,
    taxHoliday: pioneer(7, 'radiation, electromedical or electrotherapy equipment', 'peralatan radiasi, elektromedikal atau elektroterapi'),
  },
  {
    code: '32501',
    titles: {
      en: 'Manufacture of surgical, medical and dental furniture',
      ko: '수술·의료·치과용 가구 제조업',
      ja: '手術・医療・歯科用家具製造業',
      zh: '手术、医疗及牙科用家具制造业',
    },
    ...DEVICES,
    taxHolidayPioneer: false,
  },
  {
    code: '32502',
    titles: {
      en: 'Manufacture of medical and dental instruments, orthopaedic and prosthetic appliances',
      ko: '의료·치과용 기기, 정형외과·보철 용품 제조업',
      ja: '医療・歯科用器具、整形外科用品・義肢製造業',
      zh: '医疗及牙科器械、矫形及假肢用品制造业',
    },
    ...DEVICES,
    taxHolidayPioneer: false,
  },
  {
    code: '32509',
    titles: {
      en: 'Manufacture of other medical and dental equipment and supplies',
      ko: '기타 의료·치과용 기기 및 용품 제조업',
      ja: 'その他の医療・歯科用機器及び用品製造業',
      zh: '其他医疗及牙科设备和用品制造业',
    },
    ...DEVICES,
    taxHolidayPioneer: false,
  },
];

export const KBLI: readonly KbliInfo[] = SEEDS.map((seed) => {
  const title = KBLI_TITLES[seed.code];
  if (title === undefined) throw new Error(`No KBLI 2020 title for ${seed.code}`);
  return {
    ...seed,
    titles: { id: title, ...seed.titles },
    source: seed.source,
    asOf,
    foreignEquityCapPct: seed.foreignEquityCapPct ?? 100,
    foreignEquity: seed.foreignEquity ?? OPEN,
    ossRiskLevel: 'unknown',
    ossRisk: RISK_UNVERIFIED,
    taxHoliday: seed.taxHoliday ?? NOT_PIONEER,
  };
});

export const KBLI_CODES = KBLI.map((row) => row.code) as readonly string[];
export const kbliByCode: ReadonlyMap<string, KbliInfo> = new Map(KBLI.map((row) => [row.code, row]));

export const AUTHORITY_NAMES: Readonly<Record<LicensingAuthority, FiveLanguageName>> = {
  bpom: {
    en: 'National Agency of Drug and Food Control (BPOM)',
    id: 'Badan Pengawas Obat dan Makanan (BPOM)',
    ko: '인도네시아 식품의약품청(BPOM)',
    ja: '国家食品医薬品監督庁(BPOM)',
    zh: '印尼国家食品药品监督管理局(BPOM)',
  },
  'ministry-of-health': {
    en: 'Ministry of Health',
    id: 'Kementerian Kesehatan',
    ko: '보건부',
    ja: '保健省',
    zh: '卫生部',
  },
};

export const CERTIFICATE_NAMES: Readonly<Record<LicenceCertificate, FiveLanguageName & { basis: string }>> = {
  'pharmaceutical-production-certificate': {
    en: 'Pharmaceutical production certificate',
    id: 'Sertifikat produksi industri farmasi',
    ko: '의약품 제조업 허가',
    ja: '医薬品製造業許可',
    zh: '药品生产许可证',
    basis: 'Permenkes 26/2018',
  },
  cpob: {
    en: 'CPOB (good manufacturing practice for drugs)',
    id: 'CPOB (Cara Pembuatan Obat yang Baik)',
    ko: 'CPOB(의약품 제조 및 품질관리기준)',
    ja: 'CPOB(医薬品製造管理基準)',
    zh: 'CPOB(药品生产质量管理规范)',
    basis: 'Permenkes 1799/2010; BPOM',
  },
  cdob: {
    en: 'CDOB (good distribution practice for drugs)',
    id: 'CDOB (Cara Distribusi Obat yang Baik)',
    ko: 'CDOB(의약품 유통관리기준)',
    ja: 'CDOB(医薬品流通管理基準)',
    zh: 'CDOB(药品经营质量管理规范)',
    basis: 'BPOM',
  },
  cpakb: {
    en: 'CPAKB (good manufacturing practice for medical devices)',
    id: 'CPAKB (Cara Pembuatan Alat Kesehatan yang Baik)',
    ko: 'CPAKB(의료기기 제조 및 품질관리기준)',
    ja: 'CPAKB(医療機器製造管理基準)',
    zh: 'CPAKB(医疗器械生产质量管理规范)',
    basis: 'Permenkes 20/2017',
  },
  cdakb: {
    en: 'CDAKB (good distribution practice for medical devices)',
    id: 'CDAKB (Cara Distribusi Alat Kesehatan yang Baik)',
    ko: 'CDAKB(의료기기 유통관리기준)',
    ja: 'CDAKB(医療機器流通管理基準)',
    zh: 'CDAKB(医疗器械经营质量管理规范)',
    basis: 'Permenkes 4/2014',
  },
  'marketing-authorisation': {
    en: 'Marketing authorisation (NIE for drugs, izin edar for devices)',
    id: 'Izin edar (NIE untuk obat, izin edar alat kesehatan)',
    ko: '판매 허가(의약품 NIE, 의료기기 판매허가)',
    ja: '販売承認(医薬品はNIE、医療機器は販売許可)',
    zh: '上市许可(药品NIE、医疗器械流通许可)',
    basis: 'BPOM registration (drugs); Permenkes 62/2017 (devices)',
  },
  halal: {
    en: 'Halal certificate',
    id: 'Sertifikat halal',
    ko: '할랄 인증',
    ja: 'ハラール認証',
    zh: '清真认证',
    basis: 'UU 33/2014',
  },
  sni: {
    en: 'SNI (Indonesian National Standard), where a standard is mandatory',
    id: 'SNI (Standar Nasional Indonesia), bila diwajibkan',
    ko: 'SNI(인도네시아 국가표준), 의무 적용 시',
    ja: 'SNI(インドネシア国家規格)、義務化されている場合',
    zh: 'SNI(印尼国家标准),强制适用时',
    basis: 'Badan Standardisasi Nasional',
  },
};

