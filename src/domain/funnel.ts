import { PIPELINE_STAGES, INTEREST_STAGES, type InterestStage } from './interests.ts';

/** Which interests the funnel counts: created in [from, to), and of these places and countries. */
export interface FunnelQuery {
  from?: Date | undefined;
  to?: Date | undefined;
  sectors?: readonly string[] | undefined;
  provinces?: readonly string[] | undefined;
  countries?: readonly string[] | undefined;
}

/**
 * The deal-flow funnel BKPM reports on: per group, published opportunities, strong pairs,
 * interests at each stage with the investment and jobs they stand for, conversion and median
 * days between pipeline stages, and interests left unanswered past their response time.
 */

export const FUNNEL_GROUPINGS = ['sector', 'province', 'country', 'opportunity'] as const;
export type FunnelGrouping = (typeof FUNNEL_GROUPINGS)[number];

/** Indicated: open stages up to committed; realised: ground broken. */
const INDICATED: readonly InterestStage[] = ['submitted', 'acknowledged', 'exploring', 'negotiating', 'committed'];

export interface FunnelInterest {
  group: string;
  stage: InterestStage;
  /** The interest's own expected investment, else the midpoint of the opportunity's range. */
  investmentUsd: number;
  jobs: number;
  /** When each stage was entered, first time. */
  entered: Partial<Record<InterestStage, Date>>;
  pastResponseTime: boolean;
}

interface Amounts {
  count: number;
  investmentUsd: number;
  jobs: number;
}

export interface FunnelRow {
  group: string;
  /** Null when grouping by investor country, where an opportunity belongs to no group. */
  publishedOpportunities: number | null;
  strongPairs: number;
  interests: number;
  stages: Record<InterestStage, Amounts>;
  indicated: Amounts;
  realised: Amounts;
  conversion: { from: InterestStage; to: InterestStage; rate: number | null }[];
  medianDays: { from: InterestStage; to: InterestStage; days: number | null }[];
  pastResponseTime: number;
}

const empty = (): Amounts => ({ count: 0, investmentUsd: 0, jobs: 0 });
const add = (sum: Amounts, interest: FunnelInterest) => {
  sum.count += 1;
  sum.investmentUsd += interest.investmentUsd;
  sum.jobs += interest.jobs;
};

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const DAY_MS = 86_400_000;
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function funnelRows(
  interests: readonly FunnelInterest[],
  publishedByGroup: ReadonlyMap<string, number> | null,
  strongPairsByGroup: ReadonlyMap<string, number>,
): FunnelRow[] {
  const groups = new Set([...interests.map((i) => i.group), ...(publishedByGroup?.keys() ?? []), ...strongPairsByGroup.keys()]);
  return [...groups].sort().map((group) => {
    const members = interests.filter((interest) => interest.group === group);
    const stages = Object.fromEntries(INTEREST_STAGES.map((stage) => [stage, empty()])) as Record<InterestStage, Amounts>;
    const indicated = empty();
    const realised = empty();
    for (const interest of members) {
      add(stages[interest.stage], interest);
      if (INDICATED.includes(interest.stage)) add(indicated, interest);
      if (interest.stage === 'groundbreaking') add(realised, interest);
    }
    const steps = PIPELINE_STAGES.slice(1).map((to, i) => ({ from: PIPELINE_STAGES[i]!, to }));
    return {
      group,
      publishedOpportunities: publishedByGroup ? (publishedByGroup.get(group) ?? 0) : null,
      strongPairs: strongPairsByGroup.get(group) ?? 0,
      interests: members.length,
      stages,
      indicated,
      realised,
      conversion: steps.map(({ from, to }) => {
        const reached = members.filter((m) => m.entered[from]).length;
        return { from, to, rate: reached ? round(members.filter((m) => m.entered[to]).length / reached, 4) : null };
      }),
      medianDays: steps.map(({ from, to }) => {
        const days = members.flatMap((m) => (m.entered[from] && m.entered[to] ? [(m.entered[to].getTime() - m.entered[from].getTime()) / DAY_MS] : []));
        const value = median(days);
        return { from, to, days: value === null ? null : round(value, 2) };
      }),
      pastResponseTime: members.filter((m) => m.pastResponseTime).length,
    };
  });
}

/** The same table as CSV (RFC 4180), one row per group. */
export function funnelCsv(rows: readonly FunnelRow[]): string {
  const steps = PIPELINE_STAGES.slice(1).map((to, i) => `${PIPELINE_STAGES[i]}_${to}`);
  const header = [
    'group', 'publishedOpportunities', 'strongPairs', 'interests',
    ...INTEREST_STAGES,
    'indicatedCount', 'indicatedInvestmentUsd', 'indicatedJobs', 'realisedCount', 'realisedInvestmentUsd', 'realisedJobs',
    ...steps.map((step) => `conversion_${step}`),
    ...steps.map((step) => `medianDays_${step}`),
    'pastResponseTime',
  ];
  const lines = rows.map((row) => [
    row.group, row.publishedOpportunities, row.strongPairs, row.interests,
    ...INTEREST_STAGES.map((stage) => row.stages[stage].count),
    row.indicated.count, row.indicated.investmentUsd, row.indicated.jobs, row.realised.count, row.realised.investmentUsd, row.realised.jobs,
    ...row.conversion.map((c) => c.rate),
    ...row.medianDays.map((m) => m.days),
    row.pastResponseTime,
  ]);
  return [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
