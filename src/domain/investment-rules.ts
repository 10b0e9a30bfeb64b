/**
 * The rules an opportunity's facts are checked against: the PMA minimum (BKPM Regulation
 * 5/2025), tax-holiday eligibility and tier (PMK 130/2020), and whether a claimed incentive can
 * apply. Pure functions of the facts, the reference data and the configured exchange rate.
 */
import { TAX_HOLIDAY_MIN_IDR, taxHolidayTier, type Incentive, type TaxHolidayTier } from './reference/incentives.ts';
import { kbliByCode } from './reference/kbli.ts';
import { toIdr, type Financials, type UsdIdrRate } from './investment-facts.ts';
import type { UsdRange } from './matching/types.ts';

/** BKPM Regulation 5/2025: investment above this per 5-digit KBLI per project location, excluding land and buildings. */
export const PMA_MIN_INVESTMENT_PER_KBLI_IDR = 10_000_000_000;
/** BKPM Regulation 5/2025: paid-up capital of a PMA company, locked for 12 months. */
export const PMA_MIN_PAID_UP_CAPITAL_IDR = 2_500_000_000;

export interface ValuedProject {
  kbliCodes: readonly string[];
  investmentUsd: UsdRange;
  financials?: Financials;
}

/** The project's value in rupiah: as stated, else its USD value, else the low end of the investment sought. */
export function projectValueIdr(project: ValuedProject, rate: UsdIdrRate): number {
  const f = project.financials;
  return f?.projectValueIdr ?? toIdr(f?.projectValueUsd ?? Math.min(project.investmentUsd.min, project.investmentUsd.max), rate);
}

/** What a PMA company must invest here: one minimum per KBLI code (one location per opportunity). */
export function pmaMinimumIdr(project: ValuedProject): number {
  return PMA_MIN_INVESTMENT_PER_KBLI_IDR * Math.max(1, project.kbliCodes.length);
}

export const isBelowPmaMinimum = (project: ValuedProject, rate: UsdIdrRate): boolean =>
  projectValueIdr(project, rate) <= pmaMinimumIdr(project);

/** The pioneer KBLI codes of the project, in its own order. */
export const pioneerCodes = (kbliCodes: readonly string[]): string[] => kbliCodes.filter((code) => kbliByCode.get(code)?.taxHolidayPioneer);

/** The tax-holiday tier the project would fall in, if it has a pioneer activity and reaches the minimum. */
export function taxHolidayFor(project: ValuedProject, rate: UsdIdrRate): TaxHolidayTier | undefined {
  return pioneerCodes(project.kbliCodes).length > 0 ? taxHolidayTier(projectValueIdr(project, rate)) : undefined;
}

export interface ClaimedProject extends ValuedProject {
  incentives: readonly Incentive[];
  specialEconomicZone?: string;
}

/**
 * Why each claimed incentive cannot apply, for the rules whose terms are verified; an
 * incentive with unverified terms (tax allowance) or no project-level test (R&D) passes.
 */
export function incentiveClaimProblems(project: ClaimedProject, rate: UsdIdrRate): { index: number; message: string }[] {
  return project.incentives.flatMap((incentive, index) => {
    const message = claimProblem(incentive, project, rate);
    return message ? [{ index, message }] : [];
  });
}

function claimProblem(incentive: Incentive, project: ClaimedProject, rate: UsdIdrRate): string | undefined {
  switch (incentive) {
    case 'tax-holiday':
      if (pioneerCodes(project.kbliCodes).length === 0) {
        return 'a tax holiday (PMK 130/2020) needs a pioneer activity: KBLI 21011, 26601 or 26602';
      }
      if (projectValueIdr(project, rate) < TAX_HOLIDAY_MIN_IDR) return 'a tax holiday (PMK 130/2020) needs an investment of at least IDR 100 bn';
      return undefined;
    case 'kek-facilities':
      return project.specialEconomicZone ? undefined : 'special-economic-zone facilities (PP 40/2021) need location.specialEconomicZone';
    case 'tax-allowance':
    case 'rnd-super-deduction':
      return undefined;
  }
}
