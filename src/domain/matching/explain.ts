import type {
  IslandGroup,
  Modality,
  ProvinceCode,
  SectorCode,
  Technology,
  TransferDepth,
  UiLanguage,
} from '../codes.ts';
import { TRANSFER_DEPTHS } from '../codes.ts';
import type { Badge, FactorResult, PairScore, Reason, ReasonParams } from './score.ts';
import type { Freshness } from './types.ts';
import { formatUsdRange } from '../money.ts';

/** Display names of reference codes; supplied by the caller so this module stays pure. */
export interface NameLookup {
  sector(code: SectorCode, lang: UiLanguage): string;
  technology(code: Technology, lang: UiLanguage): string;
  province(code: ProvinceCode, lang: UiLanguage): string;
  islandGroup(code: IslandGroup, lang: UiLanguage): string;
  modality(code: Modality, lang: UiLanguage): string;
  depth(code: TransferDepth, lang: UiLanguage): string;
  /** ISO 3166-1 alpha-2 → country name. */
  country(code: string, lang: UiLanguage): string;
}

type Lang = UiLanguage;

// ---- parameter access: reasons are plain data, so read them defensively ----

function str(params: ReasonParams, key: string): string {
  const v = params[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function list(params: ReasonParams, key: string): string[] {
  const v = params[key];
  return Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
}

function num(params: ReasonParams, key: string): number {
  const v = params[key];
  return typeof v === 'number' ? v : Number(v ?? NaN);
}

// ---- numbers and money ----

function formatNumber(n: number, lang: Lang, maxDecimals = 0): string {
  let fixed = n.toFixed(maxDecimals);
  if (fixed.includes('.')) fixed = fixed.replace(/0+$/, '').replace(/\.$/, '');
  const [int = '0', frac] = fixed.split('.');
  const group = lang === 'id' ? '.' : ',';
  const decimal = lang === 'id' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return frac ? `${grouped}${decimal}${frac}` : grouped;
}

// ---- names ----

function joinList(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'ja' || lang === 'zh' ? '、' : ', ');
}

function lowerFirst(s: string): string {
  // Keep acronyms ("IVD kits") as they are.
  if (s.length > 1 && s[1] === s[1]!.toUpperCase() && s[1] !== s[1]!.toLowerCase()) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

interface Names {
  sector(code: string): string;
  sectors(codes: readonly string[]): string;
  techs(codes: readonly string[]): string;
  province(code: string): string;
  provinces(codes: readonly string[]): string;
  group(code: string): string;
  modalities(codes: readonly string[]): string;
  /** For use mid-sentence. */
  depth(code: string): string;
}

/** Bound lookups are reused per (names, language): explaining a page binds them only once. */
const boundNames = new WeakMap<NameLookup, Partial<Record<Lang, Names>>>();

function bind(names: NameLookup, lang: Lang): Names {
  let byLanguage = boundNames.get(names);
  if (!byLanguage) boundNames.set(names, (byLanguage = {}));
  return (byLanguage[lang] ??= bindFresh(names, lang));
}

function bindFresh(names: NameLookup, lang: Lang): Names {
  return {
    sector: (c) => names.sector(c as SectorCode, lang),
    sectors: (cs) => joinList(cs.map((c) => names.sector(c as SectorCode, lang)), lang),
    techs: (cs) => joinList(cs.map((c) => names.technology(c as Technology, lang)), lang),
    province: (c) => names.province(c as ProvinceCode, lang),
    provinces: (cs) => joinList(cs.map((c) => names.province(c as ProvinceCode, lang)), lang),
    group: (c) => names.islandGroup(c as IslandGroup, lang),
    modalities: (cs) => joinList(cs.map((c) => names.modality(c as Modality, lang)), lang),
    depth: (c) => {
      const name = names.depth(c as TransferDepth, lang);
      return lang === 'en' || lang === 'id' ? lowerFirst(name) : name;
    },
  };
}

// ---- sentences ----
// Each sentence picks its language with a conditional, so only the one asked for is built.

const NEUTRAL: Record<Lang, string> = {
  en: 'No preference stated — left out of the score',
  id: 'Tidak ada preferensi — tidak dihitung dalam skor',
  ko: '선호 조건 없음 — 점수 계산에서 제외',
  zh: '未说明偏好 — 不计入评分',
  ja: '希望の指定なし — スコアの計算から除外',
};

/** The opportunity leaves the factor open: only technology and modality can be. */
const OPEN_ON_OPPORTUNITY: Record<string, Record<Lang, string>> = {
  technology: {
    en: 'The opportunity seeks no technology — left out of the score',
    id: 'Peluang tidak mencari teknologi — tidak dihitung dalam skor',
    ko: '요구 기술이 없는 투자 기회 — 점수 계산에서 제외',
    ja: '求める技術の指定なし — スコアの計算から除外',
    zh: '该投资机会未寻求任何技术 — 不计入评分',
  },
  modality: {
    en: 'The opportunity names no form of investment — left out of the score',
    id: 'Peluang tidak menyebutkan skema kerja sama — tidak dihitung dalam skor',
    ko: '제시된 투자 방식 없음 — 점수 계산에서 제외',
    ja: '投資形態の指定なし — スコアの計算から除外',
    zh: '该投资机会未注明投资方式 — 不计入评分',
  },
};

function neutralText(p: ReasonParams, lang: Lang): string {
  return (str(p, 'side') === 'opportunity' ? OPEN_ON_OPPORTUNITY[str(p, 'factor')]?.[lang] : undefined) ?? NEUTRAL[lang];
}

function sectorText(code: string, p: ReasonParams, lang: Lang, n: Names): string | null {
  // Names are looked up lazily: each reason carries only the params its sentence needs.
  const S = () => n.sector(str(p, 'sector'));
  const P = () => n.sector(str(p, 'parent'));
  const L = () => n.sectors(list(p, 'listed'));
  switch (code) {
    case 'sector-exact':
      return (
        lang === 'en' ? `Exact sector match: ${S()}` :
        lang === 'id' ? `Sektor sama persis: ${S()}` :
        lang === 'ko' ? `업종 정확히 일치: ${S()}` :
        lang === 'zh' ? `行业完全一致：${S()}` :
        `業種が完全に一致: ${S()}`
      );
    case 'sector-parent':
      return (
        lang === 'en' ? `Open to all of ${P()}, which includes ${S()}` :
        lang === 'id' ? `Terbuka untuk seluruh sektor ${P()}, termasuk ${S()}` :
        lang === 'ko' ? `${P()} 분야 전체를 희망(${S()} 포함)` :
        lang === 'zh' ? `意向涵盖整个${P()}领域（含${S()}）` :
        `${P()}分野全般を希望(${S()}を含む)`
      );
    case 'sector-sibling':
      return (
        lang === 'en' ? `Related sector: ${S()} is in ${P()}, like the preferred ${L()}` :
        lang === 'id' ? `Sektor terkait: ${S()} termasuk ${P()}, seperti ${L()} yang diminati` :
        lang === 'ko' ? `관련 업종: ${S()} — 희망 업종(${L()})과 같은 ${P()} 분야` :
        lang === 'zh' ? `相关行业：${S()}与意向行业（${L()}）同属${P()}领域` :
        `関連業種: ${S()}は希望業種(${L()})と同じ${P()}分野`
      );
    case 'sector-other':
      return (
        lang === 'en' ? `Different sector: ${S()} (preferred: ${L()})` :
        lang === 'id' ? `Sektor berbeda: ${S()} (diminati: ${L()})` :
        lang === 'ko' ? `업종 불일치: ${S()}(희망 업종: ${L()})` :
        lang === 'zh' ? `行业不符：${S()}（意向行业：${L()}）` :
        `業種が不一致: ${S()}(希望業種: ${L()})`
      );
    default:
      return null;
  }
}

function coverageText(p: ReasonParams, lang: Lang, n: Names): string {
  const sought = list(p, 'sought');
  const held = list(p, 'held');
  const missing = list(p, 'missing');
  const N = sought.length;
  const h = held.length;
  const H = n.techs(held);
  const M = n.techs(missing);
  if (N === 0) {
    return (
      lang === 'en' ? 'No specific technology sought' :
      lang === 'id' ? 'Tidak mencari teknologi tertentu' :
      lang === 'ko' ? '특정 기술 요구 없음' :
      lang === 'zh' ? '未要求特定技术' :
      '特定の技術は求められていない'
    );
  }
  if (h === 0) {
    return (
      lang === 'en' ? `Holds 0 of ${N} technologies sought (missing: ${M})` :
      lang === 'id' ? `Menguasai 0 dari ${N} teknologi yang dicari (belum dikuasai: ${M})` :
      lang === 'ko' ? `요구 기술 ${N}개 중 0개 보유(미보유: ${M})` :
      lang === 'zh' ? `所需${N}项技术中掌握0项（未掌握：${M}）` :
      `求められる技術${N}件のうち保有は0件(未保有: ${M})`
    );
  }
  if (missing.length === 0) {
    return (
      lang === 'en' ? `Holds ${h} of ${N} technologies sought (${H})` :
      lang === 'id' ? `Menguasai ${h} dari ${N} teknologi yang dicari (${H})` :
      lang === 'ko' ? `요구 기술 ${N}개 중 ${h}개 보유(${H})` :
      lang === 'zh' ? `所需${N}项技术中掌握${h}项（${H}）` :
      `求められる技術${N}件のうち${h}件を保有(${H})`
    );
  }
  return (
    lang === 'en' ? `Holds ${h} of ${N} technologies sought (${H}; missing: ${M})` :
    lang === 'id' ? `Menguasai ${h} dari ${N} teknologi yang dicari (${H}; belum dikuasai: ${M})` :
    lang === 'ko' ? `요구 기술 ${N}개 중 ${h}개 보유(${H}; 미보유: ${M})` :
    lang === 'zh' ? `所需${N}项技术中掌握${h}项（${H}；未掌握：${M}）` :
    `求められる技術${N}件のうち${h}件を保有(${H}/未保有: ${M})`
  );
}

function depthText(p: ReasonParams, lang: Lang, n: Names): string {
  const willing = str(p, 'willing');
  const required = str(p, 'required');
  const w = TRANSFER_DEPTHS.indexOf(willing as TransferDepth);
  const r = TRANSFER_DEPTHS.indexOf(required as TransferDepth);
  const W = n.depth(willing);
  const R = n.depth(required);
  if (w < 0) {
    return (
      lang === 'en' ? 'transfer willingness not stated' :
      lang === 'id' ? 'kesediaan alih teknologi tidak dinyatakan' :
      lang === 'ko' ? '기술이전 의향 미기재' :
      lang === 'zh' ? '未说明技术转让意愿' :
      '技術移転の意向は未記入'
    );
  }
  if (r <= 0) {
    return (
      lang === 'en' ? 'no technology transfer required' :
      lang === 'id' ? 'tidak disyaratkan alih teknologi' :
      lang === 'ko' ? '기술이전 요구 없음' :
      lang === 'zh' ? '不要求技术转让' :
      '技術移転の要求なし'
    );
  }
  if (w === r) {
    return (
      lang === 'en' ? `willing to go as far as ${W}, as required` :
      lang === 'id' ? `bersedia hingga ${W}, sesuai yang disyaratkan` :
      lang === 'ko' ? `요구 수준인 ${W}까지 수용 가능` :
      lang === 'zh' ? `可接受至所要求的${W}` :
      `求められる${W}まで対応可能`
    );
  }
  if (w > r) {
    return (
      lang === 'en' ? `willing to go as far as ${W}, beyond the ${R} required` :
      lang === 'id' ? `bersedia hingga ${W}, melebihi ${R} yang disyaratkan` :
      lang === 'ko' ? `${W}까지 수용 가능(요구 수준: ${R})` :
      lang === 'zh' ? `可接受至${W}（要求：${R}）` :
      `${W}まで対応可能(要求: ${R})`
    );
  }
  if (w === 0) {
    return (
      lang === 'en' ? `not willing to transfer technology, while ${R} is required` :
      lang === 'id' ? `tidak bersedia mengalihkan teknologi, sedangkan yang disyaratkan ${R}` :
      lang === 'ko' ? `기술이전 의향 없음(요구 수준: ${R})` :
      lang === 'zh' ? `无技术转让意愿（要求：${R}）` :
      `技術移転の意向なし(要求: ${R})`
    );
  }
  return (
    lang === 'en' ? `willing to go only as far as ${W}, short of the ${R} required` :
    lang === 'id' ? `hanya bersedia hingga ${W}, kurang dari ${R} yang disyaratkan` :
    lang === 'ko' ? `${W}까지만 수용 가능해 요구 수준(${R})에 못 미침` :
    lang === 'zh' ? `仅可接受至${W}，未达到要求（${R}）` :
    `対応可能なのは${W}までで、要求(${R})に届かない`
  );
}

const CLAUSE_JOIN: Record<Lang, string> = { en: '; ', id: '; ', ko: ', ', ja: '、', zh: '；' };

function technologyText(p: ReasonParams, lang: Lang, n: Names): string {
  return coverageText(p, lang, n) + CLAUSE_JOIN[lang] + depthText(p, lang, n);
}

function locationText(code: string, p: ReasonParams, lang: Lang, n: Names): string | null {
  const P = n.province(str(p, 'province'));
  const G = () => n.group(str(p, 'islandGroup'));
  switch (code) {
    case 'location-province':
      return (
        lang === 'en' ? `Preferred province: ${P}` :
        lang === 'id' ? `Provinsi pilihan: ${P}` :
        lang === 'ko' ? `희망 지역: ${P}` :
        lang === 'zh' ? `意向省份：${P}` :
        `希望の州: ${P}`
      );
    case 'location-island-group':
      return (
        lang === 'en' ? `${P} is in a preferred island group: ${G()}` :
        lang === 'id' ? `${P} berada di kelompok pulau pilihan: ${G()}` :
        lang === 'ko' ? `${P}: 희망 권역(${G()})에 위치` :
        lang === 'zh' ? `${P}位于意向区域（${G()}）` :
        `${P}は希望地域(${G()})に位置`
      );
    case 'location-island-group-of-province': {
      const A = n.provinces(list(p, 'preferred'));
      return (
        lang === 'en' ? `${P} is in the same island group (${G()}) as preferred ${A}` :
        lang === 'id' ? `${P} berada di kelompok pulau yang sama (${G()}) dengan provinsi pilihan ${A}` :
        lang === 'ko' ? `${P}: 희망 지역(${A})과 같은 권역(${G()})` :
        lang === 'zh' ? `${P}与意向省份（${A}）同属${G()}地区` :
        `${P}は希望の州(${A})と同じ地域(${G()})`
      );
    }
    case 'location-regency':
    case 'location-regency-unknown':
      return REGENCY_TEXT[code][lang](p, P);
    case 'location-distance': {
      const N = n.province(str(p, 'nearest'));
      const d = formatNumber(num(p, 'distanceKm'), lang);
      return (
        lang === 'en' ? `${P} is about ${d} km from the nearest preferred location (${N})` :
        lang === 'id' ? `${P} berjarak sekitar ${d} km dari lokasi pilihan terdekat (${N})` :
        lang === 'ko' ? `${P}: 가장 가까운 희망 지역(${N})에서 약 ${d}km` :
        lang === 'zh' ? `${P}距最近的意向地区（${N}）约${d}公里` :
        `${P}は最も近い希望地域(${N})から約${d}km`
      );
    }
    default:
      return null;
  }
}

/** Regency names are official Indonesian names, the same in every language. */
const REGENCY_TEXT: Record<'location-regency' | 'location-regency-unknown', Record<Lang | 'zh', (p: ReasonParams, province: string) => string>> = {
  'location-regency': {
    en: (p) => (num(p, 'distanceKm') === 0 ? `In the preferred ${str(p, 'regency')}` : `${str(p, 'regency')} is about ${formatNumber(num(p, 'distanceKm'), 'en')} km from the preferred ${str(p, 'nearest')}`),
    id: (p) => (num(p, 'distanceKm') === 0 ? `Di ${str(p, 'regency')}, lokasi pilihan` : `${str(p, 'regency')} berjarak sekitar ${formatNumber(num(p, 'distanceKm'), 'id')} km dari ${str(p, 'nearest')} yang dipilih`),
    ko: (p) => (num(p, 'distanceKm') === 0 ? `희망 지역 ${str(p, 'regency')}에 위치` : `${str(p, 'regency')}: 희망 지역 ${str(p, 'nearest')}에서 약 ${formatNumber(num(p, 'distanceKm'), 'ko')}km`),
    ja: (p) => (num(p, 'distanceKm') === 0 ? `希望地域の${str(p, 'regency')}に所在` : `${str(p, 'regency')}は希望地域の${str(p, 'nearest')}から約${formatNumber(num(p, 'distanceKm'), 'ja')}km`),
    zh: (p) => (num(p, 'distanceKm') === 0 ? `位于首选地区${str(p, 'regency')}` : `${str(p, 'regency')}距首选地区${str(p, 'nearest')}约${formatNumber(num(p, 'distanceKm'), 'en')}公里`),
  },
  'location-regency-unknown': {
    en: (p, P) => `In ${P}, where the preferred ${list(p, 'preferred').join(', ')} is, but the regency is not stated`,
    id: (p, P) => `Di ${P}, provinsi ${list(p, 'preferred').join(', ')} yang dipilih, tetapi kabupaten/kotanya tidak disebutkan`,
    ko: (p, P) => `${P}: 희망 지역(${list(p, 'preferred').join(', ')})과 같은 주이나 시·군은 미기재`,
    ja: (p, P) => `${P}は希望地域(${list(p, 'preferred').join('、')})と同じ州だが、県・市は未記載`,
    zh: (p, P) => `位于${P},与首选地区(${list(p, 'preferred').join('、')})同省,但未注明县市`,
  },
};

function sizeText(code: string, p: ReasonParams, lang: Lang): string | null {
  const O = formatUsdRange(num(p, 'min'), num(p, 'max'), lang);
  const T = formatUsdRange(num(p, 'ticketMin'), num(p, 'ticketMax'), lang);
  switch (code) {
    case 'size-within':
      return (
        lang === 'en' ? `Investment ${O} fits the ticket range ${T}` :
        lang === 'id' ? `Nilai investasi ${O} sesuai dengan kisaran tiket ${T}` :
        lang === 'ko' ? `투자 규모 ${O}: 희망 투자 규모 ${T}에 부합` :
        lang === 'zh' ? `投资规模${O}符合意向投资额${T}` :
        `投資規模${O}は希望投資額${T}に合致`
      );
    case 'size-overlap': {
      if (num(p, 'overlapPercent') === 0) {
        return (
          lang === 'en' ? `Investment ${O} meets the ticket range ${T} only at its edge` :
          lang === 'id' ? `Nilai investasi ${O} hanya bersinggungan dengan kisaran tiket ${T} di batasnya` :
          lang === 'ko' ? `투자 규모 ${O}: 희망 투자 규모 ${T}와 경계에서만 맞닿음` :
          lang === 'zh' ? `投资规模${O}与意向投资额${T}仅在边界处相接` :
          `投資規模${O}は希望投資額${T}と境界で接するのみ`
        );
      }
      const pct = formatNumber(num(p, 'overlapPercent'), lang);
      return (
        lang === 'en' ? `Investment ${O} partly overlaps the ticket range ${T} (${pct}% of the narrower range, log scale)` :
        lang === 'id' ? `Nilai investasi ${O} sebagian beririsan dengan kisaran tiket ${T} (${pct}% dari kisaran yang lebih sempit, skala log)` :
        lang === 'ko' ? `투자 규모 ${O}: 희망 투자 규모 ${T}와 일부 겹침(좁은 쪽 범위의 ${pct}%, 로그 척도)` :
        lang === 'zh' ? `投资规模${O}与意向投资额${T}部分重叠（占较窄区间的${pct}%，对数尺度）` :
        `投資規模${O}は希望投資額${T}と一部重なる(狭い方の範囲の${pct}%、対数尺度)`
      );
    }
    case 'size-gap': {
      const x = formatNumber(num(p, 'times'), lang, 1);
      const above = str(p, 'direction') === 'above';
      return above
        ? (
          lang === 'en' ? `Investment ${O} is about ${x}× above the ticket range ${T}` :
          lang === 'id' ? `Nilai investasi ${O} sekitar ${x}× di atas kisaran tiket ${T}` :
          lang === 'ko' ? `투자 규모 ${O}: 희망 투자 규모 ${T}의 약 ${x}배` :
          lang === 'zh' ? `投资规模${O}约为意向投资额${T}的${x}倍` :
          `投資規模${O}は希望投資額${T}の約${x}倍`
        )
        : (
          lang === 'en' ? `Investment ${O} is about ${x}× below the ticket range ${T}` :
          lang === 'id' ? `Nilai investasi ${O} sekitar ${x}× di bawah kisaran tiket ${T}` :
          lang === 'ko' ? `투자 규모 ${O}: 희망 투자 규모 ${T}의 약 ${x}분의 1` :
          lang === 'zh' ? `投资规模${O}约为意向投资额${T}的${x}分之一` :
          `投資規模${O}は希望投資額${T}の約${x}分の1`
        );
    }
    default:
      return null;
  }
}

function modalityText(p: ReasonParams, lang: Lang, n: Names): string {
  const offered = list(p, 'offered');
  const accepted = list(p, 'accepted');
  if (offered.length === 0) {
    return (
      lang === 'en' ? 'The opportunity names no modality' :
      lang === 'id' ? 'Peluang tidak menyebutkan skema kerja sama' :
      lang === 'ko' ? '제시된 투자 방식 없음' :
      lang === 'zh' ? '未提出投资方式' :
      '投資形態の指定なし'
    );
  }
  if (accepted.length === 0) {
    const O = n.modalities(offered);
    return (
      lang === 'en' ? `Accepts none of the modalities offered (${O})` :
      lang === 'id' ? `Tidak menerima satu pun skema kerja sama yang ditawarkan (${O})` :
      lang === 'ko' ? `제시된 투자 방식 중 수용 가능한 방식 없음(${O})` :
      lang === 'zh' ? `所提出的投资方式（${O}）均不接受` :
      `提示された投資形態(${O})にはいずれも対応していない`
    );
  }
  const A = n.modalities(accepted);
  const a = accepted.length;
  const N = offered.length;
  return (
    lang === 'en' ? `Accepts ${a} of ${N} modalities offered (${A})` :
    lang === 'id' ? `Menerima ${a} dari ${N} skema kerja sama yang ditawarkan (${A})` :
    lang === 'ko' ? `제시된 투자 방식 ${N}개 중 ${a}개 수용(${A})` :
    lang === 'zh' ? `所提出的${N}种投资方式中接受${a}种（${A}）` :
    `提示された投資形態${N}件のうち${a}件に対応(${A})`
  );
}

/**
 * Rendered sentences by names, language and reason. The same few reasons recur across a
 * ranking (one investor's sector and location reasons, say), and a sentence is a pure
 * function of its inputs, so it is built once; the cache is dropped whole when it fills.
 */
const renderedReasons = new WeakMap<NameLookup, Map<string, string>>();
const RENDERED_REASONS_MAX = 50_000;

/**
 * The memo key of a reason in one language: its code and every parameter with its type, built
 * by plain concatenation (cheaper than serialising the parameters as JSON on every call).
 */
function reasonKey(reason: Reason, lang: Lang): string {
  let key = lang + '\u0000' + reason.code;
  const params = reason.params;
  for (const name in params) {
    const v = params[name]!;
    key += typeof v === 'string' ? `\u0000${name}\u0001${v}` : typeof v === 'number' ? `\u0000${name}\u0002${v}` : `\u0000${name}\u0003${v.join('\u0001')}`;
  }
  return key;
}

/** A short sentence for a factor's reason; unknown codes come back as the code itself. */
export function renderReason(reason: Reason, lang: UiLanguage, names: NameLookup): string {
  // A size reason carries the pair's own amounts, so it seldom recurs and its memo key would be
  // about as long as its sentence, whose amounts are already formatted once per value.
  if (reason.code.startsWith('size-')) return sizeText(reason.code, reason.params, lang) ?? reason.code;
  let cache = renderedReasons.get(names);
  if (!cache) renderedReasons.set(names, (cache = new Map<string, string>()));
  const key = reasonKey(reason, lang);
  let text = cache.get(key);
  if (text === undefined) {
    if (cache.size >= RENDERED_REASONS_MAX) cache.clear();
    text = renderReasonFresh(reason, lang, names);
    cache.set(key, text);
  }
  return text;
}

function renderReasonFresh(reason: Reason, lang: UiLanguage, names: NameLookup): string {
  const { code, params } = reason;
  const n = bind(names, lang);
  if (code === 'neutral') return neutralText(params, lang);
  if (code === 'technology') return technologyText(params, lang, n);
  if (code === 'modality') return modalityText(params, lang, n);
  return (
    sectorText(code, params, lang, n) ?? locationText(code, params, lang, n) ?? sizeText(code, params, lang) ?? code
  );
}

export function renderBadge(badge: Badge, lang: UiLanguage, names: NameLookup): string {
  if (badge.code === 'health-mou') {
    const C = names.country(str(badge.params, 'country'), lang);
    return (
      lang === 'en' ? `Indonesia has a health cooperation agreement with ${C}` :
      lang === 'id' ? `Indonesia memiliki kerja sama kesehatan dengan ${C}` :
      lang === 'ko' ? `인도네시아–${C} 보건 협력 협정` :
      lang === 'zh' ? `印度尼西亚与${C}签有卫生合作协议` :
      `インドネシアと${C}の保健協力合意`
    );
  }
  return badge.code;
}

export interface ExplainedFactor extends FactorResult {
  text: string;
}

export interface ExplainedPairScore extends Omit<PairScore, 'factors' | 'badges' | 'freshness'> {
  factors: ExplainedFactor[];
  badges: (Badge & { text: string })[];
  freshness?: Freshness & { text: string };
}

/** Says that, and by how much, a stale opportunity's score was lowered, and when it was last verified. */
export function renderFreshness(freshness: Freshness, lang: UiLanguage): string {
  const date = freshness.lastVerifiedAt.slice(0, 10);
  const f = freshness.factor;
  return (
    lang === 'en' ? `Not verified since ${date}: score × ${f}` :
    lang === 'id' ? `Belum diverifikasi sejak ${date}: skor × ${f}` :
    lang === 'ko' ? `${date} 이후 확인되지 않음: 점수 × ${f}` :
    lang === 'zh' ? `自 ${date} 起未经核实：分数 × ${f}` :
    `${date} 以降未確認：スコア × ${f}`
  );
}

/** A PairScore with every reason and badge rendered in one language. */
export function explainPairScore(pair: PairScore, lang: UiLanguage, names: NameLookup): ExplainedPairScore {
  const { freshness, ...rest } = pair;
  return {
    ...rest,
    factors: pair.factors.map((f) => ({ ...f, text: renderReason(f.reason, lang, names) })),
    badges: pair.badges.map((b) => ({ ...b, text: renderBadge(b, lang, names) })),
    ...(freshness && { freshness: { ...freshness, text: renderFreshness(freshness, lang) } }),
  };
}
