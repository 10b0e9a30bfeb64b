import type { ContentLanguage, SectorLeaf, Technology } from '../codes.ts';

/**
 * The multilingual concept lexicon: what people type, in any of the five languages, mapped to
 * the sector and technology codes opportunities are tagged with. A query naming a concept finds
 * the opportunities tagged with it even when they have no text in the query's language.
 *
 * Reviewed data: every term is what a practitioner in that language would write (the customary
 * trade or regulatory word, common synonyms and abbreviations), not a word-for-word rendering.
 * Terms are matched after normalisation (see `normalizeForSearch`): case, width and Latin
 * accents do not matter; Latin terms match whole words (an English plural `s` is allowed), other
 * scripts match anywhere, since Korean attaches particles and Japanese and Chinese use no spaces.
 * Each term is tested to be recognised as its own concept.
 */
export interface Concept {
  code: string;
  sectors: readonly SectorLeaf[];
  technologies: readonly Technology[];
  terms: Readonly<Record<ContentLanguage, readonly string[]>>;
}

export const CONCEPTS: readonly Concept[] = [
  // ── Sectors ──────────────────────────────────────────────────────────────────────────
  {
    code: 'vaccine',
    sectors: ['vaccines'],
    technologies: ['cell-culture-vaccine'],
    terms: {
      id: ['vaksin', 'vaksinasi', 'imunisasi'],
      en: ['vaccine', 'vaccination', 'immunisation', 'immunization'],
      ko: ['백신', '예방접종'],
      ja: ['ワクチン', '予防接種'],
      zh: ['疫苗', '预防接种'],
    },
  },
  {
    code: 'plasma-derived',
    sectors: ['plasma-derived-products'],
    technologies: ['plasma-fractionation'],
    terms: {
      id: ['fraksionasi plasma', 'derivat plasma', 'produk plasma', 'albumin', 'imunoglobulin'],
      en: ['plasma fractionation', 'plasma-derived', 'plasma derivative', 'albumin', 'immunoglobulin', 'ivig', 'clotting factor'],
      ko: ['혈장분획', '혈장 분획', '혈액제제', '알부민', '면역글로불린'],
      ja: ['血漿分画', '血液製剤', 'アルブミン', '免疫グロブリン'],
      zh: ['血浆分离', '血浆分馏', '血液制品', '白蛋白', '免疫球蛋白'],
    },
  },
  {
    code: 'api',
    sectors: ['active-pharmaceutical-ingredients'],
    technologies: ['chemical-api-synthesis'],
    terms: {
      id: ['bahan baku obat', 'bbo', 'bahan aktif obat', 'bahan baku farmasi'],
      en: ['active pharmaceutical ingredient', 'api', 'drug substance', 'drug raw material'],
      ko: ['원료의약품', '원료약', '의약품 원료'],
      ja: ['原薬', '医薬品原料', '有効成分'],
      zh: ['原料药', '活性药物成分', '医药原料'],
    },
  },
  {
    code: 'finished-drug',
    sectors: ['finished-drugs'],
    technologies: [],
    terms: {
      id: ['obat jadi', 'formulasi obat', 'obat generik'],
      en: ['finished drug', 'finished dosage form', 'generic drug', 'formulation'],
      ko: ['완제의약품', '제네릭', '복제약'],
      ja: ['医薬品製剤', '後発医薬品', 'ジェネリック医薬品'],
      zh: ['成品药', '制剂', '仿制药'],
    },
  },
  {
    code: 'recombinant-protein',
    sectors: ['recombinant-proteins'],
    technologies: ['recombinant-protein'],
    terms: {
      id: ['protein rekombinan', 'eritropoietin', 'insulin'],
      en: ['recombinant protein', 'erythropoietin', 'epo', 'insulin', 'biosimilar'],
      ko: ['재조합 단백질', '재조합단백질', '에리스로포이에틴', '인슐린', '바이오시밀러'],
      ja: ['組換えタンパク質', 'エリスロポエチン', 'インスリン', 'バイオシミラー'],
      zh: ['重组蛋白', '促红细胞生成素', '胰岛素', '生物类似药'],
    },
  },
  {
    code: 'monoclonal-antibody',
    sectors: ['monoclonal-antibodies'],
    technologies: ['monoclonal-antibody'],
    terms: {
      id: ['antibodi monoklonal'],
      en: ['monoclonal antibody', 'mab', 'mabs', 'antibody'],
      ko: ['단일클론항체', '단클론항체', '항체의약품', '항체'],
      ja: ['モノクローナル抗体', '抗体医薬', '抗体'],
      zh: ['单克隆抗体', '单抗', '抗体药物', '抗体'],
    },
  },
  {
    code: 'traditional-medicine',
    sectors: ['traditional-medicine'],
    technologies: ['herbal-extraction'],
    terms: {
      id: ['obat tradisional', 'jamu', 'herbal', 'fitofarmaka', 'obat herbal'],
      en: ['traditional medicine', 'herbal medicine', 'herbal', 'phytopharmaceutical', 'botanical extract'],
      ko: ['전통의약품', '전통 의약품', '생약', '천연물의약품', '한약'],
      ja: ['伝統医薬品', '生薬', '漢方', 'ハーブ'],
      zh: ['传统药物', '传统医药', '草药', '中药', '植物药'],
    },
  },
  {
    code: 'in-vitro-diagnostics',
    sectors: ['in-vitro-diagnostics'],
    technologies: ['rapid-diagnostic-tests', 'molecular-diagnostics'],
    terms: {
      id: ['diagnostik in vitro', 'alat diagnostik', 'reagen diagnostik'],
      en: ['in-vitro diagnostics', 'in vitro diagnostic', 'ivd', 'diagnostics', 'diagnostic kit'],
      ko: ['체외진단', '진단키트', '진단기기'],
      ja: ['体外診断', '診断薬', '診断キット'],
      zh: ['体外诊断', '诊断试剂', '诊断试剂盒'],
    },
  },
  {
    code: 'medical-consumables',
    sectors: ['medical-consumables'],
    technologies: ['polymer-disposables'],
    terms: {
      id: ['bahan medis habis pakai', 'bmhp', 'alat kesehatan sekali pakai'],
      en: ['medical consumables', 'medical disposables', 'single-use device'],
      ko: ['의료소모품', '일회용 의료기기'],
      ja: ['医療消耗品', '医療用ディスポーザブル'],
      zh: ['医用耗材', '一次性医疗器械'],
    },
  },
  {
    code: 'imaging',
    sectors: ['electromedical-imaging'],
    technologies: ['medical-imaging'],
    terms: {
      id: ['pencitraan medis', 'radiologi', 'sinar-x', 'rontgen', 'ct scan', 'mri'],
      en: ['medical imaging', 'radiology', 'x-ray', 'ct scanner', 'mri', 'ultrasound', 'radiotherapy'],
      ko: ['의료영상', '영상진단', '엑스레이', 'X선', '방사선', '초음파'],
      ja: ['画像診断', '医用画像', 'X線', 'レントゲン', '放射線', '超音波'],
      zh: ['医学影像', '影像诊断', 'X光', 'X射线', '放射', '超声'],
    },
  },
  {
    code: 'medical-equipment',
    sectors: ['medical-dental-equipment'],
    technologies: [],
    terms: {
      id: ['peralatan medis', 'alat kedokteran', 'peralatan gigi', 'ranjang rumah sakit', 'tempat tidur rumah sakit'],
      en: ['medical equipment', 'dental equipment', 'hospital bed', 'surgical instrument'],
      ko: ['의료장비', '치과장비', '병원 침대', '수술기구'],
      ja: ['医療用機械器具', '歯科用機器', '病院用ベッド', '手術器具'],
      zh: ['医疗设备', '牙科设备', '病床', '手术器械'],
    },
  },
  {
    code: 'protective-equipment',
    sectors: ['personal-protective-equipment'],
    technologies: ['glove-dipping'],
    terms: {
      id: ['alat pelindung diri', 'apd', 'masker', 'sarung tangan'],
      en: ['personal protective equipment', 'ppe', 'face mask', 'glove'],
      ko: ['개인보호구', '보호장비', '마스크', '장갑'],
      ja: ['個人用保護具', 'マスク', '手袋'],
      zh: ['个人防护装备', '防护用品', '口罩', '手套'],
    },
  },
  {
    code: 'pharmaceuticals',
    sectors: [
      'finished-drugs',
      'active-pharmaceutical-ingredients',
      'vaccines',
      'plasma-derived-products',
      'recombinant-proteins',
      'monoclonal-antibodies',
      'traditional-medicine',
    ],
    technologies: [],
    terms: {
      id: ['farmasi', 'industri farmasi', 'obat-obatan'],
      en: ['pharmaceutical', 'pharma', 'drug manufacturing'],
      ko: ['제약', '의약품'],
      ja: ['製薬', '医薬品'],
      zh: ['制药', '医药', '药品'],
    },
  },
  {
    code: 'medical-devices',
    sectors: ['in-vitro-diagnostics', 'medical-consumables', 'electromedical-imaging', 'medical-dental-equipment', 'personal-protective-equipment'],
    technologies: [],
    terms: {
      id: ['alat kesehatan', 'alkes'],
      en: ['medical device', 'medtech'],
      ko: ['의료기기'],
      ja: ['医療機器', '医療器械'],
      zh: ['医疗器械', '医疗器材'],
    },
  },
  {
    code: 'biologics',
    sectors: ['vaccines', 'plasma-derived-products', 'recombinant-proteins', 'monoclonal-antibodies'],
    technologies: [],
    terms: {
      id: ['produk biologi', 'bioteknologi', 'biofarmasi'],
      en: ['biologics', 'biopharmaceutical', 'biotech', 'biotechnology'],
      ko: ['바이오의약품', '생물의약품', '바이오'],
      ja: ['バイオ医薬品', '生物学的製剤'],
      zh: ['生物制品', '生物药', '生物医药'],
    },
  },

  // ── Technologies ─────────────────────────────────────────────────────────────────────
  {
    code: 'blood-bag',
    sectors: [],
    technologies: ['blood-bag-manufacturing'],
    terms: {
      id: ['kantong darah', 'kantung darah'],
      en: ['blood bag', 'blood-bag', 'blood collection bag'],
      ko: ['혈액백', '혈액 백', '혈액주머니'],
      ja: ['血液バッグ', '採血バッグ'],
      zh: ['血袋', '采血袋'],
    },
  },
  {
    code: 'chemical-synthesis',
    sectors: [],
    technologies: ['chemical-api-synthesis'],
    terms: {
      id: ['sintesis kimia', 'paracetamol', 'parasetamol'],
      en: ['chemical synthesis', 'organic synthesis', 'paracetamol', 'acetaminophen'],
      ko: ['화학합성', '화학 합성', '파라세타몰', '아세트아미노펜'],
      ja: ['化学合成', 'パラセタモール', 'アセトアミノフェン'],
      zh: ['化学合成', '对乙酰氨基酚', '扑热息痛'],
    },
  },
  {
    code: 'fermentation',
    sectors: [],
    technologies: ['fermentation'],
    terms: {
      id: ['fermentasi', 'antibiotik', 'amoksisilin'],
      en: ['fermentation', 'antibiotic', 'amoxicillin'],
      ko: ['발효', '항생제', '아목시실린'],
      ja: ['発酵', '抗生物質', 'アモキシシリン'],
      zh: ['发酵', '抗生素', '阿莫西林'],
    },
  },
  {
    code: 'fill-finish',
    sectors: [],
    technologies: ['sterile-fill-finish'],
    terms: {
      id: ['pengisian steril', 'fill-finish', 'fill and finish', 'injeksi', 'cairan infus'],
      en: ['fill-finish', 'fill and finish', 'sterile filling', 'aseptic filling', 'injectable', 'vial'],
      ko: ['무균충전', '충전 포장', '주사제', '바이알'],
      ja: ['無菌充填', '充填', '注射剤', 'バイアル'],
      zh: ['无菌灌装', '灌装', '注射剂', '西林瓶'],
    },
  },
  {
    code: 'viral-vector',
    sectors: [],
    technologies: ['viral-vector'],
    terms: {
      id: ['vektor virus', 'vektor viral'],
      en: ['viral vector', 'adenovirus vector', 'aav'],
      ko: ['바이러스 벡터', '바이러스벡터'],
      ja: ['ウイルスベクター'],
      zh: ['病毒载体'],
    },
  },
  {
    code: 'nucleic-acid',
    sectors: [],
    technologies: ['nucleic-acid'],
    terms: {
      id: ['asam nukleat', 'mrna', 'vaksin dna'],
      en: ['nucleic acid', 'mrna', 'messenger rna', 'dna vaccine'],
      ko: ['핵산', 'mRNA', '메신저 RNA'],
      ja: ['核酸', 'mRNA', 'メッセンジャーRNA'],
      zh: ['核酸', 'mRNA', '信使RNA'],
    },
  },
  {
    code: 'cell-culture',
    sectors: [],
    technologies: ['cell-culture-vaccine'],
    terms: {
      id: ['kultur sel', 'biakan sel'],
      en: ['cell culture', 'cell-culture', 'bioreactor'],
      ko: ['세포배양', '세포 배양', '바이오리액터'],
      ja: ['細胞培養', 'バイオリアクター'],
      zh: ['细胞培养', '生物反应器'],
    },
  },
  {
    code: 'rapid-test',
    sectors: [],
    technologies: ['rapid-diagnostic-tests'],
    terms: {
      id: ['tes cepat', 'rapid test', 'tes diagnostik cepat', 'malaria'],
      en: ['rapid diagnostic test', 'rapid test', 'rdt', 'lateral flow', 'point-of-care', 'malaria'],
      ko: ['신속진단', '신속진단키트', '현장진단', '말라리아'],
      ja: ['迅速診断', '迅速検査', 'イムノクロマト', 'マラリア'],
      zh: ['快速诊断', '快速检测', '即时检测', '疟疾'],
    },
  },
  {
    code: 'molecular-diagnostics',
    sectors: [],
    technologies: ['molecular-diagnostics'],
    terms: {
      id: ['diagnostik molekuler', 'pcr', 'reagen pcr'],
      en: ['molecular diagnostics', 'pcr', 'rt-pcr', 'genetic testing'],
      ko: ['분자진단', 'PCR', '유전자 검사'],
      ja: ['分子診断', 'PCR', '遺伝子検査'],
      zh: ['分子诊断', 'PCR', '核酸检测', '基因检测'],
    },
  },
  {
    code: 'electromedical',
    sectors: [],
    technologies: ['electromedical-devices'],
    terms: {
      id: ['alat elektromedik', 'elektromedis', 'monitor pasien', 'ventilator'],
      en: ['electromedical', 'patient monitor', 'ventilator', 'infusion pump'],
      ko: ['전자의료기기', '환자감시장치', '인공호흡기'],
      ja: ['電気医療機器', '生体情報モニタ', '人工呼吸器'],
      zh: ['电子医疗设备', '医用电气设备', '监护仪', '呼吸机'],
    },
  },
  {
    code: 'syringes-infusion',
    sectors: [],
    technologies: ['polymer-disposables'],
    terms: {
      id: ['jarum suntik', 'spuit', 'set infus', 'kateter'],
      en: ['syringe', 'infusion set', 'iv set', 'catheter'],
      ko: ['주사기', '수액세트', '카테터'],
      ja: ['注射器', '輸液セット', 'カテーテル'],
      zh: ['注射器', '输液器', '导管'],
    },
  },
  {
    code: 'gloves',
    sectors: [],
    technologies: ['glove-dipping'],
    terms: {
      id: ['sarung tangan lateks', 'sarung tangan medis', 'sarung tangan karet', 'lateks'],
      en: ['medical gloves', 'latex gloves', 'examination gloves', 'surgical gloves', 'latex', 'nitrile'],
      ko: ['의료용 장갑', '라텍스 장갑', '라텍스', '니트릴'],
      ja: ['医療用手袋', 'ゴム手袋', 'ラテックス', 'ニトリル'],
      zh: ['医用手套', '乳胶手套', '乳胶', '丁腈'],
    },
  },
  {
    code: 'herbal-extraction',
    sectors: [],
    technologies: ['herbal-extraction'],
    terms: {
      id: ['ekstraksi herbal', 'ekstrak tanaman', 'minyak atsiri', 'ekstrak'],
      en: ['herbal extraction', 'plant extract', 'essential oil', 'standardised extract', 'standardized extract'],
      ko: ['천연물 추출', '식물 추출물', '에센셜 오일', '추출물'],
      ja: ['生薬抽出', '植物抽出物', '精油', 'エキス'],
      zh: ['草药提取', '植物提取物', '精油', '提取物'],
    },
  },
  {
    code: 'digital-health',
    sectors: [],
    technologies: ['digital-health'],
    terms: {
      id: ['kesehatan digital', 'telemedisin', 'telemedis', 'teleradiologi', 'rekam medis elektronik'],
      en: ['digital health', 'telemedicine', 'telehealth', 'teleradiology', 'electronic medical record', 'emr'],
      ko: ['디지털 헬스', '디지털헬스', '원격의료', '원격진료', '전자의무기록'],
      ja: ['デジタルヘルス', '遠隔医療', 'オンライン診療', '電子カルテ'],
      zh: ['数字医疗', '数字健康', '远程医疗', '电子病历'],
    },
  },
  {
    code: 'medical-imaging-equipment',
    sectors: ['electromedical-imaging'],
    technologies: ['electromedical-devices'],
    terms: {
      id: ['alat elektromedis dan pencitraan', 'peralatan iradiasi'],
      en: ['electromedical and imaging', 'irradiation equipment'],
      ko: ['전자의료·영상장비', '방사선 장비'],
      ja: ['電気医療・画像診断機器', '放射線機器'],
      zh: ['电子医疗与影像设备', '辐照设备'],
    },
  },
];
