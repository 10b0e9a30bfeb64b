/** UI strings of the components in the five languages the API speaks. */
import type { Schemas } from './api.ts';

export const LANGUAGES = ['en', 'id', 'ko', 'ja', 'zh'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const FACTOR_NAMES = ['sector', 'technology', 'location', 'size', 'modality'] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];
type Band = Schemas['MatchBand'];

export interface Strings {
  loading: string;
  retry: string;
  close: string;
  /** Content shown in English because the visitor's language is missing. */
  shownInEnglish: string;
  errors: {
    network: string;
    originNotAllowed: string;
    invalidKey: string;
    keyRequired: string;
    forbidden: string;
    rateLimited: string;
    unavailable: string;
    rejected: string;
    unknown: string;
  };
  list: {
    label: string;
    shown: (count: number) => string;
    empty: string;
    more: string;
  };
  fields: {
    sector: string;
    location: string;
    investment: string;
    sponsor: string;
    contact: string;
    technologies: string;
    transfer: string;
    modalities: string;
  };
  finder: {
    title: string;
    intro: string;
    sector: string;
    anySector: string;
    allOf: (parent: string) => string;
    country: string;
    technologies: string;
    transfer: string;
    notStated: string;
    provinces: string;
    provincesHint: string;
    ticket: string;
    ticketMin: string;
    ticketMax: string;
    ticketInvalid: string;
    ticketOrder: string;
    submit: string;
    results: string;
    found: (count: number) => string;
    empty: string;
    score: (score: string) => string;
    factors: Record<FactorName, string>;
    /** The band of a score, in words. */
    bands: Record<Band, string>;
    why: string;
    /** Factors that count but do not help this match. */
    differs: string;
    /** The visitor answered nothing the ranking could compare. */
    nothingStated: string;
    /** The embed key does not allow the page's origin, so the finder cannot ask. */
    originRefused: string;
    more: string;
  };
}

const en: Strings = {
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  shownInEnglish: 'Shown in English',
  errors: {
    network: 'Could not reach the Peluang service. Check your connection and try again.',
    originNotAllowed: 'This site is not allowed to use this Peluang key.',
    invalidKey: 'This Peluang key is not valid or has been revoked.',
    keyRequired: 'This needs a Peluang key. Please ask the owner of this site to add one.',
    forbidden: 'This Peluang key may not be used for this.',
    rateLimited: 'Too many requests. Please wait a moment and try again.',
    unavailable: 'The Peluang service is unavailable right now. Please try again later.',
    rejected: 'The Peluang service did not accept the request.',
    unknown: 'Something went wrong.',
  },
  list: {
    label: "Investment opportunities in Indonesia's health industry",
    shown: (n) => (n === 1 ? '1 opportunity shown' : `${n} opportunities shown`),
    empty: 'No published opportunities match these filters.',
    more: 'Show more',
  },
  fields: {
    sector: 'Sector',
    location: 'Location',
    investment: 'Investment',
    sponsor: 'Sponsor',
    contact: 'Contact',
    technologies: 'Technologies sought',
    transfer: 'Technology transfer required',
    modalities: 'Forms of investment',
  },
  finder: {
    title: 'Find opportunities that fit your company',
    intro: 'Ranked by fit. Nothing you enter is stored.',
    sector: 'Sector',
    anySector: 'Any sector',
    allOf: (parent) => `${parent}: all`,
    country: "Your company's country",
    technologies: 'Technologies your company holds',
    transfer: 'How far will you transfer technology?',
    notStated: 'Not stated',
    provinces: 'Preferred provinces',
    provincesHint: 'Choose as many as you like.',
    ticket: 'Ticket size (million USD)',
    ticketMin: 'Minimum',
    ticketMax: 'Maximum',
    ticketInvalid: 'Enter an amount greater than zero.',
    ticketOrder: 'The minimum must not be larger than the maximum.',
    submit: 'Find matches',
    results: 'Best matches',
    found: (n) => (n === 1 ? '1 match' : `${n} matches`),
    empty: 'No published opportunity matches this profile yet.',
    score: (s) => `Match score ${s} out of 100`,
    factors: { sector: 'Sector', technology: 'Technology', location: 'Location', size: 'Size', modality: 'Form of investment' },
    bands: { strong: 'Strong match', good: 'Good match', weak: 'Weak match' },
    why: 'Why it fits',
    differs: 'Where it differs',
    nothingStated: 'Answer at least one question (a sector, a technology, a province or a ticket size) to see matches.',
    originRefused: 'The match finder cannot be used on this site yet: its key does not allow this web address.',
    more: 'Show more matches',
  },
};

const id: Strings = {
  loading: 'Memuat…',
  retry: 'Coba lagi',
  close: 'Tutup',
  shownInEnglish: 'Ditampilkan dalam bahasa Inggris',
  errors: {
    network: 'Layanan Peluang tidak dapat dihubungi. Periksa koneksi Anda, lalu coba lagi.',
    originNotAllowed: 'Situs ini tidak diizinkan menggunakan kunci Peluang ini.',
    invalidKey: 'Kunci Peluang ini tidak valid atau sudah dicabut.',
    keyRequired: 'Fitur ini memerlukan kunci Peluang. Silakan minta pemilik situs ini untuk menambahkannya.',
    forbidden: 'Kunci Peluang ini tidak dapat digunakan untuk keperluan ini.',
    rateLimited: 'Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi.',
    unavailable: 'Layanan Peluang sedang tidak tersedia. Silakan coba lagi nanti.',
    rejected: 'Layanan Peluang tidak menerima permintaan ini.',
    unknown: 'Terjadi kesalahan.',
  },
  list: {
    label: 'Peluang investasi industri kesehatan Indonesia',
    shown: (n) => `${n} peluang ditampilkan`,
    empty: 'Tidak ada peluang yang sesuai dengan filter ini.',
    more: 'Tampilkan lebih banyak',
  },
  fields: {
    sector: 'Sektor',
    location: 'Lokasi',
    investment: 'Nilai investasi',
    sponsor: 'Pemrakarsa',
    contact: 'Kontak',
    technologies: 'Teknologi yang dicari',
    transfer: 'Alih teknologi yang disyaratkan',
    modalities: 'Bentuk investasi',
  },
  finder: {
    title: 'Temukan peluang yang cocok untuk perusahaan Anda',
    intro: 'Diurutkan menurut kecocokan. Data yang Anda isi tidak disimpan.',
    sector: 'Sektor',
    anySector: 'Semua sektor',
    allOf: (parent) => `${parent}: semua`,
    country: 'Negara asal perusahaan Anda',
    technologies: 'Teknologi yang dikuasai perusahaan Anda',
    transfer: 'Sejauh mana Anda bersedia mengalihkan teknologi?',
    notStated: 'Tidak disebutkan',
    provinces: 'Provinsi pilihan',
    provincesHint: 'Pilih sebanyak yang Anda mau.',
    ticket: 'Nilai investasi (juta USD)',
    ticketMin: 'Minimum',
    ticketMax: 'Maksimum',
    ticketInvalid: 'Masukkan jumlah yang lebih besar dari nol.',
    ticketOrder: 'Nilai minimum tidak boleh lebih besar dari nilai maksimum.',
    submit: 'Cari yang cocok',
    results: 'Peluang yang paling cocok',
    found: (n) => `${n} peluang cocok`,
    empty: 'Belum ada peluang yang cocok dengan profil ini.',
    score: (s) => `Skor kecocokan ${s} dari 100`,
    factors: { sector: 'Sektor', technology: 'Teknologi', location: 'Lokasi', size: 'Nilai', modality: 'Bentuk investasi' },
    bands: { strong: 'Sangat cocok', good: 'Cukup cocok', weak: 'Kurang cocok' },
    why: 'Alasan kecocokan',
    differs: 'Yang belum sesuai',
    nothingStated: 'Jawab setidaknya satu pertanyaan (sektor, teknologi, provinsi, atau nilai investasi) untuk melihat hasil.',
    originRefused: 'Pencari peluang belum dapat digunakan di situs ini: kuncinya tidak mengizinkan alamat web ini.',
    more: 'Tampilkan lebih banyak',
  },
};

const ko: Strings = {
  loading: '불러오는 중…',
  retry: '다시 시도',
  close: '닫기',
  shownInEnglish: '영어로 표시됨',
  errors: {
    network: 'Peluang 서비스에 연결할 수 없습니다. 인터넷 연결을 확인한 후 다시 시도해 주세요.',
    originNotAllowed: '이 사이트에서는 이 Peluang 키를 사용할 수 없습니다.',
    invalidKey: '유효하지 않거나 폐기된 Peluang 키입니다.',
    keyRequired: '이 기능을 사용하려면 Peluang 키가 필요합니다. 사이트 운영자에게 문의해 주세요.',
    forbidden: '이 Peluang 키로는 이 기능을 사용할 수 없습니다.',
    rateLimited: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
    unavailable: '지금은 Peluang 서비스를 이용할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    rejected: 'Peluang 서비스가 요청을 처리하지 않았습니다.',
    unknown: '문제가 발생했습니다.',
  },
  list: {
    label: '인도네시아 보건의료 산업 투자 기회',
    shown: (n) => `투자 기회 ${n}건 표시 중`,
    empty: '이 조건에 맞는 투자 기회가 없습니다.',
    more: '더 보기',
  },
  fields: {
    sector: '업종',
    location: '위치',
    investment: '투자 규모',
    sponsor: '추진 기관',
    contact: '연락처',
    technologies: '필요 기술',
    transfer: '요구되는 기술이전 수준',
    modalities: '투자 방식',
  },
  finder: {
    title: '귀사에 맞는 투자 기회 찾기',
    intro: '적합도 순으로 보여 드립니다. 입력하신 정보는 저장되지 않습니다.',
    sector: '업종',
    anySector: '전체 업종',
    allOf: (parent) => `${parent} 전체`,
    country: '귀사 소재 국가',
    technologies: '귀사 보유 기술',
    transfer: '기술이전 가능 범위',
    notStated: '선택 안 함',
    provinces: '희망 지역(주)',
    provincesHint: '원하는 만큼 고르세요.',
    ticket: '투자 규모(백만 달러)',
    ticketMin: '최소',
    ticketMax: '최대',
    ticketInvalid: '0보다 큰 금액을 입력해 주세요.',
    ticketOrder: '최소 금액이 최대 금액보다 클 수 없습니다.',
    submit: '맞춤 투자 기회 찾기',
    results: '적합도가 높은 투자 기회',
    found: (n) => `${n}건`,
    empty: '이 조건에 맞는 투자 기회가 아직 없습니다.',
    score: (s) => `적합도 100점 만점에 ${s}점`,
    factors: { sector: '업종', technology: '기술', location: '위치', size: '투자 규모', modality: '투자 방식' },
    bands: { strong: '적합도 높음', good: '적합도 보통', weak: '적합도 낮음' },
    why: '추천 이유',
    differs: '맞지 않는 점',
    nothingStated: '결과를 보려면 질문에 하나 이상 답해 주세요(업종, 기술, 지역, 투자 규모 중 하나).',
    originRefused: '이 사이트에서는 아직 투자 기회 찾기를 사용할 수 없습니다. 키에 이 웹 주소가 허용되어 있지 않습니다.',
    more: '더 보기',
  },
};

const ja: Strings = {
  loading: '読み込み中…',
  retry: '再試行',
  close: '閉じる',
  shownInEnglish: '英語で表示しています',
  errors: {
    network: 'Peluangサービスに接続できません。接続を確認して、もう一度お試しください。',
    originNotAllowed: 'このサイトでは、このPeluangキーを使用できません。',
    invalidKey: 'このPeluangキーは無効か、失効しています。',
    keyRequired: 'この機能にはPeluangキーが必要です。サイトの管理者にお問い合わせください。',
    forbidden: 'このPeluangキーはこの用途には使用できません。',
    rateLimited: 'リクエストが多すぎます。しばらく待ってから、もう一度お試しください。',
    unavailable: 'Peluangサービスは現在ご利用いただけません。しばらくしてから、もう一度お試しください。',
    rejected: 'Peluangサービスがリクエストを受け付けませんでした。',
    unknown: '問題が発生しました。',
  },
  list: {
    label: 'インドネシア保健医療産業の投資案件',
    shown: (n) => `${n}件の案件を表示中`,
    empty: 'この条件に合う公開中の案件はありません。',
    more: 'さらに表示',
  },
  fields: {
    sector: '業種',
    location: '所在地',
    investment: '投資規模',
    sponsor: '事業主体',
    contact: '連絡先',
    technologies: '求められる技術',
    transfer: '求められる技術移転の範囲',
    modalities: '投資形態',
  },
  finder: {
    title: '貴社に合う投資案件を探す',
    intro: '適合度の高い順に表示します。入力内容は保存されません。',
    sector: '業種',
    anySector: 'すべての業種',
    allOf: (parent) => `${parent}（すべて）`,
    country: '貴社の所在国',
    technologies: '貴社の保有技術',
    transfer: '技術移転の意向',
    notStated: '指定なし',
    provinces: '希望の州',
    provincesHint: 'いくつでも選べます。',
    ticket: '投資規模（百万米ドル）',
    ticketMin: '下限',
    ticketMax: '上限',
    ticketInvalid: '0より大きい金額を入力してください。',
    ticketOrder: '下限は上限以下にしてください。',
    submit: '合う案件を探す',
    results: '適合度の高い案件',
    found: (n) => `${n}件`,
    empty: 'このプロフィールに合う公開中の案件はまだありません。',
    score: (s) => `適合度 100点中${s}点`,
    factors: { sector: '業種', technology: '技術', location: '所在地', size: '投資規模', modality: '投資形態' },
    bands: { strong: '適合度：高', good: '適合度：中', weak: '適合度：低' },
    why: '適合の理由',
    differs: '合わない点',
    nothingStated: '結果を表示するには、業種・技術・州・投資額のいずれか一つ以上に答えてください。',
    originRefused: 'このサイトでは、まだ案件検索を利用できません。キーでこのウェブアドレスが許可されていません。',
    more: 'さらに表示',
  },
};

const zh: Strings = {
  loading: '加载中…',
  retry: '重试',
  close: '关闭',
  shownInEnglish: '以英文显示',
  errors: {
    network: '无法连接Peluang服务。请检查网络连接后重试。',
    originNotAllowed: '本网站无权使用此Peluang密钥。',
    invalidKey: '此Peluang密钥无效或已被撤销。',
    keyRequired: '此功能需要Peluang密钥，请联系本网站管理员添加。',
    forbidden: '此Peluang密钥不能用于此操作。',
    rateLimited: '请求过于频繁，请稍候再试。',
    unavailable: 'Peluang服务暂时不可用，请稍后再试。',
    rejected: 'Peluang服务未接受该请求。',
    unknown: '出现错误。',
  },
  list: {
    label: '印度尼西亚医疗健康产业投资机会',
    shown: (n) => `已显示${n}个投资机会`,
    empty: '没有符合这些条件的已发布投资机会。',
    more: '显示更多',
  },
  fields: {
    sector: '行业',
    location: '地点',
    investment: '投资规模',
    sponsor: '项目方',
    contact: '联系人',
    technologies: '所需技术',
    transfer: '所需技术转让程度',
    modalities: '投资方式',
  },
  finder: {
    title: '查找适合贵公司的投资机会',
    intro: '按匹配度排序。您输入的内容不会被保存。',
    sector: '行业',
    anySector: '所有行业',
    allOf: (parent) => `${parent}（全部）`,
    country: '贵公司所在国家',
    technologies: '贵公司掌握的技术',
    transfer: '愿意进行多大程度的技术转让？',
    notStated: '未说明',
    provinces: '意向省份',
    provincesHint: '可任意多选。',
    ticket: '投资规模（百万美元）',
    ticketMin: '最低',
    ticketMax: '最高',
    ticketInvalid: '请输入大于零的金额。',
    ticketOrder: '最低金额不能高于最高金额。',
    submit: '查找匹配',
    results: '最佳匹配',
    found: (n) => `${n}个`,
    empty: '暂无符合此条件的已发布投资机会。',
    score: (s) => `匹配度${s}分（满分100）`,
    factors: { sector: '行业', technology: '技术', location: '地点', size: '投资规模', modality: '投资方式' },
    bands: { strong: '匹配度高', good: '匹配度中', weak: '匹配度低' },
    why: '匹配理由',
    differs: '不符之处',
    nothingStated: '请至少回答一个问题（行业、技术、省份或投资规模），即可查看匹配结果。',
    originRefused: '本网站暂时无法使用匹配查询：其密钥未允许此网址。',
    more: '显示更多',
  },
};

export const STRINGS: Record<Lang, Strings> = { en, id, ko, ja, zh };

/**
 * The language to show: the element's `lang`, else the nearest ancestor's or the page's,
 * matched on the primary subtag (`ko-KR` → ko; `in` is Indonesian's old code); English otherwise.
 */
export function resolveLang(element: Element): Lang {
  const tag = element.closest('[lang]')?.getAttribute('lang') ?? '';
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const normalised = primary === 'in' ? 'id' : primary;
  return (LANGUAGES as readonly string[]).includes(normalised) ? (normalised as Lang) : 'en';
}

export function formatScore(lang: Lang, score: number): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(score);
}

/** "A, B and C" as each language writes it. */
export function formatList(lang: Lang, items: string[]): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}

/** Parts of one place (regency, province, zone): Japanese and Chinese separate them with 、. */
export function joinPlace(lang: Lang, parts: string[]): string {
  return parts.join(lang === 'ja' || lang === 'zh' ? '、' : ', ');
}
