/**
 * The numeric core shared by the explained path (score.ts) and the fast path (index.ts).
 * Both evaluate a pair through exactly these functions, in the same order, so a score is
 * bit-for-bit the same whichever path or direction produced it.
 */
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
  DEPTH_FIT_BY_STEPS_SHORT,
  EARTH_RADIUS_KM,
  EVIDENCE_EXPONENT,
  LOCATION_DISTANCE_MAX,
  LOCATION_DISTANCE_SCALE_KM,
  LOCATION_ISLAND_GROUP_SCORE,
  SECTOR_PARENT_SCORE,
  SECTOR_SIBLING_SCORE,
  SIZE_GAP_SCALE_DECADES,
  SIZE_OVERLAP_FLOOR,
} from './model.ts';
import type { MatchingReference } from './reference.ts';
import { prepareRegencies, regencyLocationScore, type RegencyAnchors } from './regency.ts';
import { FACTORS, type Factor, type MatchableInvestor, type MatchableOpportunity, type Weights } from './types.ts';

function indexOf(codes: readonly string[]): ReadonlyMap<string, number> {
  return new Map(codes.map((code, i) => [code, i]));
}

export const LEAF_INDEX = indexOf(SECTOR_LEAVES);
export const PARENT_INDEX = indexOf(SECTOR_PARENTS);
export const PROVINCE_INDEX = indexOf(PROVINCE_CODES);
export const GROUP_INDEX = indexOf(ISLAND_GROUPS);
export const TECH_INDEX = indexOf(TECHNOLOGIES);
export const MODALITY_INDEX = indexOf(MODALITIES);
export const DEPTH_INDEX = indexOf(TRANSFER_DEPTHS);

export const LEAF_COUNT = SECTOR_LEAVES.length;
export const PROVINCE_COUNT = PROVINCE_CODES.length;

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function maskOf(codes: readonly string[], index: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (const code of codes) {
    const i = index.get(code);
    if (i !== undefined) mask |= 1 << i;
  }
  return mask;
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Reference facts turned into flat tables, once per reference object. */
export interface RefTables {
  /** Parent index per leaf, -1 when the leaf has none. */
  leafParent: Int8Array;
  provinceGroup: Uint8Array;
  /** PROVINCE_COUNT × PROVINCE_COUNT great-circle distances. */
  distanceKm: Float64Array;
}

const tableCache = new WeakMap<MatchingReference, RefTables>();

export function refTables(ref: MatchingReference): RefTables {
  const cached = tableCache.get(ref);
  if (cached) return cached;
  const leafParent = new Int8Array(LEAF_COUNT).fill(-1);
  SECTOR_LEAVES.forEach((leaf, i) => {
    const parent = ref.sectorParent(leaf);
    const p = parent === null ? undefined : PARENT_INDEX.get(parent);
    if (p !== undefined) leafParent[i] = p;
  });
  const points = PROVINCE_CODES.map((code) => ref.province(code));
  const provinceGroup = new Uint8Array(PROVINCE_COUNT);
  points.forEach((point, i) => {
    const g = GROUP_INDEX.get(point.islandGroup);
    if (g === undefined) throw new RangeError(`Unknown island group ${point.islandGroup}`);
    provinceGroup[i] = g;
  });
  const distanceKm = new Float64Array(PROVINCE_COUNT * PROVINCE_COUNT);
  for (let i = 0; i < PROVINCE_COUNT; i++) {
    const a = points[i]!;
    for (let j = 0; j < PROVINCE_COUNT; j++) {
      const b = points[j]!;
      distanceKm[i * PROVINCE_COUNT + j] = i === j ? 0 : haversineKm(a.lat, a.lon, b.lat, b.lon);
    }
  }
  const tables = { leafParent, provinceGroup, distanceKm };
  tableCache.set(ref, tables);
  return tables;
}

/**
 * The axes an opportunity leaves open, as bits: it seeks no technology, or names no modality.
 * Sector, location and size are always stated by an opportunity.
 */
export const OPEN_TECHNOLOGY = 1;
export const OPEN_MODALITY = 2;
/** Number of distinct open masks (0..3). */
const OPEN_MASKS = 4;

/** How much evidence a pair rests on, given which axes the opportunity leaves open. */
export interface Evidence {
  /** Factors that count: neither side leaves them open and their weight is above 0. */
  readonly known: Readonly<Record<Factor, boolean>>;
  /** Requested weights of the known factors divided by their sum; 0 for the others. */
  readonly weights: Readonly<Weights>;
  /** Share of the requested weight that falls on known factors, 0..1. */
  readonly share: number;
  /** share ** EVIDENCE_EXPONENT: the score is the weighted mean of the known factors times this. */
  readonly scale: number;
  /** share in ten-thousandths, the ranking's tie-break. */
  readonly shareTicks: number;
}

/** An investor turned into masks and flags, with its weights resolved per open mask. */
export interface PreparedInvestor {
  readonly investor: MatchableInvestor;
  readonly tables: RefTables;
  /** Factors the investor states no preference on. */
  readonly neutral: Readonly<Record<Factor, boolean>>;
  /** Indexed by the opportunity's open mask. */
  readonly evidence: readonly Evidence[];
  /** scale × renormalised weight, 5 per open mask in FACTORS order: what combine multiplies by. */
  readonly applied: Float64Array;
  readonly leafListed: Uint8Array;
  readonly parentListed: Uint8Array;
  readonly parentHasListedLeaf: Uint8Array;
  readonly heldMask: number;
  /** Index into TRANSFER_DEPTHS, -1 when not stated. */
  readonly willing: number;
  readonly acceptedMask: number;
  readonly provincePreferred: Uint8Array;
  readonly groupPreferred: Uint8Array;
  readonly groupOfPreferredProvince: Uint8Array;
  /** Province indices distance is measured from: preferred ones and those of preferred groups. */
  readonly anchors: Int32Array;
  readonly ticketLogMin: number;
  readonly ticketLogMax: number;
  /** Preferred regencies, which narrow their provinces; null when none. */
  readonly regencies: RegencyAnchors | null;
}

function usableWeight(w: number): number {
  return Number.isFinite(w) && w > 0 ? w : 0;
}

function logUsd(v: number): number {
  // Ranges are validated as > 0; the floor only keeps a stray 0 from producing -Infinity.
  return Math.log10(Math.max(1, v));
}

export function prepareInvestor(
  investor: MatchableInvestor,
  weights: Readonly<Weights>,
  ref: MatchingReference,
): PreparedInvestor {
  const tables = refTables(ref);

  const leafListed = new Uint8Array(LEAF_COUNT);
  const parentListed = new Uint8Array(SECTOR_PARENTS.length);
  const parentHasListedLeaf = new Uint8Array(SECTOR_PARENTS.length);
  for (const code of investor.sectors) {
    const leaf = LEAF_INDEX.get(code);
    if (leaf !== undefined) {
      leafListed[leaf] = 1;
      const parent = tables.leafParent[leaf]!;
      if (parent >= 0) parentHasListedLeaf[parent] = 1;
      continue;
    }
    const parent = PARENT_INDEX.get(code);
    if (parent !== undefined) parentListed[parent] = 1;
  }

  const provincePreferred = new Uint8Array(PROVINCE_COUNT);
  const groupPreferred = new Uint8Array(ISLAND_GROUPS.length);
  const groupOfPreferredProvince = new Uint8Array(ISLAND_GROUPS.length);
  const regencies = prepareRegencies(investor.preferredRegencies);
  // A preferred regency makes its province preferred too (narrowed to around it, see regency.ts).
  for (const code of [...investor.preferredProvinces, ...(regencies?.points.map((r) => r.province) ?? [])]) {
    const p = PROVINCE_INDEX.get(code);
    if (p === undefined) continue;
    provincePreferred[p] = 1;
    groupOfPreferredProvince[tables.provinceGroup[p]!] = 1;
  }
  for (const code of investor.preferredIslandGroups) {
    const g = GROUP_INDEX.get(code);
    if (g !== undefined) groupPreferred[g] = 1;
  }
  const anchorList: number[] = [];
  for (let p = 0; p < PROVINCE_COUNT; p++) {
    if (provincePreferred[p] || groupPreferred[tables.provinceGroup[p]!]) anchorList.push(p);
  }

  const heldMask = maskOf(investor.technologies, TECH_INDEX);
  const willing =
    investor.maxTransferDepth === null ? -1 : (DEPTH_INDEX.get(investor.maxTransferDepth) ?? -1);
  const acceptedMask = maskOf(investor.modalities, MODALITY_INDEX);

  const neutral: Record<Factor, boolean> = {
    sector: !leafListed.includes(1) && !parentListed.includes(1),
    technology: heldMask === 0 && willing < 0,
    location: anchorList.length === 0,
    size: investor.ticketUsd === null,
    modality: acceptedMask === 0,
  };

  const evidence: Evidence[] = [];
  const applied = new Float64Array(OPEN_MASKS * FACTORS.length);
  for (let open = 0; open < OPEN_MASKS; open++) {
    const e = evidenceFor(neutral, open, weights);
    evidence.push(e);
    FACTORS.forEach((f, i) => (applied[open * FACTORS.length + i] = e.scale * e.weights[f]));
  }

  const ticket = investor.ticketUsd;
  return {
    investor,
    tables,
    neutral,
    evidence,
    applied,
    leafListed,
    parentListed,
    parentHasListedLeaf,
    heldMask,
    willing,
    acceptedMask,
    provincePreferred,
    groupPreferred,
    groupOfPreferredProvince,
    anchors: Int32Array.from(anchorList),
    ticketLogMin: ticket ? logUsd(Math.min(ticket.min, ticket.max)) : 0,
    ticketLogMax: ticket ? logUsd(Math.max(ticket.min, ticket.max)) : 0,
    regencies,
  };
}

function evidenceFor(neutral: Readonly<Record<Factor, boolean>>, open: number, weights: Readonly<Weights>): Evidence {
  const known = {} as Record<Factor, boolean>;
  let requested = 0;
  let knownTotal = 0;
  for (const f of FACTORS) {
    const w = usableWeight(weights[f]);
    const openHere = (f === 'technology' && open & OPEN_TECHNOLOGY) || (f === 'modality' && open & OPEN_MODALITY);
    known[f] = !neutral[f] && !openHere && w > 0;
    requested += w;
    if (known[f]) knownTotal += w;
  }
  const renormalised = {} as Weights;
  for (const f of FACTORS) renormalised[f] = known[f] ? usableWeight(weights[f]) / knownTotal : 0;
  // Snapped like scores, so equal shares reached by different sums compare equal.
  const share = requested > 0 ? Math.round((knownTotal / requested) * 1e10) / 1e10 : 0;
  const scale = share ** EVIDENCE_EXPONENT;
  return { known, weights: renormalised, share, scale, shareTicks: Math.round(share * 10000) };
}

/** An opportunity as the small integers and logs the factors read. */
export interface EncodedOpportunity {
  leaf: number;
  province: number;
  techMask: number;
  techCount: number;
  depth: number;
  modalityMask: number;
  modalityCount: number;
  /** OPEN_TECHNOLOGY | OPEN_MODALITY bits. */
  open: number;
  logMin: number;
  logMax: number;
  /** The opportunity's regency coordinate; NaN when not known. */
  regencyLat: number;
  regencyLon: number;
  /** What the pair's weighted sum is multiplied by: 1, or the freshness factor of a stale opportunity. */
  freshness: number;
}

export function openMaskOf(techCount: number, modalityCount: number): number {
  return (techCount === 0 ? OPEN_TECHNOLOGY : 0) | (modalityCount === 0 ? OPEN_MODALITY : 0);
}

/** The factors an opportunity leaves open, by name. */
export function openFactorsOf(o: MatchableOpportunity): Record<Factor, boolean> {
  const open = openMaskOf(o.technologies.length, o.modalities.length);
  return {
    sector: false,
    technology: (open & OPEN_TECHNOLOGY) !== 0,
    location: false,
    size: false,
    modality: (open & OPEN_MODALITY) !== 0,
  };
}

export function encodeOpportunity(o: MatchableOpportunity): EncodedOpportunity {
  const leaf = LEAF_INDEX.get(o.sector);
  const province = PROVINCE_INDEX.get(o.province);
  const depth = DEPTH_INDEX.get(o.requiredTransferDepth);
  if (leaf === undefined) throw new RangeError(`Opportunity ${o.id}: unknown sector ${o.sector}`);
  if (province === undefined) throw new RangeError(`Opportunity ${o.id}: unknown province ${o.province}`);
  if (depth === undefined) {
    throw new RangeError(`Opportunity ${o.id}: unknown transfer depth ${o.requiredTransferDepth}`);
  }
  const techMask = maskOf(o.technologies, TECH_INDEX);
  const modalityMask = maskOf(o.modalities, MODALITY_INDEX);
  const techCount = popcount(techMask);
  const modalityCount = popcount(modalityMask);
  const { min, max } = o.investmentUsd;
  return {
    leaf,
    province,
    techMask,
    techCount,
    depth,
    modalityMask,
    modalityCount,
    open: openMaskOf(techCount, modalityCount),
    logMin: logUsd(Math.min(min, max)),
    logMax: logUsd(Math.max(min, max)),
    regencyLat: o.regency?.lat ?? NaN,
    regencyLon: o.regency?.lon ?? NaN,
    freshness: o.freshness?.factor ?? 1,
  };
}

// ---- factor scores, each in [0, 1]; a factor left open scores 0 and carries weight 0 ----

export function sectorScoreAt(p: PreparedInvestor, leaf: number): number {
  if (p.neutral.sector) return 0;
  if (p.leafListed[leaf]) return 1;
  const parent = p.tables.leafParent[leaf] ?? -1;
  if (parent >= 0) {
    if (p.parentListed[parent]) return SECTOR_PARENT_SCORE;
    if (p.parentHasListedLeaf[parent]) return SECTOR_SIBLING_SCORE;
  }
  return 0;
}

/** Steps the investor's willingness falls short of `required`; 0 when met or not stated. */
export function stepsShort(p: PreparedInvestor, required: number): number {
  return p.willing < 0 ? 0 : Math.max(0, required - p.willing);
}

export function depthFitAt(p: PreparedInvestor, required: number): number {
  return DEPTH_FIT_BY_STEPS_SHORT[stepsShort(p, required)] ?? 0;
}

export function technologyScore(
  heldMask: number,
  depthFit: number,
  soughtMask: number,
  soughtCount: number,
): number {
  const coverage = soughtCount === 0 ? 1 : popcount(heldMask & soughtMask) / soughtCount;
  return coverage * depthFit;
}

/** The anchor nearest to `province` (first in code order on a tie), or -1 with no anchors. */
export function nearestAnchor(p: PreparedInvestor, province: number): number {
  const row = province * PROVINCE_COUNT;
  let best = -1;
  let bestKm = Infinity;
  for (const a of p.anchors) {
    const d = p.tables.distanceKm[row + a]!;
    if (d < bestKm) {
      bestKm = d;
      best = a;
    }
  }
  return best;
}

export type LocationTier = 'neutral' | 'province' | 'island-group' | 'island-group-of-province' | 'distance';

export function locationTier(p: PreparedInvestor, province: number): LocationTier {
  if (p.neutral.location) return 'neutral';
  if (p.provincePreferred[province]) return 'province';
  const g = p.tables.provinceGroup[province]!;
  if (p.groupPreferred[g]) return 'island-group';
  if (p.groupOfPreferredProvince[g]) return 'island-group-of-province';
  return 'distance';
}

export function locationScoreAt(p: PreparedInvestor, province: number): number {
  switch (locationTier(p, province)) {
    case 'neutral':
      return 0;
    case 'province':
      return 1;
    case 'island-group':
    case 'island-group-of-province':
      return LOCATION_ISLAND_GROUP_SCORE;
    case 'distance': {
      const a = nearestAnchor(p, province);
      const km = p.tables.distanceKm[province * PROVINCE_COUNT + a]!;
      return LOCATION_DISTANCE_MAX * Math.exp(-km / LOCATION_DISTANCE_SCALE_KM);
    }
  }
}

/** The preferred regency nearest to a point, and how far it is; undefined without regencies. */
export function nearestRegency(p: PreparedInvestor, lat: number, lon: number): { index: number; km: number } | undefined {
  const points = p.regencies?.points;
  if (!points || Number.isNaN(lat)) return undefined;
  let best = { index: -1, km: Infinity };
  points.forEach((r, index) => {
    const km = haversineKm(lat, lon, r.lat, r.lon);
    if (km < best.km) best = { index, km };
  });
  return best;
}

/**
 * The location score of an opportunity at a regency (NaN coordinates: regency not known). In a
 * province narrowed by preferred regencies it is at most the province-level score, the bound
 * the index ranks buckets by.
 */
export function locationScoreOf(p: PreparedInvestor, province: number, lat: number, lon: number): number {
  if (!p.regencies?.provinces[province]) return locationScoreAt(p, province);
  return regencyLocationScore(nearestRegency(p, lat, lon)?.km);
}

/** Share of the shorter range covered by the overlap, or -gap (decades) when apart. */
export function sizeOverlap(lo: number, hi: number, tLo: number, tHi: number): number {
  const oLo = lo > tLo ? lo : tLo;
  const oHi = hi < tHi ? hi : tHi;
  if (oHi < oLo) return -(oLo - oHi);
  const shorter = Math.min(hi - lo, tHi - tLo);
  return shorter > 0 ? Math.min(1, (oHi - oLo) / shorter) : 1;
}

export function sizeScore(lo: number, hi: number, tLo: number, tHi: number): number {
  const overlap = sizeOverlap(lo, hi, tLo, tHi);
  if (overlap >= 0) return SIZE_OVERLAP_FLOOR + (1 - SIZE_OVERLAP_FLOOR) * overlap;
  return SIZE_OVERLAP_FLOOR * Math.exp(overlap / SIZE_GAP_SCALE_DECADES);
}

export function modalityScore(acceptedMask: number, offeredMask: number, offeredCount: number): number {
  return offeredCount === 0 ? 1 : popcount(acceptedMask & offeredMask) / offeredCount;
}

/**
 * The score in [0, 1]: the weighted mean of the known factors times the evidence scale,
 * summed in FACTORS order. `open` is the opportunity's open mask; the applied weight of an
 * open factor is 0, so what is passed for it does not matter.
 */
export function combine(
  p: PreparedInvestor,
  open: number,
  sector: number,
  technology: number,
  location: number,
  size: number,
  modality: number,
): number {
  const a = p.applied;
  const o = open * 5;
  return a[o]! * sector + a[o + 1]! * technology + a[o + 2]! * location + a[o + 3]! * size + a[o + 4]! * modality;
}

/**
 * The ranking key: score in hundredths of a point, then evidence share in ten-thousandths.
 * Higher ranks first; equal keys fall back to id order.
 */
export const KEY_STRIDE = 10001;

export function rankKey(cents: number, shareTicks: number): number {
  return cents * KEY_STRIDE + shareTicks;
}

export function centsOfKey(key: number): number {
  return Math.floor(key / KEY_STRIDE);
}

export function shareOfKey(key: number): number {
  return (key % KEY_STRIDE) / 10000;
}

/**
 * The published score in hundredths of a point (0..10000). The raw sum is first snapped to a
 * 1e-10 grid so that two mathematically equal sums computed in different orders (e.g. after
 * renormalising weights) cannot fall on opposite sides of a rounding boundary. Every step is
 * monotone, which bucket pruning relies on.
 */
export function toCents(raw: number): number {
  const c = Math.round(Math.round(raw * 1e10) / 1e6);
  return c < 0 ? 0 : c > 10000 ? 10000 : c;
}

/** Factor scores of one pair, in FACTORS order. */
export function pairFactorScores(p: PreparedInvestor, e: EncodedOpportunity): [number, number, number, number, number] {
  return [
    sectorScoreAt(p, e.leaf),
    p.neutral.technology || e.open & OPEN_TECHNOLOGY
      ? 0
      : technologyScore(p.heldMask, depthFitAt(p, e.depth), e.techMask, e.techCount),
    locationScoreOf(p, e.province, e.regencyLat, e.regencyLon),
    p.neutral.size ? 0 : sizeScore(e.logMin, e.logMax, p.ticketLogMin, p.ticketLogMax),
    p.neutral.modality || e.open & OPEN_MODALITY ? 0 : modalityScore(p.acceptedMask, e.modalityMask, e.modalityCount),
  ];
}

export function pairKey(p: PreparedInvestor, e: EncodedOpportunity): number {
  const [s, t, l, z, m] = pairFactorScores(p, e);
  return rankKey(toCents(combine(p, e.open, s, t, l, z, m) * e.freshness), p.evidence[e.open]!.shareTicks);
}

/** Order of ranked results: key desc (score, then evidence), then id asc (code units). */
export function ranksBefore(keyA: number, idA: string, keyB: number, idB: string): boolean {
  return keyA > keyB || (keyA === keyB && idA < idB);
}
