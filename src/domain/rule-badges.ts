/**
 * Regulatory badges on a match: warnings and facts an investor decides on, each citing its
 * rule. They sit beside the score and never change it. Computed and written here, apart from
 * the scoring core, in Indonesian, English, Korean, Japanese and Simplified Chinese.
 */
import type { SectorLeaf, UiLanguage } from './codes.ts';
import type { EligibilityReason } from './eligibility.ts';
import type { HalalFacts, Land, OwnershipIntent, UsdIdrRate } from './investment-facts.ts';
import { PMA_MIN_PAID_UP_CAPITAL_IDR, isBelowPmaMinimum, pioneerCodes, pmaMinimumIdr, projectValueIdr, taxHolidayFor, type ValuedProject } from './investment-rules.ts';
import { halalDeadlineOf } from './licensing.ts';
import { kbliByCode } from './reference/kbli.ts';
import { sectorParentOf } from './reference/sectors.ts';
import { kekByCode } from './reference/special-economic-zones.ts';
import { TKDN_PROCUREMENT_PRIORITY_PCT, tkdnByRegime } from './reference/tkdn.ts';

export const RULE_BADGES = [
  'pma-minimum',
  'foreign-equity-cap-unverified',
  'tax-holiday',
  'kek-facilities',
  'halal-deadline',
  'tkdn-target',
  'land-not-ready',
] as const;
export type RuleBadgeCode = (typeof RULE_BADGES)[number];

export interface RuleBadge {
  code: RuleBadgeCode;
  severity: 'warning' | 'info';
  /** The rule it rests on, short form. */
  source: string;
  params: Record<string, string | number>;
}

export interface BadgeOpportunity extends ValuedProject {
  sector: SectorLeaf;
  specialEconomicZone?: string;
  land?: Land;
  halal?: HalalFacts;
  tkdnTargetPct?: number;
}

export interface BadgeInvestor {
  country: string;
  halalCapable?: boolean | null;
}

/** Years ahead a halal deadline counts as within the project, when no payback period is given. */
export const DEFAULT_PROJECT_HORIZON_YEARS = 10;

const isForeign = (investor: BadgeInvestor) => investor.country !== 'ID';

/** The badges of one pair; `today` (ISO date) decides what is still ahead. */
export function ruleBadgesFor(investor: BadgeInvestor, o: BadgeOpportunity, rate: UsdIdrRate, today: string): RuleBadge[] {
  const badges: RuleBadge[] = [];
  const value = projectValueIdr(o, rate);
  if (isForeign(investor)) {
    if (isBelowPmaMinimum(o, rate)) {
      badges.push({
        code: 'pma-minimum',
        severity: 'warning',
        source: 'BKPM Regulation 5/2025',
        params: { valueIdr: value, minimumIdr: pmaMinimumIdr(o), kbliCount: Math.max(1, o.kbliCodes.length), paidUpCapitalIdr: PMA_MIN_PAID_UP_CAPITAL_IDR },
      });
    }
    for (const kbli of o.kbliCodes) {
      const row = kbliByCode.get(kbli);
      if (row?.foreignEquityCapPct === 'unknown') {
        badges.push({ code: 'foreign-equity-cap-unverified', severity: 'warning', source: row.foreignEquity.source, params: { kbli } });
      }
    }
  }
  const tier = taxHolidayFor(o, rate);
  if (tier) {
    badges.push({
      code: 'tax-holiday',
      severity: 'info',
      source: 'PMK 130/2020',
      params: { tier: tier.tier, reductionPct: tier.reductionPct, years: tier.years, thenReductionPct: tier.thenReductionPct, thenYears: tier.thenYears, kbli: pioneerCodes(o.kbliCodes).join(', '), valueIdr: value },
    });
  }
  const zone = o.specialEconomicZone && kekByCode.get(o.specialEconomicZone);
  if (zone) badges.push({ code: 'kek-facilities', severity: 'info', source: 'PP 40/2021', params: { zone: zone.code, zoneName: zone.name } });
  const deadline = o.halal && (o.halal.relevance === 'required' || o.halal.relevance === 'animal-material') ? halalDeadlineOf(o.halal) : undefined;
  if (deadline && withinHorizon(deadline, today, o.financials?.paybackYears ?? DEFAULT_PROJECT_HORIZON_YEARS)) {
    const capable = investor.halalCapable;
    badges.push({ code: 'halal-deadline', severity: 'warning', source: 'UU 33/2014', params: { deadline, halalCapable: capable === true ? 'yes' : capable === false ? 'no' : 'unknown' } });
  }
  if (o.tkdnTargetPct !== undefined) {
    const regime = tkdnByRegime.get(sectorParentOf(o.sector) === 'pharmaceuticals' ? 'drugs' : 'medical-devices')!;
    badges.push({
      code: 'tkdn-target',
      severity: 'info',
      source: regime.legalBasis,
      params: { targetPct: o.tkdnTargetPct, priorityPct: TKDN_PROCUREMENT_PRIORITY_PCT, regime: regime.code },
    });
  }
  const land = o.land;
  if (land && (land.status === 'in-acquisition' || land.status === 'unknown' || (land.readyAt !== undefined && land.readyAt > today))) {
    const state = land.status === 'in-acquisition' || land.status === 'unknown' ? land.status : 'later';
    badges.push({ code: 'land-not-ready', severity: 'warning', source: 'land facts stated by the sponsor', params: { state, ...(land.readyAt && { readyAt: land.readyAt }) } });
  }
  return badges;
}

/** A deadline (date or year) falls before today plus the horizon (a year counts from its first day); one already passed does too. */
function withinHorizon(deadline: string, today: string, years: number): boolean {
  const end = new Date(`${today}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() + Math.round(years * 12));
  return new Date(deadline.length === 4 ? `${deadline}-01-01T00:00:00Z` : `${deadline}T00:00:00Z`) <= end;
}

// ---- text ----

type Lang = UiLanguage | 'zh';
type Params = RuleBadge['params'];

/** Rupiah in the largest unit a reader of each language uses, three significant digits. */
export function formatIdr(idr: number, lang: Lang): string {
  const n = (x: number, decimal = '.') => String(Number(x.toPrecision(3))).replace('.', decimal).replace(/\B(?=(\d{3})+(?!\d))/g, decimal === ',' ? '.' : ',');
  switch (lang) {
    case 'en':
      return idr >= 1e12 ? `IDR ${n(idr / 1e12)} tn` : idr >= 1e9 ? `IDR ${n(idr / 1e9)} bn` : `IDR ${n(idr / 1e6)} m`;
    case 'id':
      return idr >= 1e12 ? `Rp${n(idr / 1e12, ',')} triliun` : idr >= 1e9 ? `Rp${n(idr / 1e9, ',')} miliar` : `Rp${n(idr / 1e6, ',')} juta`;
    case 'ko':
      return idr >= 1e12 ? `${n(idr / 1e12)}조 루피아` : `${n(idr / 1e8)}억 루피아`;
    case 'ja':
      return idr >= 1e12 ? `${n(idr / 1e12)}兆ルピア` : `${n(idr / 1e8)}億ルピア`;
    case 'zh':
      return idr >= 1e12 ? `${n(idr / 1e12)}万亿印尼盾` : `${n(idr / 1e8)}亿印尼盾`;
  }
}

const s = (p: Params, key: string) => String(p[key] ?? '');
const idr = (p: Params, key: string, lang: Lang) => formatIdr(Number(p[key]), lang);

const BADGE_TEXT: Record<RuleBadgeCode, Record<Lang, (p: Params) => string>> = {
  'pma-minimum': {
    en: (p) => `Below the PMA minimum: a foreign-owned company must invest more than ${idr(p, 'minimumIdr', 'en')} here (IDR 10 bn per 5-digit KBLI per project location, excluding land and buildings; paid-up capital at least IDR 2.5 bn), and the project is valued at ${idr(p, 'valueIdr', 'en')} (BKPM Regulation 5/2025)`,
    id: (p) => `Di bawah batas minimum PMA: perusahaan PMA wajib berinvestasi lebih dari ${idr(p, 'minimumIdr', 'id')} di sini (Rp10 miliar per KBLI 5 digit per lokasi proyek, di luar tanah dan bangunan; modal disetor paling sedikit Rp2,5 miliar), sedangkan nilai proyek ${idr(p, 'valueIdr', 'id')} (Peraturan BKPM 5/2025)`,
    ko: (p) => `외국인투자기업(PMA) 최소 투자 기준 미달: 이 사업에는 ${idr(p, 'minimumIdr', 'ko')}를 초과하는 투자가 필요하지만(사업장별·5자리 KBLI별 100억 루피아, 토지·건물 제외, 납입자본금 25억 루피아 이상) 사업 규모는 ${idr(p, 'valueIdr', 'ko')}입니다(BKPM 규정 2025년 제5호)`,
    ja: (p) => `外資企業(PMA)の最低投資額に届かない: ここでは${idr(p, 'minimumIdr', 'ja')}を超える投資が必要だが(事業所ごと・5桁KBLIごとに100億ルピア、土地・建物を除く。払込資本金は25億ルピア以上)、事業規模は${idr(p, 'valueIdr', 'ja')}(BKPM規則2025年第5号)`,
    zh: (p) => `低于外资企业(PMA)最低投资额:此项目须投资超过${idr(p, 'minimumIdr', 'zh')}(每个项目地点每个5位KBLI代码100亿印尼盾,不含土地和建筑;实缴资本至少25亿印尼盾),而项目估值为${idr(p, 'valueIdr', 'zh')}(BKPM 2025年第5号条例)`,
  },
  'foreign-equity-cap-unverified': {
    en: (p) => `Foreign ownership in KBLI ${s(p, 'kbli')} may be restricted: the cap is unverified`,
    id: (p) => `Kepemilikan asing pada KBLI ${s(p, 'kbli')} mungkin dibatasi: batasnya belum diverifikasi`,
    ko: (p) => `KBLI ${s(p, 'kbli')}의 외국인 지분이 제한될 수 있음: 상한 미확인`,
    ja: (p) => `KBLI ${s(p, 'kbli')}の外資出資は制限される可能性あり: 上限は未確認`,
    zh: (p) => `KBLI ${s(p, 'kbli')}的外资持股可能受限:上限尚未核实`,
  },
  'tax-holiday': {
    en: (p) => `Tax-holiday eligible, tier ${s(p, 'tier')} (PMK 130/2020): ${s(p, 'reductionPct')}% off corporate income tax for ${s(p, 'years')} years, then ${s(p, 'thenReductionPct')}% for ${s(p, 'thenYears')}; pioneer activity KBLI ${s(p, 'kbli')}, project value ${idr(p, 'valueIdr', 'en')}. Caveat: applications were open until 8 October 2024 and an extension is unverified`,
    id: (p) => `Memenuhi syarat tax holiday tingkat ${s(p, 'tier')} (PMK 130/2020): pengurangan PPh badan ${s(p, 'reductionPct')}% selama ${s(p, 'years')} tahun, lalu ${s(p, 'thenReductionPct')}% selama ${s(p, 'thenYears')} tahun; kegiatan pionir KBLI ${s(p, 'kbli')}, nilai proyek ${idr(p, 'valueIdr', 'id')}. Catatan: permohonan dibuka hingga 8 Oktober 2024 dan perpanjangannya belum diverifikasi`,
    ko: (p) => `법인세 면제(택스 홀리데이) 대상, ${s(p, 'tier')}구간(PMK 130/2020): ${s(p, 'years')}년간 법인세 ${s(p, 'reductionPct')}% 감면 후 ${s(p, 'thenYears')}년간 ${s(p, 'thenReductionPct')}% 감면, 선도산업 KBLI ${s(p, 'kbli')}, 사업 규모 ${idr(p, 'valueIdr', 'ko')}. 유의: 신청은 2024년 10월 8일까지였으며 연장 여부는 확인되지 않음`,
    ja: (p) => `タックスホリデーの対象、第${s(p, 'tier')}区分(PMK 130/2020): ${s(p, 'years')}年間法人税${s(p, 'reductionPct')}%減免、その後${s(p, 'thenYears')}年間${s(p, 'thenReductionPct')}%減免。パイオニア産業KBLI ${s(p, 'kbli')}、事業規模${idr(p, 'valueIdr', 'ja')}。注意: 申請受付は2024年10月8日までで、延長は未確認`,
    zh: (p) => `符合免税期条件,第${s(p, 'tier')}档(PMK 130/2020):企业所得税减免${s(p, 'reductionPct')}%,为期${s(p, 'years')}年,之后${s(p, 'thenYears')}年减免${s(p, 'thenReductionPct')}%;先锋产业KBLI ${s(p, 'kbli')},项目估值${idr(p, 'valueIdr', 'zh')}。注意:申请截止于2024年10月8日,是否延期尚未核实`,
  },
  'kek-facilities': {
    en: (p) => `In the special economic zone ${s(p, 'zoneName')}: tax holiday for main activities, VAT not collected, import duty exempt or deferred, land rights up to 80 years (PP 40/2021)`,
    id: (p) => `Berada di ${s(p, 'zoneName')}: tax holiday untuk kegiatan utama, PPN tidak dipungut, bea masuk dibebaskan atau ditangguhkan, hak atas tanah hingga 80 tahun (PP 40/2021)`,
    ko: (p) => `경제특구 ${s(p, 'zoneName')} 소재: 주요 사업 법인세 면제, 부가가치세 비징수, 수입관세 면제 또는 유예, 최장 80년 토지 권리(PP 40/2021)`,
    ja: (p) => `経済特区${s(p, 'zoneName')}に所在: 主要事業のタックスホリデー、付加価値税の非徴収、輸入関税の免除または猶予、最長80年の土地権(PP 40/2021)`,
    zh: (p) => `位于经济特区${s(p, 'zoneName')}:主要业务享受免税期,不征收增值税,进口关税免征或缓征,土地权利最长80年(PP 40/2021)`,
  },
  'halal-deadline': {
    en: (p) => `Halal certification due by ${s(p, 'deadline')}, within the project horizon (UU 33/2014)${p.halalCapable === 'yes' ? '; the investor can produce to halal requirements' : p.halalCapable === 'no' ? '; the investor cannot yet produce to halal requirements' : ''}`,
    id: (p) => `Sertifikasi halal wajib paling lambat ${s(p, 'deadline')}, dalam jangka waktu proyek (UU 33/2014)${p.halalCapable === 'yes' ? '; investor mampu berproduksi sesuai ketentuan halal' : p.halalCapable === 'no' ? '; investor belum mampu berproduksi sesuai ketentuan halal' : ''}`,
    ko: (p) => `할랄 인증 기한 ${s(p, 'deadline')}, 사업 기간 내 도래(UU 33/2014)${p.halalCapable === 'yes' ? ', 투자자는 할랄 기준 생산 가능' : p.halalCapable === 'no' ? ', 투자자는 아직 할랄 기준 생산 불가' : ''}`,
    ja: (p) => `ハラール認証の期限は${s(p, 'deadline')}で、事業期間内に到来(UU 33/2014)${p.halalCapable === 'yes' ? '。投資家はハラール基準での生産が可能' : p.halalCapable === 'no' ? '。投資家はまだハラール基準での生産ができない' : ''}`,
    zh: (p) => `清真认证须于${s(p, 'deadline')}前完成,在项目期限内(UU 33/2014)${p.halalCapable === 'yes' ? ';投资方具备清真生产能力' : p.halalCapable === 'no' ? ';投资方尚不具备清真生产能力' : ''}`,
  },
  'tkdn-target': {
    en: (p) => `Local-content (TKDN) target ${s(p, 'targetPct')}% (${tkdnBasis(p)}); government procurement gives priority from ${s(p, 'priorityPct')}%${below(p) ? ', which this target does not reach' : ''}`,
    id: (p) => `Target TKDN ${s(p, 'targetPct')}% (${tkdnBasis(p)}); pengadaan pemerintah mengutamakan produk mulai ${s(p, 'priorityPct')}%${below(p) ? ', yang belum dicapai target ini' : ''}`,
    ko: (p) => `현지 조달 비율(TKDN) 목표 ${s(p, 'targetPct')}%(${tkdnBasis(p)}), 정부 조달은 ${s(p, 'priorityPct')}% 이상 제품을 우대${below(p) ? '(목표가 기준에 못 미침)' : ''}`,
    ja: (p) => `国産化率(TKDN)の目標は${s(p, 'targetPct')}%(${tkdnBasis(p)})。政府調達は${s(p, 'priorityPct')}%以上の製品を優先${below(p) ? '(目標はこの基準に届かない)' : ''}`,
    zh: (p) => `本地成分(TKDN)目标${s(p, 'targetPct')}%(${tkdnBasis(p)}),政府采购优先考虑${s(p, 'priorityPct')}%以上的产品${below(p) ? '(该目标未达此门槛)' : ''}`,
  },
  'land-not-ready': {
    en: (p) => `Land not yet ready: ${p.state === 'in-acquisition' ? 'still being acquired' : p.state === 'unknown' ? 'its status is unknown' : `ready from ${s(p, 'readyAt')}`} (as stated by the sponsor)`,
    id: (p) => `Lahan belum siap: ${p.state === 'in-acquisition' ? 'masih dalam pengadaan' : p.state === 'unknown' ? 'statusnya belum diketahui' : `siap mulai ${s(p, 'readyAt')}`} (menurut sponsor)`,
    ko: (p) => `부지 준비 전: ${p.state === 'in-acquisition' ? '취득 진행 중' : p.state === 'unknown' ? '권리 상태 미상' : `${s(p, 'readyAt')}부터 사용 가능`}(사업 주체 제공 정보)`,
    ja: (p) => `用地は未整備: ${p.state === 'in-acquisition' ? '取得手続き中' : p.state === 'unknown' ? '権利の状況が不明' : `${s(p, 'readyAt')}から使用可能`}(事業主体の申告)`,
    zh: (p) => `土地尚未就绪:${p.state === 'in-acquisition' ? '仍在征用中' : p.state === 'unknown' ? '权属状况不明' : `${s(p, 'readyAt')}起可用`}(据项目方说明)`,
  },
};

const tkdnBasis = (p: Params) => (p.regime === 'drugs' ? 'Permenperin 16/2020' : 'Permenperin 31/2022');
const below = (p: Params) => Number(p.targetPct) < Number(p.priorityPct);

export const renderRuleBadge = (badge: RuleBadge, lang: Lang): string => BADGE_TEXT[badge.code][lang](badge.params);

const INTENT: Record<OwnershipIntent, Record<Lang, string>> = {
  minority: { en: 'minority', id: 'minoritas', ko: '소수', ja: '少数', zh: '少数' },
  majority: { en: 'majority', id: 'mayoritas', ko: '과반', ja: '過半数', zh: '多数' },
  full: { en: 'full', id: 'penuh', ko: '100%', ja: '100%', zh: '全资' },
};

/** Why a pair cannot happen, in the caller's language. */
export function renderEligibilityReason(r: EligibilityReason, lang: Lang): string {
  if (r.code === 'domestic-capital-only') {
    return {
      en: `KBLI ${r.kbli} is reserved to domestic capital: a foreign investor cannot hold equity (${r.source})`,
      id: `KBLI ${r.kbli} hanya untuk modal dalam negeri: penanam modal asing tidak dapat memiliki saham (${r.source})`,
      ko: `KBLI ${r.kbli}는 내국인 투자 전용: 외국인 투자자는 지분을 보유할 수 없음(${r.source})`,
      ja: `KBLI ${r.kbli}は内資に限定: 外国投資家は出資できない(${r.source})`,
      zh: `KBLI ${r.kbli}仅限内资:外国投资者不得持股(${r.source})`,
    }[lang];
  }
  const intent = INTENT[r.ownershipIntent ?? 'minority'][lang];
  return {
    en: `The investor wants ${intent} ownership, but foreign equity in KBLI ${r.kbli} is capped at ${r.capPct}% (${r.source})`,
    id: `Investor menginginkan kepemilikan ${intent}, tetapi saham asing pada KBLI ${r.kbli} dibatasi ${r.capPct}% (${r.source})`,
    ko: `투자자는 ${intent} 지분을 원하지만 KBLI ${r.kbli}의 외국인 지분 상한은 ${r.capPct}%(${r.source})`,
    ja: `投資家は${intent}出資を希望しているが、KBLI ${r.kbli}の外資上限は${r.capPct}%(${r.source})`,
    zh: `投资方希望${intent}持股,但KBLI ${r.kbli}的外资上限为${r.capPct}%(${r.source})`,
  }[lang];
}
