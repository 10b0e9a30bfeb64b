import {
  ISLAND_GROUPS,
  MODALITIES,
  PROVINCE_CODES,
  SECTOR_LEAVES,
  SECTOR_PARENTS,
  TECHNOLOGIES,
  TRANSFER_DEPTHS,
} from '../codes.ts';
import {
  OPEN_MODALITY,
  OPEN_TECHNOLOGY,
  PROVINCE_COUNT,
  combine,
  depthFitAt,
  encodeOpportunity,
  locationTier,
  nearestAnchor,
  nearestRegency,
  pairFactorScores,
  popcount,
  prepareInvestor,
  sizeOverlap,
  stepsShort,
  toCents,
  type EncodedOpportunity,
  type PreparedInvestor,
} from './factors.ts';
import { SUPPORT_MIN_FACTOR_SCORE, bandOf, type Band } from './model.ts';
import type { MatchingReference } from './reference.ts';
import { FACTORS, type Factor, type Freshness, type MatchableInvestor, type MatchableOpportunity, type Weights } from './types.ts';

export type ReasonParams = Record<string, string | number | string[]>;

/** Language-independent: a stable code plus the codes and numbers a sentence is built from. */
export interface Reason {
  code: string;
  params: ReasonParams;
}

/** Context shown with a match; never part of the score. */
export interface Badge {
  code: string;
  params: ReasonParams;
}

/** Which side left a factor open: the investor stated no preference, or the opportunity seeks nothing there. */
export type OpenSide = 'investor' | 'opportunity';

export interface FactorResult {
  factor: Factor;
  /** Left open by either side: evidence of nothing, so left out of the score. */
  neutral: boolean;
  /** 0..1, rounded to 4 decimals; 0 when neutral. */
  score: number;
  /** Weight applied: the requested weights renormalised over the known factors, 4 decimals; 0 when neutral. */
  weight: number;
  /** Points (0..100) this factor adds (after the evidence scale), rounded to 2 decimals. */
  contribution: number;
  /** The factor counts and scores at least SUPPORT_MIN_FACTOR_SCORE: a reason the match fits. */
  supports: boolean;
  reason: Reason;
}

export interface PairEvidence {
  /** Share of the requested weight that fell on known factors, 0..1, 4 decimals. */
  share: number;
  /** share ** EVIDENCE_EXPONENT, 4 decimals: the score is the known factors' weighted mean times this. */
  scale: number;
}

export interface PairScore {
  investorId: string;
  opportunityId: string;
  /** 0..100, rounded to 2 decimals; what rankings sort by. */
  score: number;
  band: Band;
  evidence: PairEvidence;
  factors: FactorResult[];
  badges: Badge[];
  /** Present when the opportunity is stale: the score and every contribution are multiplied by `factor`. */
  freshness?: Freshness;
}

const round = (x: number, decimals: number): number => {
  const k = 10 ** decimals;
  return Math.round(x * k) / k;
};

function codesInMask(mask: number, codes: readonly string[]): string[] {
  return codes.filter((_, i) => (mask & (1 << i)) !== 0);
}

function unique(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}

function sectorReason(p: PreparedInvestor, e: EncodedOpportunity): Reason {
  const sector = SECTOR_LEAVES[e.leaf]!;
  if (p.leafListed[e.leaf]) return { code: 'sector-exact', params: { sector } };
  const parentIdx = p.tables.leafParent[e.leaf] ?? -1;
  const parent = SECTOR_PARENTS[parentIdx];
  if (parent !== undefined && p.parentListed[parentIdx]) {
    return { code: 'sector-parent', params: { sector, parent } };
  }
  if (parent !== undefined && p.parentHasListedLeaf[parentIdx]) {
    const listed = SECTOR_LEAVES.filter((_, i) => p.leafListed[i] && p.tables.leafParent[i] === parentIdx);
    return { code: 'sector-sibling', params: { sector, parent, listed } };
  }
  return { code: 'sector-other', params: { sector, listed: unique(p.investor.sectors) } };
}

function technologyReason(p: PreparedInvestor, e: EncodedOpportunity): Reason {
  const params: ReasonParams = {
    sought: codesInMask(e.techMask, TECHNOLOGIES),
    held: codesInMask(e.techMask & p.heldMask, TECHNOLOGIES),
    missing: codesInMask(e.techMask & ~p.heldMask, TECHNOLOGIES),
    coverage: e.techCount === 0 ? 1 : round(popcount(e.techMask & p.heldMask) / e.techCount, 4),
    required: TRANSFER_DEPTHS[e.depth]!,
    depthFit: depthFitAt(p, e.depth),
    stepsShort: stepsShort(p, e.depth),
  };
  const willing = TRANSFER_DEPTHS[p.willing];
  if (willing !== undefined) params.willing = willing;
  return { code: 'technology', params };
}

function locationReason(p: PreparedInvestor, e: EncodedOpportunity, o: MatchableOpportunity): Reason {
  const province = PROVINCE_CODES[e.province]!;
  const group = p.tables.provinceGroup[e.province]!;
  switch (locationTier(p, e.province)) {
    case 'neutral':
      return { code: 'neutral', params: { factor: 'location' } };
    case 'province':
      return p.regencies?.provinces[e.province] ? regencyReason(p, province, o) : { code: 'location-province', params: { province } };
    case 'island-group':
      return { code: 'location-island-group', params: { province, islandGroup: ISLAND_GROUPS[group]! } };
    case 'island-group-of-province': {
      const preferred = PROVINCE_CODES.filter(
        (_, i) => p.provincePreferred[i] && p.tables.provinceGroup[i] === group,
      );
      return {
        code: 'location-island-group-of-province',
        params: { province, islandGroup: ISLAND_GROUPS[group]!, preferred },
      };
    }
    case 'distance': {
      const a = nearestAnchor(p, e.province);
      const km = p.tables.distanceKm[e.province * PROVINCE_COUNT + a]!;
      return {
        code: 'location-distance',
        params: { province, nearest: PROVINCE_CODES[a]!, distanceKm: Math.round(km) },
      };
    }
  }
}

/** In a province narrowed by preferred regencies: how far from the nearest of them, if known. */
function regencyReason(p: PreparedInvestor, province: string, o: MatchableOpportunity): Reason {
  const points = p.regencies!.points;
  const near = o.regency && nearestRegency(p, o.regency.lat, o.regency.lon);
  if (o.regency && near) {
    return { code: 'location-regency', params: { province, regency: o.regency.name, nearest: points[near.index]!.name, distanceKm: Math.round(near.km) } };
  }
  return { code: 'location-regency-unknown', params: { province, preferred: points.filter((r) => r.province === province).map((r) => r.name) } };
}

function sizeReason(p: PreparedInvestor, opportunity: MatchableOpportunity, e: EncodedOpportunity): Reason {
  const ticket = p.investor.ticketUsd!;
  const params: ReasonParams = {
    min: Math.min(opportunity.investmentUsd.min, opportunity.investmentUsd.max),
    max: Math.max(opportunity.investmentUsd.min, opportunity.investmentUsd.max),
    ticketMin: Math.min(ticket.min, ticket.max),
    ticketMax: Math.max(ticket.min, ticket.max),
  };
  const overlap = sizeOverlap(e.logMin, e.logMax, p.ticketLogMin, p.ticketLogMax);
  if (overlap >= 1) return { code: 'size-within', params };
  if (overlap >= 0) {
    // 0 only when the ranges merely touch; any real overlap shows at least 1 %.
    const overlapPercent = overlap === 0 ? 0 : Math.max(1, Math.floor(overlap * 100));
    return { code: 'size-overlap', params: { ...params, overlapPercent } };
  }
  const times = 10 ** -overlap;
  return {
    code: 'size-gap',
    params: {
      ...params,
      direction: e.logMin > p.ticketLogMax ? 'above' : 'below',
      times: times < 10 ? round(times, 1) : Math.round(times),
    },
  };
}

function modalityReason(p: PreparedInvestor, e: EncodedOpportunity): Reason {
  return {
    code: 'modality',
    params: {
      offered: codesInMask(e.modalityMask, MODALITIES),
      accepted: codesInMask(e.modalityMask & p.acceptedMask, MODALITIES),
    },
  };
}

/** The side that leaves a factor open, or null when both state it. */
function openSide(factor: Factor, p: PreparedInvestor, e: EncodedOpportunity): OpenSide | null {
  if (p.neutral[factor]) return 'investor';
  if (factor === 'technology' && e.open & OPEN_TECHNOLOGY) return 'opportunity';
  if (factor === 'modality' && e.open & OPEN_MODALITY) return 'opportunity';
  return null;
}

function reasonFor(factor: Factor, p: PreparedInvestor, o: MatchableOpportunity, e: EncodedOpportunity): Reason {
  const side = openSide(factor, p, e);
  if (side) return { code: 'neutral', params: { factor, side } };
  switch (factor) {
    case 'sector':
      return sectorReason(p, e);
    case 'technology':
      return technologyReason(p, e);
    case 'location':
      return locationReason(p, e, o);
    case 'size':
      return sizeReason(p, o, e);
    case 'modality':
      return modalityReason(p, e);
  }
}

export function badgesFor(investor: MatchableInvestor, ref: MatchingReference): Badge[] {
  return ref.hasHealthPartnership(investor.country)
    ? [{ code: 'health-mou', params: { country: investor.country } }]
    : [];
}

/** The explained score of a pair whose investor is already prepared. */
export function scorePrepared(
  p: PreparedInvestor,
  opportunity: MatchableOpportunity,
  ref: MatchingReference,
): PairScore {
  const e = encodeOpportunity(opportunity);
  const scores = pairFactorScores(p, e);
  const [s, t, l, z, m] = scores;
  const evidence = p.evidence[e.open]!;
  const factors = FACTORS.map((factor, i): FactorResult => {
    const w = evidence.weights[factor];
    const neutral = openSide(factor, p, e) !== null;
    const score = neutral ? 0 : scores[i]!;
    return {
      factor,
      neutral,
      score: round(score, 4),
      weight: round(w, 4),
      contribution: round(100 * evidence.scale * w * score * e.freshness, 2),
      supports: evidence.known[factor] && score >= SUPPORT_MIN_FACTOR_SCORE,
      reason: reasonFor(factor, p, opportunity, e),
    };
  });
  const score = toCents(combine(p, e.open, s, t, l, z, m) * e.freshness) / 100;
  return {
    investorId: p.investor.id,
    opportunityId: opportunity.id,
    score,
    band: bandOf(score),
    evidence: { share: round(evidence.share, 4), scale: round(evidence.scale, 4) },
    factors,
    badges: badgesFor(p.investor, ref),
    ...(opportunity.freshness && { freshness: opportunity.freshness }),
  };
}

/**
 * Scores one (investor, opportunity) pair with its explanation. `weights` should come from
 * validateWeights; non-finite or negative entries count as 0.
 */
export function scorePair(
  investor: MatchableInvestor,
  opportunity: MatchableOpportunity,
  weights: Readonly<Weights>,
  ref: MatchingReference,
): PairScore {
  return scorePrepared(prepareInvestor(investor, weights, ref), opportunity, ref);
}

interface Ranked {
  score: number;
  evidence: number;
  id: string;
}

/** Comparator for ranked lists: score desc, then evidence share desc, then id asc in code-unit order. */
export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.evidence !== b.evidence) return b.evidence - a.evidence;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
