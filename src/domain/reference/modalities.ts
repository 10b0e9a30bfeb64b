import type { Modality } from '../codes.ts';
import type { LocalizedName } from './i18n.ts';

export interface ModalityInfo {
  code: Modality;
  names: LocalizedName;
  description: LocalizedName;
}

export const MODALITY_INFO: readonly ModalityInfo[] = [
  {
    code: 'joint-venture',
    names: {
      en: 'Joint venture',
      id: 'Usaha patungan',
      ko: '합작투자',
      ja: '合弁事業',
      zh: '合资企业',
    },
    description: {
      en: 'A new or existing Indonesian company owned jointly by the investor and a local partner.',
      id: 'Perusahaan Indonesia baru atau yang sudah ada yang dimiliki bersama oleh investor dan mitra lokal.',
      ko: '투자자와 현지 파트너가 공동으로 소유하는 신규 또는 기존 인도네시아 법인입니다.',
      ja: '投資家と現地パートナーが共同で所有する、新設または既存のインドネシア法人です。',
      zh: '由投资方与印尼本地合作伙伴共同持股的新设或现有印尼公司。',
    },
  },
  {
    code: 'licensing',
    names: {
      en: 'Licensing',
      id: 'Lisensi',
      ko: '라이선싱',
      ja: 'ライセンス契約',
      zh: '许可协议',
    },
    description: {
      en: 'Rights to a product, brand or process are granted to the Indonesian party for fees or royalties.',
      id: 'Hak atas produk, merek atau proses diberikan kepada pihak Indonesia dengan imbalan biaya atau royalti.',
      ko: '제품·브랜드·공정에 대한 권리를 수수료 또는 로열티를 받고 인도네시아 측에 부여합니다.',
      ja: '製品・ブランド・製法の権利を、対価またはロイヤルティと引き換えにインドネシア側へ供与します。',
      zh: '将产品、品牌或工艺的权利授予印尼方，收取许可费或特许权使用费。',
    },
  },
  {
    code: 'contract-manufacturing',
    names: {
      en: 'Contract manufacturing',
      id: 'Produksi berdasarkan kontrak (toll manufacturing)',
      ko: '위탁생산',
      ja: '受託製造',
      zh: '委托生产',
    },
    description: {
      en: 'One party manufactures to the other party\'s specifications under a supply contract.',
      id: 'Satu pihak memproduksi sesuai spesifikasi pihak lain berdasarkan kontrak pasokan.',
      ko: '한 측이 공급 계약에 따라 상대방의 사양대로 생산합니다.',
      ja: '一方が供給契約に基づき、相手方の仕様どおりに製造します。',
      zh: '一方根据供货合同，按另一方的规格进行生产。',
    },
  },
  {
    code: 'greenfield',
    names: {
      en: 'Greenfield plant',
      id: 'Pembangunan pabrik baru (greenfield)',
      ko: '신규 공장 설립(그린필드)',
      ja: '新規工場建設(グリーンフィールド)',
      zh: '新建工厂(绿地投资)',
    },
    description: {
      en: 'The investor builds a new production facility in Indonesia.',
      id: 'Investor membangun fasilitas produksi baru di Indonesia.',
      ko: '투자자가 인도네시아에 새 생산시설을 건설합니다.',
      ja: '投資家がインドネシアに新たな生産施設を建設します。',
      zh: '投资方在印尼新建生产设施。',
    },
  },
  {
    code: 'acquisition',
    names: {
      en: 'Acquisition or equity stake',
      id: 'Akuisisi atau penyertaan saham',
      ko: '인수 또는 지분투자',
      ja: '買収・資本参加',
      zh: '收购或参股',
    },
    description: {
      en: 'The investor buys all or part of the shares of an existing Indonesian company.',
      id: 'Investor membeli seluruh atau sebagian saham perusahaan Indonesia yang sudah ada.',
      ko: '투자자가 기존 인도네시아 기업의 지분 전부 또는 일부를 매입합니다.',
      ja: '投資家が既存のインドネシア企業の株式の全部または一部を取得します。',
      zh: '投资方收购现有印尼公司的全部或部分股份。',
    },
  },
  {
    code: 'rnd-collaboration',
    names: {
      en: 'R&D or clinical-trial collaboration',
      id: 'Kolaborasi riset dan pengembangan atau uji klinik',
      ko: '연구개발 또는 임상시험 협력',
      ja: '研究開発・臨床試験での協力',
      zh: '研发或临床试验合作',
    },
    description: {
      en: 'The parties share research, development or clinical trials without necessarily sharing ownership.',
      id: 'Para pihak bekerja sama dalam riset, pengembangan atau uji klinik tanpa harus berbagi kepemilikan.',
      ko: '양측이 지분 공유 없이도 연구·개발 또는 임상시험을 함께 수행합니다.',
      ja: '出資を伴わずに、研究・開発または臨床試験を共同で行います。',
      zh: '双方共同开展研究、开发或临床试验，不一定共同持股。',
    },
  },
];

export const modalityByCode: ReadonlyMap<Modality, ModalityInfo> = new Map(
  MODALITY_INFO.map((info) => [info.code, info]),
);
