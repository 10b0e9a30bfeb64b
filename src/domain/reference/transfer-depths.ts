import { TRANSFER_DEPTHS, type TransferDepth } from '../codes.ts';
import type { LocalizedName } from './i18n.ts';

export interface TransferDepthInfo {
  code: TransferDepth;
  /** Position in codes.ts order: a higher rank includes every lower one. */
  rank: number;
  names: LocalizedName;
  description: LocalizedName;
}

type DepthSeed = Omit<TransferDepthInfo, 'rank'>;

const SEEDS: Record<TransferDepth, DepthSeed> = {
  none: {
    code: 'none',
    names: {
      en: 'No technology transfer',
      id: 'Tanpa alih teknologi',
      ko: '기술이전 없음',
      ja: '技術移転なし',
      zh: '无技术转让',
    },
    description: {
      en: 'Capital or supply only; know-how stays with the partner that owns it.',
      id: 'Hanya modal atau pasokan; pengetahuan teknis tetap pada pemiliknya.',
      ko: '자본 또는 공급만 제공하며, 노하우는 보유한 측에 그대로 남습니다.',
      ja: '資本または供給のみで、ノウハウは保有者の側に留まります。',
      zh: '仅提供资本或供货，专有技术仍归拥有方所有。',
    },
  },
  licensing: {
    code: 'licensing',
    names: {
      en: 'Licensing',
      id: 'Lisensi',
      ko: '라이선싱',
      ja: 'ライセンス供与',
      zh: '许可使用',
    },
    description: {
      en: 'The Indonesian party manufactures or sells under licence to existing product or process rights.',
      id: 'Pihak Indonesia memproduksi atau menjual berdasarkan lisensi atas hak produk atau proses yang sudah ada.',
      ko: '인도네시아 측이 기존 제품 또는 공정 권리에 대한 라이선스에 따라 생산하거나 판매합니다.',
      ja: 'インドネシア側が既存の製品または製法の権利のライセンスに基づき製造・販売します。',
      zh: '印尼方依据现有产品或工艺权利的许可进行生产或销售。',
    },
  },
  'joint-development': {
    code: 'joint-development',
    names: {
      en: 'Joint development',
      id: 'Pengembangan bersama',
      ko: '공동개발',
      ja: '共同開発',
      zh: '联合开发',
    },
    description: {
      en: 'Both parties develop or adapt the product or process together and share the resulting know-how.',
      id: 'Kedua pihak mengembangkan atau mengadaptasi produk atau proses bersama dan berbagi pengetahuan yang dihasilkan.',
      ko: '양측이 제품 또는 공정을 함께 개발·개량하고 그 결과로 얻은 노하우를 공유합니다.',
      ja: '双方が製品または製法を共同で開発・改良し、得られたノウハウを共有します。',
      zh: '双方共同开发或改进产品或工艺，并共享由此获得的专有技术。',
    },
  },
  'full-transfer': {
    code: 'full-transfer',
    names: {
      en: 'Full transfer with local manufacturing',
      id: 'Alih teknologi penuh dengan produksi lokal',
      ko: '현지 생산을 포함한 완전 기술이전',
      ja: '現地生産を伴う完全な技術移転',
      zh: '全面技术转让并在当地生产',
    },
    description: {
      en: 'The complete process, including quality systems, moves to a plant in Indonesia that can run it independently.',
      id: 'Seluruh proses, termasuk sistem mutu, dipindahkan ke pabrik di Indonesia yang mampu menjalankannya secara mandiri.',
      ko: '품질 시스템을 포함한 전체 공정이 독자 운영이 가능한 인도네시아 내 공장으로 이전됩니다.',
      ja: '品質システムを含む全工程が、独自に運用できるインドネシア国内の工場へ移管されます。',
      zh: '包括质量体系在内的全部工艺转移至能够独立运行的印尼本地工厂。',
    },
  },
};

export const TRANSFER_DEPTH_INFO: readonly TransferDepthInfo[] = TRANSFER_DEPTHS.map(
  (code, rank) => ({ ...SEEDS[code], rank }),
);

export const transferDepthByCode: ReadonlyMap<TransferDepth, TransferDepthInfo> = new Map(
  TRANSFER_DEPTH_INFO.map((info) => [info.code, info]),
);

/** Rank of a depth, for ordered comparisons (required <= offered). */
export function transferDepthRank(code: TransferDepth): number {
  return TRANSFER_DEPTHS.indexOf(code);
}
