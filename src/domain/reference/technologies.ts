import type { SectorLeaf, Technology } from '../codes.ts';
import type { LocalizedName } from './i18n.ts';

export interface TechnologyInfo {
  code: Technology;
  names: LocalizedName;
  /** Sectors where the technology is typically applied; guidance, not a constraint. */
  sectors: readonly SectorLeaf[];
}

export const TECHNOLOGY_INFO: readonly TechnologyInfo[] = [
  {
    code: 'chemical-api-synthesis',
    names: {
      en: 'Chemical API synthesis',
      id: 'Sintesis kimia bahan baku obat',
      ko: '화학 원료의약품 합성',
      ja: '化学合成による原薬製造',
      zh: '化学合成原料药',
    },
    sectors: ['active-pharmaceutical-ingredients', 'finished-drugs'],
  },
  {
    code: 'fermentation',
    names: {
      en: 'Fermentation',
      id: 'Fermentasi',
      ko: '발효',
      ja: '発酵',
      zh: '发酵',
    },
    sectors: ['active-pharmaceutical-ingredients', 'vaccines', 'recombinant-proteins'],
  },
  {
    code: 'sterile-fill-finish',
    names: {
      en: 'Sterile fill-finish',
      id: 'Pengisian dan penyelesaian steril (fill-finish)',
      ko: '무균 충전·완제 공정',
      ja: '無菌充填・包装(フィル・フィニッシュ)',
      zh: '无菌灌装与包装',
    },
    sectors: [
      'finished-drugs',
      'vaccines',
      'plasma-derived-products',
      'recombinant-proteins',
      'monoclonal-antibodies',
    ],
  },
  {
    code: 'viral-vector',
    names: {
      en: 'Viral vector platforms',
      id: 'Platform vektor virus',
      ko: '바이러스 벡터 플랫폼',
      ja: 'ウイルスベクター技術',
      zh: '病毒载体平台',
    },
    sectors: ['vaccines'],
  },
  {
    code: 'nucleic-acid',
    names: {
      en: 'Nucleic acid (mRNA/DNA) platforms',
      id: 'Platform asam nukleat (mRNA/DNA)',
      ko: '핵산(mRNA/DNA) 플랫폼',
      ja: '核酸(mRNA/DNA)技術',
      zh: '核酸(mRNA/DNA)平台',
    },
    sectors: ['vaccines'],
  },
  {
    code: 'recombinant-protein',
    names: {
      en: 'Recombinant protein expression',
      id: 'Ekspresi protein rekombinan',
      ko: '재조합 단백질 발현',
      ja: '組換えタンパク質発現',
      zh: '重组蛋白表达',
    },
    sectors: ['recombinant-proteins', 'vaccines'],
  },
  {
    code: 'monoclonal-antibody',
    names: {
      en: 'Monoclonal antibody production',
      id: 'Produksi antibodi monoklonal',
      ko: '단클론항체 생산',
      ja: 'モノクローナル抗体製造',
      zh: '单克隆抗体生产',
    },
    sectors: ['monoclonal-antibodies', 'in-vitro-diagnostics'],
  },
  {
    code: 'cell-culture-vaccine',
    names: {
      en: 'Cell-culture vaccine production',
      id: 'Produksi vaksin berbasis kultur sel',
      ko: '세포배양 백신 생산',
      ja: '細胞培養ワクチン製造',
      zh: '细胞培养疫苗生产',
    },
    sectors: ['vaccines'],
  },
  {
    code: 'plasma-fractionation',
    names: {
      en: 'Plasma fractionation',
      id: 'Fraksionasi plasma',
      ko: '혈장 분획',
      ja: '血漿分画',
      zh: '血浆分离',
    },
    sectors: ['plasma-derived-products'],
  },
  {
    code: 'blood-bag-manufacturing',
    names: {
      en: 'Blood bag manufacturing',
      id: 'Produksi kantong darah',
      ko: '혈액백 제조',
      ja: '血液バッグ製造',
      zh: '血袋制造',
    },
    sectors: ['medical-consumables'],
  },
  {
    code: 'rapid-diagnostic-tests',
    names: {
      en: 'Rapid diagnostic tests',
      id: 'Tes diagnostik cepat',
      ko: '신속진단검사',
      ja: '迅速診断検査',
      zh: '快速诊断检测',
    },
    sectors: ['in-vitro-diagnostics'],
  },
  {
    code: 'molecular-diagnostics',
    names: {
      en: 'Molecular diagnostics',
      id: 'Diagnostik molekuler',
      ko: '분자진단',
      ja: '分子診断',
      zh: '分子诊断',
    },
    sectors: ['in-vitro-diagnostics'],
  },
  {
    code: 'electromedical-devices',
    names: {
      en: 'Electromedical devices',
      id: 'Alat elektromedik',
      ko: '전자의료기기',
      ja: '電気医療機器',
      zh: '电子医疗设备',
    },
    sectors: ['electromedical-imaging', 'medical-dental-equipment'],
  },
  {
    code: 'medical-imaging',
    names: {
      en: 'Medical imaging',
      id: 'Pencitraan medis',
      ko: '의료영상',
      ja: '医用画像診断',
      zh: '医学影像',
    },
    sectors: ['electromedical-imaging'],
  },
  {
    code: 'polymer-disposables',
    names: {
      en: 'Polymer disposables (syringes, infusion sets)',
      id: 'Alat sekali pakai berbahan polimer (spuit, set infus)',
      ko: '고분자 일회용 제품(주사기·수액세트)',
      ja: '樹脂製ディスポーザブル(注射器・輸液セット)',
      zh: '一次性塑料耗材(注射器、输液器)',
    },
    sectors: ['medical-consumables', 'personal-protective-equipment'],
  },
  {
    code: 'glove-dipping',
    names: {
      en: 'Glove dipping',
      id: 'Pencelupan sarung tangan',
      ko: '장갑 딥 성형',
      ja: '手袋ディッピング成形',
      zh: '手套浸渍成型',
    },
    sectors: ['medical-consumables', 'personal-protective-equipment'],
  },
  {
    code: 'herbal-extraction',
    names: {
      en: 'Herbal extraction and standardisation',
      id: 'Ekstraksi dan standardisasi bahan alam',
      ko: '생약 추출·표준화',
      ja: '生薬抽出・標準化',
      zh: '草药提取与标准化',
    },
    sectors: ['traditional-medicine'],
  },
  {
    code: 'digital-health',
    names: {
      en: 'Digital health',
      id: 'Kesehatan digital',
      ko: '디지털 헬스',
      ja: 'デジタルヘルス',
      zh: '数字医疗',
    },
    sectors: ['electromedical-imaging', 'in-vitro-diagnostics', 'medical-dental-equipment'],
  },
];

export const technologyByCode: ReadonlyMap<Technology, TechnologyInfo> = new Map(
  TECHNOLOGY_INFO.map((info) => [info.code, info]),
);
