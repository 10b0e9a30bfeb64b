/**
 * Whether an (investor, opportunity) pair can legally happen: a foreign investor may not hold
 * equity in a KBLI activity reserved to domestic capital, nor more than the activity's
 * foreign-equity cap (Perpres 10/2021 as amended by Perpres 49/2021). Ineligible pairs are left
 * out of matches and alerts and refused as interests; this is the one place that decides it.
 */
import { kbliByCode } from './reference/kbli.ts';
import type { OwnershipIntent } from './investment-facts.ts';

export const INELIGIBILITY_REASONS = ['domestic-capital-only', 'ownership-above-cap'] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export interface EligibilityReason {
  code: IneligibilityReason;
  kbli: string;
  /** The activity's foreign-equity cap, %. */
  capPct: number;
  ownershipIntent: OwnershipIntent | null;
  source: string;
}

export interface Eligibility {
  eligible: boolean;
  reasons: EligibilityReason[];
}

export interface EligibilityInvestor {
  /** ISO 3166-1 alpha-2; anything but ID (an unstated country too) counts as foreign. */
  country: string;
  ownershipIntent?: OwnershipIntent | null;
}

export interface EligibilityOpportunity {
  kbliCodes?: readonly string[];
}

/** Whether a cap leaves room for the stake an intent means: some share, more than half, all of it. */
function capAllows(capPct: number, intent: OwnershipIntent | null): boolean {
  if (intent === 'full') return capPct >= 100;
  if (intent === 'majority') return capPct > 50;
  return capPct > 0;
}

export const ELIGIBLE: Eligibility = Object.freeze({ eligible: true, reasons: [] }) as Eligibility;

export function eligibilityOf(investor: EligibilityInvestor, opportunity: EligibilityOpportunity): Eligibility {
  if (investor.country === 'ID' || !opportunity.kbliCodes?.length) return ELIGIBLE;
  const intent = investor.ownershipIntent ?? null;
  const reasons: EligibilityReason[] = [];
  for (const kbli of opportunity.kbliCodes) {
    const row = kbliByCode.get(kbli);
    // An unverified cap is shown as a warning badge, never used to exclude.
    if (!row || row.foreignEquityCapPct === 'unknown') continue;
    const cap = row.foreignEquityCapPct;
    const source = row.foreignEquity.source;
    if (cap === 0) reasons.push({ code: 'domestic-capital-only', kbli, capPct: 0, ownershipIntent: intent, source });
    else if (!capAllows(cap, intent)) {
      reasons.push({ code: 'ownership-above-cap', kbli, capPct: cap, ownershipIntent: intent, source });
    }
  }
  return reasons.length === 0 ? ELIGIBLE : { eligible: false, reasons };
}

/**
 * Same answer as eligibilityOf(…).eligible, asked for every candidate a ranking would keep: a
 * stake fits every cap exactly when it fits the lowest, so only that is compared.
 */
export function isEligible(investor: EligibilityInvestor, opportunity: EligibilityOpportunity): boolean {
  return fitsLowestCap(investor, lowestCapOf(opportunity.kbliCodes));
}

/** isEligible by the opportunity's lowest verified cap (Infinity: none verified), for an index that keeps it per opportunity. */
export function fitsLowestCap(investor: EligibilityInvestor, lowestCap: number): boolean {
  return investor.country === 'ID' || capAllows(lowestCap, investor.ownershipIntent ?? null);
}

/** The lowest verified foreign-equity cap among KBLI codes (Infinity: none verified, so any stake fits), kept per code list. */
const lowestCaps = new WeakMap<readonly string[], number>();
export function lowestCapOf(codes: readonly string[] | null | undefined): number {
  if (!codes?.length) return Infinity;
  let cap = lowestCaps.get(codes);
  if (cap === undefined) {
    cap = Infinity;
    for (const kbli of codes) {
      const verified = kbliByCode.get(kbli)?.foreignEquityCapPct;
      if (typeof verified === 'number' && verified < cap) cap = verified;
    }
    lowestCaps.set(codes, cap);
  }
  return cap;
}
