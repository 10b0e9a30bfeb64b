import {
  SECTOR_LEAVES,
  SECTOR_PARENTS,
  type SectorCode,
  type SectorLeaf,
  type SectorParent,
} from '../codes.ts';
import type { BilingualText, LocalizedName } from './i18n.ts';

/**
 * The KBLI edition the mappings below refer to (Peraturan BPS No. 2 Tahun 2020). KBLI 2025
 * (Peraturan BPS No. 7 Tahun 2025) renumbers some activities, so a stored code is only
 * meaningful together with its edition.
 */
export const KBLI_VERSION = '2020';

/**
 * Titles of the KBLI 2020 codes used below, as listed in KBLI 2020 tables derived from
 * Peraturan BPS No. 2 Tahun 2020 (checked against OSS-derived code lists, not the BPS PDF).
 */
export const KBLI_TITLES: Readonly<Record<string, string>> = {
  '21011': 'Industri Bahan Farmasi untuk Manusia',
  '21012': 'Industri Produk Farmasi untuk Manusia',
  '21015': 'Industri Alat Kesehatan dalam Subgolongan 2101',
  '21021': 'Industri Bahan Baku Obat Tradisional untuk Manusia',
  '21022': 'Industri Produk Obat Tradisional untuk Manusia',
  '22194': 'Industri Barang dari Karet untuk Kesehatan',
  '23124': 'Industri Alat Laboratorium Klinis dari Kaca',
  '26601': 'Industri Peralatan Iradiasi/Sinar X, Perlengkapan dan Sejenisnya',
  '26602': 'Industri Peralatan Elektromedikal dan Elektroterapi',
  '32501': 'Industri Furnitur untuk Operasi, Perawatan Kedokteran dan Kedokteran Gigi',
  '32502':
    'Industri Peralatan Kedokteran dan Kedokteran Gigi, Perlengkapan Orthopaedic dan Prosthetic',
  '32509': 'Industri Peralatan Kedokteran dan Kedokteran Gigi serta Perlengkapan Lainnya',
};

/** Activities closed to foreign capital: shown to investors, never silently filtered. */
export interface DomesticOnlyRule {
  /** The KBLI codes the restriction names. */
  kbli: readonly string[];
  /** The legal instrument, short form. */
  basis: string;
  note: BilingualText;
}

export interface SectorInfo {
  code: SectorCode;
  /** Null for the two top-level sectors. */
  parent: SectorParent | null;
  names: LocalizedName;
  /** KBLI 2020 five-digit codes; empty where no code fits the whole sector. */
  kbli: readonly string[];
  /** Official titles of `kbli`, keyed by code. */
  kbliTitles: Readonly<Record<string, string>>;
  /** Why the mapping is partial, shared or empty. */
  kbliNote?: BilingualText;
  group?: 'biologics';
  domesticOnly?: DomesticOnlyRule;
}

function titlesOf(codes: readonly string[]): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const code of codes) {
    const title = KBLI_TITLES[code];
    if (title !== undefined) out[code] = title;
  }
  return out;
}

const BIOLOGICS_KBLI_NOTE: BilingualText = {
  en:
    'KBLI 2020 has no separate code for biologics. 21011 explicitly covers biological ' +
    'materials such as vaccines, antisera and blood fractions; finished dosage forms ' +
    'for humans fall under 21012.',
  id:
    'KBLI 2020 tidak memiliki kode tersendiri untuk produk biologi. 21011 secara tegas ' +
    'mencakup bahan hasil biologis seperti vaksin, antisera dan fraksi darah; sediaan jadi ' +
    'untuk manusia termasuk 21012.',
};

type SectorSeed = Omit<SectorInfo, 'kbliTitles'>;

const SEEDS: readonly SectorSeed[] = [
  {
    code: 'pharmaceuticals',
    parent: null,
    names: { en: 'Pharmaceuticals', id: 'Farmasi', ko: '제약', ja: '医薬品', zh: '医药' },
    kbli: [],
    kbliNote: {
      en: 'Parent sector; KBLI codes are given on each sub-sector.',
      id: 'Sektor induk; kode KBLI tercantum pada setiap subsektor.',
    },
  },
  {
    code: 'medical-devices',
    parent: null,
    names: { en: 'Medical devices', id: 'Alat kesehatan', ko: '의료기기', ja: '医療機器', zh: '医疗器械' },
    kbli: [],
    kbliNote: {
      en: 'Parent sector; KBLI codes are given on each sub-sector.',
      id: 'Sektor induk; kode KBLI tercantum pada setiap subsektor.',
    },
  },
  {
    code: 'finished-drugs',
    parent: 'pharmaceuticals',
    names: {
      en: 'Finished drugs',
      id: 'Obat jadi',
      ko: '완제의약품',
      ja: '医薬品製剤',
      zh: '成品药',
    },
    kbli: ['21012'],
  },
  {
    code: 'active-pharmaceutical-ingredients',
    parent: 'pharmaceuticals',
    names: {
      en: 'Active pharmaceutical ingredients',
      id: 'Bahan baku obat',
      ko: '원료의약품',
      ja: '原薬',
      zh: '原料药',
    },
    kbli: ['21011'],
  },
  {
    code: 'vaccines',
    parent: 'pharmaceuticals',
    group: 'biologics',
    names: { en: 'Vaccines', id: 'Vaksin', ko: '백신', ja: 'ワクチン', zh: '疫苗' },
    kbli: ['21011', '21012'],
    kbliNote: BIOLOGICS_KBLI_NOTE,
  },
  {
    code: 'plasma-derived-products',
    parent: 'pharmaceuticals',
    group: 'biologics',
    names: {
      en: 'Plasma-derived products',
      id: 'Produk derivat plasma',
      ko: '혈장분획제제',
      ja: '血漿分画製剤',
      zh: '血液制品(血浆衍生产品)',
    },
    kbli: ['21011', '21012'],
    kbliNote: BIOLOGICS_KBLI_NOTE,
  },
  {
    code: 'recombinant-proteins',
    parent: 'pharmaceuticals',
    group: 'biologics',
    names: {
      en: 'Recombinant proteins',
      id: 'Protein rekombinan',
      ko: '재조합 단백질',
      ja: '組換えタンパク質',
      zh: '重组蛋白',
    },
    kbli: ['21011', '21012'],
    kbliNote: BIOLOGICS_KBLI_NOTE,
  },
  {
    code: 'monoclonal-antibodies',
    parent: 'pharmaceuticals',
    group: 'biologics',
    names: {
      en: 'Monoclonal antibodies',
      id: 'Antibodi monoklonal',
      ko: '단클론항체',
      ja: 'モノクローナル抗体',
      zh: '单克隆抗体',
    },
    kbli: ['21011', '21012'],
    kbliNote: BIOLOGICS_KBLI_NOTE,
  },
  {
    code: 'traditional-medicine',
    parent: 'pharmaceuticals',
    names: {
      en: 'Traditional medicine',
      id: 'Obat tradisional',
      ko: '전통 의약품',
      ja: '伝統医薬品',
      zh: '传统药物',
    },
    kbli: ['21021', '21022'],
    kbliNote: {
      en: '21021 covers raw materials for traditional medicine, 21022 finished traditional medicine products (including jamu).',
      id: '21021 mencakup bahan baku obat tradisional, 21022 produk obat tradisional (termasuk jamu).',
    },
    domesticOnly: {
      kbli: ['21021', '21022'],
      basis: 'Perpres 10/2021 as amended by Perpres 49/2021, Lampiran III',
      note: {
        en:
          'Lampiran III (business fields with conditions) lists both human traditional-medicine ' +
          'raw materials (21021) and products (21022) as open only to 100% domestic capital, so ' +
          'a foreign investor cannot hold equity in them. The 21022 restriction is confirmed by ' +
          'several sources; the 21021 entry rests on a transcription of the annex and should be ' +
          'checked against the official text.',
        id:
          'Lampiran III (bidang usaha dengan persyaratan tertentu) mencantumkan bahan baku obat ' +
          'tradisional (21021) dan produk obat tradisional (21022) untuk manusia hanya untuk ' +
          'penanaman modal dalam negeri 100%, sehingga penanam modal asing tidak dapat memiliki ' +
          'saham. Pembatasan 21022 dikonfirmasi beberapa sumber; entri 21021 bersumber dari ' +
          'transkripsi lampiran dan perlu dicek dengan naskah resmi.',
      },
    },
  },
  {
    code: 'in-vitro-diagnostics',
    parent: 'medical-devices',
    names: {
      en: 'In-vitro diagnostics',
      id: 'Diagnostik in vitro',
      ko: '체외진단',
      ja: '体外診断',
      zh: '体外诊断',
    },
    kbli: [],
    kbliNote: {
      en:
        'KBLI 2020 has no single code for in-vitro diagnostics: reagents, test kits, analysers ' +
        'and clinical laboratory glassware (23124) are classified product by product, so the ' +
        'code is settled per project.',
      id:
        'KBLI 2020 tidak memiliki satu kode untuk diagnostik in vitro: reagen, kit uji, alat ' +
        'analisis dan alat laboratorium klinis dari kaca (23124) diklasifikasikan per produk, ' +
        'sehingga kode ditentukan per proyek.',
    },
  },
  {
    code: 'medical-consumables',
    parent: 'medical-devices',
    names: {
      en: 'Medical consumables',
      id: 'Bahan medis habis pakai',
      ko: '의료 소모품',
      ja: '医療消耗品',
      zh: '医用耗材',
    },
    kbli: ['21015', '22194', '23124'],
    kbliNote: {
      en:
        'Split by material: devices within the pharmaceutical subgroup (21015), rubber goods ' +
        'for health such as gloves (22194) and clinical laboratory glassware (23124).',
      id:
        'Dibagi menurut bahan: alat kesehatan dalam subgolongan farmasi (21015), barang dari ' +
        'karet untuk kesehatan seperti sarung tangan (22194) dan alat laboratorium klinis dari ' +
        'kaca (23124).',
    },
  },
  {
    code: 'electromedical-imaging',
    parent: 'medical-devices',
    names: {
      en: 'Electromedical and imaging equipment',
      id: 'Peralatan elektromedik dan pencitraan',
      ko: '전자의료·영상진단 장비',
      ja: '電気医療・画像診断機器',
      zh: '电子医疗与医学影像设备',
    },
    kbli: ['26601', '26602'],
  },
  {
    code: 'medical-dental-equipment',
    parent: 'medical-devices',
    names: {
      en: 'Medical and dental equipment',
      id: 'Peralatan kedokteran dan kedokteran gigi',
      ko: '의료·치과 기기',
      ja: '医療・歯科用機器',
      zh: '医疗及牙科器械',
    },
    kbli: ['32501', '32502', '32509'],
  },
  {
    code: 'personal-protective-equipment',
    parent: 'medical-devices',
    names: {
      en: 'Personal protective equipment',
      id: 'Alat pelindung diri',
      ko: '개인보호장비',
      ja: '個人用保護具',
      zh: '个人防护装备',
    },
    kbli: [],
    kbliNote: {
      en:
        'KBLI 2020 has no single code for PPE: medical gloves fall under rubber goods for ' +
        'health (22194), while masks, gowns and face shields are classified by material and ' +
        'product, so the code is settled per project.',
      id:
        'KBLI 2020 tidak memiliki satu kode untuk APD: sarung tangan medis termasuk barang dari ' +
        'karet untuk kesehatan (22194), sedangkan masker, gaun dan pelindung wajah ' +
        'diklasifikasikan menurut bahan dan produk, sehingga kode ditentukan per proyek.',
    },
  },
];

export const SECTORS: readonly SectorInfo[] = SEEDS.map((seed) => ({
  ...seed,
  kbliTitles: titlesOf(seed.kbli),
}));

export const sectorByCode: ReadonlyMap<SectorCode, SectorInfo> = new Map(
  SECTORS.map((sector) => [sector.code, sector]),
);

const PARENT_SET: ReadonlySet<string> = new Set(SECTOR_PARENTS);

function isParent(code: SectorCode): code is SectorParent {
  return PARENT_SET.has(code);
}

/** The parent of a leaf; null for a parent. */
export function sectorParentOf(code: SectorCode): SectorParent | null {
  if (isParent(code)) return null;
  return sectorByCode.get(code)?.parent ?? null;
}

/** A parent's leaves in codes.ts order; a leaf gives itself. */
export function leavesOf(code: SectorCode): SectorLeaf[] {
  if (!isParent(code)) return [code];
  return SECTOR_LEAVES.filter((leaf) => sectorByCode.get(leaf)?.parent === code);
}
