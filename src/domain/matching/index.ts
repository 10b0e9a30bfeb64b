/**
 * The fast path: an in-memory columnar index of opportunities, ranked for one investor with
 * bucket pruning. Scores come from the same functions as scorePair (factors.ts), so they are
 * identical to the explained ones.
 */
import { MODALITIES, TECHNOLOGIES, TRANSFER_DEPTHS, type IslandGroup, type ProvinceCode, type SectorCode } from '../codes.ts';
import {
  GROUP_INDEX,
  LEAF_COUNT,
  LEAF_INDEX,
  PARENT_INDEX,
  PROVINCE_COUNT,
  PROVINCE_INDEX,
  KEY_STRIDE,
  OPEN_MODALITY,
  OPEN_TECHNOLOGY,
  centsOfKey,
  combine,
  depthFitAt,
  encodeOpportunity,
  locationScoreAt,
  locationScoreOf,
  modalityScore,
  pairKey,
  popcount,
  prepareInvestor,
  rankKey,
  ranksBefore,
  sectorScoreAt,
  shareOfKey,
  sizeScore,
  technologyScore,
  toCents,
  type PreparedInvestor,
} from './factors.ts';
import { fitsLowestCap, isEligible, lowestCapOf, type EligibilityInvestor } from '../eligibility.ts';
import type { MatchingReference } from './reference.ts';
import type { MatchableInvestor, MatchableOpportunity, Weights } from './types.ts';

export interface RankedMatch {
  id: string;
  /** Same value as PairScore.score for the pair. */
  score: number;
  /** Same value as PairScore.evidence.share: the first tie-break. */
  evidence: number;
}

export interface RankCursor {
  score: number;
  evidence: number;
  id: string;
}

export interface RankOptions {
  limit: number;
  /** Return only results ordered strictly after this (score, evidence, id). */
  after?: RankCursor;
  /** Inclusive, on the rounded score. */
  minScore?: number;
}

export interface OpportunityRankOptions extends RankOptions {
  /** Keep opportunities in these sectors; a parent stands for all its leaves. */
  sectors?: readonly SectorCode[];
  provinces?: readonly ProvinceCode[];
  islandGroups?: readonly IslandGroup[];
  /**
   * Keep only opportunities this investor may legally take (isEligible), checked against a cap
   * the index keeps per opportunity, so the check reads no opportunity record.
   */
  eligibleFor?: EligibilityInvestor;
  /** Any further condition; only called for opportunities that would make the page. */
  filter?: (opportunity: MatchableOpportunity) => boolean;
}

export interface InvestorRankOptions extends RankOptions {
  filter?: (investor: MatchableInvestor) => boolean;
}

const DEPTHS = TRANSFER_DEPTHS.length;

/** An investor with its per-sector, per-province and per-depth factor scores precomputed. */
export interface CompiledInvestor {
  readonly investorId: string;
  readonly prepared: PreparedInvestor;
  readonly sectorByLeaf: Float64Array;
  readonly locationByProvince: Float64Array;
  readonly depthFitByRequired: Float64Array;
  /** Modality score by the opportunity's offered-modality mask, so a scan looks it up. */
  readonly modalityByOffered: Float64Array;
  /** The technologies the investor holds, as the bitmap rows a bucket keeps per technology. */
  readonly heldTechnologies: readonly number[];
  /**
   * The buckets in groups sharing one bound, best bound first. The bound is the score no member
   * of a bucket can exceed: sector, location and depth fit are exact there, coverage, size and
   * modality at most 1, and the best of the opportunity's open masks; every step of
   * combine/toCents is monotone. A bucket's bound depends on it only through its sector,
   * location and depth-fit scores, which take few distinct values, so a group is every bucket
   * with one such combination: few groups, computed once with the profile, and a ranking
   * visits their non-empty, not filtered-out buckets until no bound can reach the page.
   */
  readonly bucketGroups: BucketGroups;
}

export interface BucketGroups {
  /**
   * One entry per group, best bound first: (10000 − bound) × 65536 + cell, where cell is
   * (sector class × location classes + location class) × depths + required depth. Packed in one
   * typed array, so thousands of compiled investors add nothing for the garbage collector to trace.
   */
  readonly order: Int32Array;
  /** The sector leaves of each sector class, and the provinces of each location class. */
  readonly leavesOf: readonly (readonly number[])[];
  readonly provincesOf: readonly (readonly number[])[];
}

export function compileInvestor(investor: MatchableInvestor, weights: Readonly<Weights>, ref: MatchingReference): CompiledInvestor {
  const prepared = prepareInvestor(investor, weights, ref);
  const sectorByLeaf = new Float64Array(LEAF_COUNT);
  for (let leaf = 0; leaf < LEAF_COUNT; leaf++) sectorByLeaf[leaf] = sectorScoreAt(prepared, leaf);
  const locationByProvince = new Float64Array(PROVINCE_COUNT);
  for (let p = 0; p < PROVINCE_COUNT; p++) locationByProvince[p] = locationScoreAt(prepared, p);
  const depthFitByRequired = new Float64Array(DEPTHS);
  for (let d = 0; d < DEPTHS; d++) depthFitByRequired[d] = depthFitAt(prepared, d);
  const modalityByOffered = new Float64Array(1 << MODALITIES.length);
  for (let mask = 0; mask < modalityByOffered.length; mask++) {
    modalityByOffered[mask] = modalityScore(prepared.acceptedMask, mask, popcount(mask));
  }
  const bucketGroups = groupBuckets(prepared, sectorByLeaf, locationByProvince, depthFitByRequired);
  const heldTechnologies = TECHNOLOGIES.flatMap((_, r) => (prepared.heldMask & (1 << r) ? [r] : []));
  return {
    investorId: investor.id,
    prepared,
    sectorByLeaf,
    locationByProvince,
    depthFitByRequired,
    modalityByOffered,
    heldTechnologies,
    bucketGroups,
  };
}

/** CompiledInvestor.bucketGroups. */
function groupBuckets(
  prepared: PreparedInvestor,
  sectorByLeaf: Float64Array,
  locationByProvince: Float64Array,
  depthFit: Float64Array,
): BucketGroups {
  const sectors = membersByValue(sectorByLeaf);
  const locations = membersByValue(locationByProvince);
  const order = new Int32Array(sectors.size * locations.size * DEPTHS);
  let cell = 0;
  for (const sector of sectors.keys()) {
    for (const location of locations.keys()) {
      for (let depth = 0; depth < DEPTHS; depth++, cell++) {
        let bound = 0;
        for (let open = 0; open < 4; open++) {
          bound = Math.max(
            bound,
            toCents(combine(prepared, open, sector, prepared.neutral.technology ? 0 : depthFit[depth]!, location, 1, 1)),
          );
        }
        order[cell] = (10000 - bound) * GROUP_STRIDE + cell;
      }
    }
  }
  return { order: order.sort(), leavesOf: [...sectors.values()], provincesOf: [...locations.values()] };
}

/** Cells are packed below this in BucketGroups.order: there are at most as many as buckets. */
const GROUP_STRIDE = 65536;

/** The indexes holding each distinct value, in order of first appearance. */
function membersByValue(values: Float64Array): Map<number, number[]> {
  const members = new Map<number, number[]>();
  values.forEach((value, i) => {
    const list = members.get(value);
    if (list) list.push(i);
    else members.set(value, [i]);
  });
  return members;
}

const BUCKETS = LEAF_COUNT * PROVINCE_COUNT * DEPTHS;
if (BUCKETS > GROUP_STRIDE) throw new Error('More buckets than BucketGroups.order can pack; widen GROUP_STRIDE in matching/index.ts');
/** Locations are packed as pos * BUCKET_STRIDE + bucket. */
const BUCKET_STRIDE = 8192;

function bucketOf(leaf: number, province: number, depth: number): number {
  return (leaf * PROVINCE_COUNT + province) * DEPTHS + depth;
}

// Item word layout: tech mask (18 bits) | modality mask << 18 (6 bits) | tech count << 24 (5 bits)
// | open mask << 29 (2 bits).
const TECH_BITS = 0x3ffff;
const MODALITY_SHIFT = 18;
const TECH_COUNT_SHIFT = 24;
const TECH_COUNT_BITS = 0x1f;
const OPEN_SHIFT = 29;
if (TECHNOLOGIES.length > MODALITY_SHIFT || MODALITIES.length > TECH_COUNT_SHIFT - MODALITY_SHIFT) {
  throw new Error('Vocabulary outgrew the packed item word; widen the layout in matching/index.ts');
}

function centsFloor(minScore: number | undefined): number {
  return minScore === undefined ? 0 : Math.ceil(minScore * 100 - 1e-7);
}

function cursorKey(after: RankCursor): number {
  return rankKey(Math.round(after.score * 100), Math.round(after.evidence * 10000));
}

/**
 * The first three UTF-16 code units of an id as one number (a missing unit counts as 0), so
 * that ids ordered by it are in code-unit order wherever it differs: ties on score and evidence
 * compare numbers, and strings only when the prefixes are equal.
 */
function idOrderOf(id: string): number {
  return (id.charCodeAt(0) || 0) * 4294967296 + (id.charCodeAt(1) || 0) * 65536 + (id.charCodeAt(2) || 0);
}

/** (key desc, id asc) with the id's order number as a shortcut for the string comparison. */
function ranksAfter(key: number, order: number, id: string, otherKey: number, otherOrder: number, otherId: string): boolean {
  return key < otherKey || (key === otherKey && (order > otherOrder || (order === otherOrder && id > otherId)));
}

/** The highest key a pair scoring at most `cents` can have. */
const keyCeiling = (cents: number) => rankKey(cents, KEY_STRIDE - 1);

/**
 * Top-k by (rank key desc, id asc). A binary heap whose root is the worst kept entry, so a
 * candidate is compared with the current k-th best in O(1).
 */
class TopK {
  readonly keys: Int32Array;
  readonly orders: Float64Array;
  readonly ids: string[] = [];
  size = 0;

  constructor(readonly capacity: number) {
    this.keys = new Int32Array(capacity);
    this.orders = new Float64Array(capacity);
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  /** Key of the worst kept entry; only meaningful when full. */
  get worstKey(): number {
    return this.keys[0]!;
  }

  private worse(i: number, j: number): boolean {
    return ranksAfter(this.keys[i]!, this.orders[i]!, this.ids[i]!, this.keys[j]!, this.orders[j]!, this.ids[j]!);
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i]!;
    this.keys[i] = this.keys[j]!;
    this.keys[j] = k;
    const o = this.orders[i]!;
    this.orders[i] = this.orders[j]!;
    this.orders[j] = o;
    const id = this.ids[i]!;
    this.ids[i] = this.ids[j]!;
    this.ids[j] = id;
  }

  /** Would an entry with this key and id (of this order number) be kept? */
  admits(key: number, order: number, id: string): boolean {
    return this.size < this.capacity || ranksAfter(this.keys[0]!, this.orders[0]!, this.ids[0]!, key, order, id);
  }

  /** Caller has checked admits(). */
  push(key: number, order: number, id: string): void {
    if (this.size < this.capacity) {
      let i = this.size++;
      this.keys[i] = key;
      this.orders[i] = order;
      this.ids[i] = id;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    this.keys[0] = key;
    this.orders[0] = order;
    this.ids[0] = id;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < this.size && this.worse(l, w)) w = l;
      if (r < this.size && this.worse(r, w)) w = r;
      if (w === i) break;
      this.swap(i, w);
      i = w;
    }
  }

  sorted(): RankedMatch[] {
    const out: { key: number; id: string }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ key: this.keys[i]!, id: this.ids[i]! });
    out.sort((a, b) => (ranksBefore(a.key, a.id, b.key, b.id) ? -1 : ranksBefore(b.key, b.id, a.key, a.id) ? 1 : 0));
    return out.map((e) => ({ id: e.id, score: centsOfKey(e.key) / 100, evidence: shareOfKey(e.key) }));
  }
}

/** Bitmap rows of a bucket: one per technology, and one for items every scan must read. */
const TECH_ROWS = TECHNOLOGIES.length + 1;
const ALWAYS_ROW = TECHNOLOGIES.length;

/** One (sector leaf, province, required depth) cell, its items stored contiguously. */
class Bucket {
  length = 0;
  ids: string[] = [];
  opportunities: MatchableOpportunity[] = [];
  words = new Int32Array(4);
  /** idOrderOf each id. */
  orders = new Float64Array(4);
  logMin = new Float64Array(4);
  logMax = new Float64Array(4);
  /** Each item's freshness factor (1 while it is fresh). */
  freshness = new Float64Array(4);
  /** Each item's lowest verified foreign-equity cap, Infinity when none is verified (eligibility.ts). */
  lowestCap = new Float64Array(4);
  /**
   * Row r, 32-bit word w holds positions 32w…32w+31 whose item seeks technology r; the last row
   * holds items a technology score cannot rule out (technology left open, or none sought). A
   * ranking whose floor needs a technology score above 0 reads only the rows of technologies
   * the investor holds.
   */
  techRows = new Uint32Array(TECH_ROWS);
  rowWords = 1;

  push(id: string, o: MatchableOpportunity, word: number, lo: number, hi: number): number {
    if (this.length === this.words.length) {
      const cap = this.words.length * 2;
      const words = new Int32Array(cap);
      words.set(this.words);
      const logMin = new Float64Array(cap);
      logMin.set(this.logMin);
      const logMax = new Float64Array(cap);
      logMax.set(this.logMax);
      const orders = new Float64Array(cap);
      orders.set(this.orders);
      this.orders = orders;
      const freshness = new Float64Array(cap);
      freshness.set(this.freshness);
      this.freshness = freshness;
      const lowestCap = new Float64Array(cap);
      lowestCap.set(this.lowestCap);
      this.lowestCap = lowestCap;
      this.words = words;
      this.logMin = logMin;
      this.logMax = logMax;
      const rowWords = Math.ceil(cap / 32);
      if (rowWords > this.rowWords) {
        const rows = new Uint32Array(TECH_ROWS * rowWords);
        for (let r = 0; r < TECH_ROWS; r++) rows.set(this.techRows.subarray(r * this.rowWords, (r + 1) * this.rowWords), r * rowWords);
        this.techRows = rows;
        this.rowWords = rowWords;
      }
    }
    const pos = this.length++;
    this.set(pos, id, o, word, lo, hi);
    return pos;
  }

  set(pos: number, id: string, o: MatchableOpportunity, word: number, lo: number, hi: number): void {
    this.ids[pos] = id;
    this.opportunities[pos] = o;
    this.words[pos] = word;
    this.orders[pos] = idOrderOf(id);
    this.logMin[pos] = lo;
    this.logMax[pos] = hi;
    this.freshness[pos] = o.freshness?.factor ?? 1;
    this.lowestCap[pos] = lowestCapOf(o.kbliCodes);
    this.#clearRows(pos);
    const w = pos >>> 5;
    const bit = 1 << (pos & 31);
    const tech = word & TECH_BITS;
    if ((word >>> OPEN_SHIFT) & OPEN_TECHNOLOGY || tech === 0) this.techRows[ALWAYS_ROW * this.rowWords + w]! |= bit;
    for (let r = 0; r < TECHNOLOGIES.length; r++) if (tech & (1 << r)) this.techRows[r * this.rowWords + w]! |= bit;
  }

  /** Swap-removes `pos`; returns the id that moved into it, or null. */
  removeAt(pos: number): string | null {
    const last = --this.length;
    let moved: string | null = null;
    if (pos !== last) {
      moved = this.ids[last]!;
      this.set(pos, moved, this.opportunities[last]!, this.words[last]!, this.logMin[last]!, this.logMax[last]!);
    }
    this.#clearRows(last);
    this.ids.length = last;
    this.opportunities.length = last;
    return moved;
  }

  #clearRows(pos: number): void {
    const w = pos >>> 5;
    const keep = ~(1 << (pos & 31));
    for (let r = 0; r < TECH_ROWS; r++) this.techRows[r * this.rowWords + w]! &= keep;
  }
}

/**
 * Opportunities grouped into (sector leaf, province, required depth) buckets, each stored as
 * contiguous typed arrays so a scan reads memory in order. add, update and remove are O(1)
 * amortised (swap-remove inside a bucket), so the index is kept current after every write
 * without rebuilding.
 */
export class OpportunityIndex {
  #location = new Map<string, number>();
  #buckets: (Bucket | undefined)[] = new Array<Bucket | undefined>(BUCKETS).fill(undefined);

  constructor(opportunities: Iterable<MatchableOpportunity> = []) {
    for (const o of opportunities) this.upsert(o);
  }

  get size(): number {
    return this.#location.size;
  }

  has(id: string): boolean {
    return this.#location.has(id);
  }

  get(id: string): MatchableOpportunity | undefined {
    const loc = this.#location.get(id);
    if (loc === undefined) return undefined;
    return this.#buckets[loc % BUCKET_STRIDE]!.opportunities[Math.floor(loc / BUCKET_STRIDE)];
  }

  *values(): IterableIterator<MatchableOpportunity> {
    for (const bucket of this.#buckets) if (bucket) yield* bucket.opportunities;
  }

  /** Adds a new opportunity; throws if the id is already indexed. */
  add(opportunity: MatchableOpportunity): void {
    if (this.#location.has(opportunity.id)) throw new Error(`Opportunity ${opportunity.id} is already indexed`);
    this.upsert(opportunity);
  }

  /** Replaces an indexed opportunity; throws if the id is unknown. */
  update(opportunity: MatchableOpportunity): void {
    if (!this.#location.has(opportunity.id)) throw new Error(`Opportunity ${opportunity.id} is not indexed`);
    this.upsert(opportunity);
  }

  upsert(opportunity: MatchableOpportunity): void {
    // Encode first so an invalid opportunity leaves the index untouched.
    const e = encodeOpportunity(opportunity);
    const b = bucketOf(e.leaf, e.province, e.depth);
    const word = e.techMask | (e.modalityMask << MODALITY_SHIFT) | (e.techCount << TECH_COUNT_SHIFT) | (e.open << OPEN_SHIFT);
    const id = opportunity.id;
    const loc = this.#location.get(id);
    if (loc !== undefined && loc % BUCKET_STRIDE === b) {
      this.#buckets[b]!.set(Math.floor(loc / BUCKET_STRIDE), id, opportunity, word, e.logMin, e.logMax);
      return;
    }
    if (loc !== undefined) this.#detach(loc);
    const bucket = (this.#buckets[b] ??= new Bucket());
    const pos = bucket.push(id, opportunity, word, e.logMin, e.logMax);
    this.#location.set(id, pos * BUCKET_STRIDE + b);
  }

  /** Removes an opportunity (withdrawn, closed, unpublished); false if it was not indexed. */
  remove(id: string): boolean {
    const loc = this.#location.get(id);
    if (loc === undefined) return false;
    this.#detach(loc);
    this.#location.delete(id);
    return true;
  }

  #detach(loc: number): void {
    const b = loc % BUCKET_STRIDE;
    const pos = Math.floor(loc / BUCKET_STRIDE);
    const moved = this.#buckets[b]!.removeAt(pos);
    if (moved !== null) this.#location.set(moved, pos * BUCKET_STRIDE + b);
  }

  /** See rankOpportunities. */
  rank(investor: CompiledInvestor, options: OpportunityRankOptions): RankedMatch[] {
    const limit = Math.min(Math.max(0, Math.floor(options.limit)), this.size);
    if (!(limit > 0)) return [];
    const p = investor.prepared;
    const sectorByLeaf = investor.sectorByLeaf;
    const locationByProvince = investor.locationByProvince;
    const depthFit = investor.depthFitByRequired;
    const techNeutral = p.neutral.technology;
    const sizeNeutral = p.neutral.size;
    const modalityNeutral = p.neutral.modality;

    const leafAllowed = allowedLeaves(options.sectors, p);
    const provinceAllowed = allowedProvinces(options.provinces, options.islandGroups, p);
    const minCents = centsFloor(options.minScore);

    const after = options.after;
    const afterKey = after ? cursorKey(after) : 0;
    const afterId = after ? after.id : '';
    const filter = options.filter;
    const eligibleFor = options.eligibleFor;
    const held = p.heldMask;
    const heldRows = investor.heldTechnologies;
    const modalityByOffered = investor.modalityByOffered;
    const tLo = p.ticketLogMin;
    const tHi = p.ticketLogMax;
    const applied = p.applied;
    const sizeCeiling = sizeNeutral ? 0 : 1;

    // An item is skipped without its exact score when even with size at its maximum (and, in a
    // province narrowed by regencies, the province's location score) its key falls below the
    // floor: the k-th best key once the page is full, the minimum score before. Per open mask,
    // the floor is turned into the raw sum below which toCents cannot reach it; the margin
    // covers summing in another order than combine does, so a skipped item never belonged.
    const shareTicks = p.evidence.map((e) => e.shareTicks);
    const skipBelow = new Float64Array(4);
    const setFloor = (floor: number) => {
      for (let open = 0; open < 4; open++) skipBelow[open] = (Math.ceil((floor - shareTicks[open]!) / KEY_STRIDE) - 0.5) / 10000 - 2e-9;
    };
    setFloor(rankKey(minCents, 0));
    const base = new Float64Array(4);

    const top = new TopK(limit);
    const stops = (bound: number) => bound < minCents || (top.full && keyCeiling(bound) < top.worstKey);
    // Stop once no remaining bucket can reach the minimum or the current k-th best.
    const { order, leavesOf, provincesOf } = investor.bucketGroups;
    groups: for (let g = 0; g < order.length; g++) {
      const cell = order[g]! % GROUP_STRIDE;
      const bound = 10000 - (order[g]! - cell) / GROUP_STRIDE;
      if (stops(bound)) break;
      const d = cell % DEPTHS;
      const locationClass = ((cell - d) / DEPTHS) % provincesOf.length;
      const sectorClass = ((cell - d) / DEPTHS - locationClass) / provincesOf.length;
      for (const leaf of leavesOf[sectorClass]!) {
        if (leafAllowed && !leafAllowed[leaf]) continue;
        for (const prov of provincesOf[locationClass]!) {
          if (provinceAllowed && !provinceAllowed[prov]) continue;
          if (stops(bound)) break groups;
          const bucket = this.#buckets[bucketOf(leaf, prov, d)];
          if (!bucket?.length) continue;
          const s = sectorByLeaf[leaf]!;
          const l = locationByProvince[prov]!;
          for (let open = 0; open < 4; open++)
            base[open] = applied[open * 5]! * s + applied[open * 5 + 2]! * l + applied[open * 5 + 3]! * sizeCeiling;
          // In a province narrowed by preferred regencies, `l` is the bound and each item scores its own.
          const byRegency = p.regencies?.provinces[prov] === 1;
          const fit = depthFit[d]!;
          const { words, logMin, logMax, ids, orders, freshness, lowestCap, techRows, rowWords } = bucket;
          const n = bucket.length;
          // When even a perfect modality cannot lift an item without a technology score to the
          // floor, only items seeking a held technology (or leaving technology open) are read.
          const heldOnly = !techNeutral && !reachesWithoutTechnology(base, applied, skipBelow, modalityNeutral);
          for (let w = 0; w < rowWords; w++) {
            let candidates = heldOnly ? techRows[ALWAYS_ROW * rowWords + w]! : -1;
            if (heldOnly) for (const r of heldRows) candidates |= techRows[r * rowWords + w]!;
            while (candidates !== 0) {
              const lowest = candidates & -candidates;
              candidates ^= lowest;
              const i = (w << 5) | (31 - Math.clz32(lowest));
              if (i >= n) break;
              const word = words[i]!;
              const open = word >>> OPEN_SHIFT;
              const t =
                techNeutral || open & OPEN_TECHNOLOGY
                  ? 0
                  : technologyScore(held, fit, word & TECH_BITS, (word >>> TECH_COUNT_SHIFT) & TECH_COUNT_BITS);
              const m = modalityNeutral || open & OPEN_MODALITY ? 0 : modalityByOffered[(word >>> MODALITY_SHIFT) & 0x3f]!;
              if (base[open]! + applied[open * 5 + 1]! * t + applied[open * 5 + 4]! * m < skipBelow[open]!) continue;
              const li = byRegency ? regencyLocationOf(p, prov, bucket.opportunities[i]!) : l;
              const z = sizeNeutral ? 0 : sizeScore(logMin[i]!, logMax[i]!, tLo, tHi);
              // The freshness factor is at most 1, so the bucket bounds and the check above still hold.
              const cents = toCents(combine(p, open, s, t, li, z, m) * freshness[i]!);
              if (cents < minCents) continue;
              const key = rankKey(cents, shareTicks[open]!);
              if (after && (key > afterKey || (key === afterKey && ids[i]! <= afterId))) continue;
              const id = ids[i]!;
              const idOrder = orders[i]!;
              if (!top.admits(key, idOrder, id)) continue;
              if (eligibleFor && !fitsLowestCap(eligibleFor, lowestCap[i]!)) continue;
              if (filter && !filter(bucket.opportunities[i]!)) continue;
              top.push(key, idOrder, id);
              if (top.full) setFloor(top.worstKey);
            }
          }
        }
      }
    }
    return top.sorted();
  }
}

/**
 * Whether an item with no technology score could still reach the floor in a bucket whose other
 * factors are bounded by `base`: for the two open masks that apply the technology factor, with
 * the modality score at its maximum where it applies.
 */
function reachesWithoutTechnology(base: Float64Array, applied: Float64Array, skipBelow: Float64Array, modalityNeutral: boolean): boolean {
  const modality = modalityNeutral ? 0 : applied[4]!;
  return base[0]! + modality >= skipBelow[0]! || base[OPEN_MODALITY]! >= skipBelow[OPEN_MODALITY]!;
}

const regencyLocationOf = (p: PreparedInvestor, province: number, o: MatchableOpportunity): number =>
  locationScoreOf(p, province, o.regency?.lat ?? NaN, o.regency?.lon ?? NaN);

function allowedLeaves(sectors: readonly SectorCode[] | undefined, p: PreparedInvestor): Uint8Array | null {
  if (sectors === undefined) return null;
  const allowed = new Uint8Array(LEAF_COUNT);
  for (const code of sectors) {
    const leaf = LEAF_INDEX.get(code);
    if (leaf !== undefined) {
      allowed[leaf] = 1;
      continue;
    }
    const parent = PARENT_INDEX.get(code);
    if (parent === undefined) continue;
    for (let i = 0; i < LEAF_COUNT; i++) if (p.tables.leafParent[i] === parent) allowed[i] = 1;
  }
  return allowed;
}

function allowedProvinces(
  provinces: readonly ProvinceCode[] | undefined,
  islandGroups: readonly IslandGroup[] | undefined,
  p: PreparedInvestor,
): Uint8Array | null {
  if (provinces === undefined && islandGroups === undefined) return null;
  const allowed = new Uint8Array(PROVINCE_COUNT);
  for (const code of provinces ?? []) {
    const i = PROVINCE_INDEX.get(code);
    if (i !== undefined) allowed[i] = 1;
  }
  const groups = new Set((islandGroups ?? []).map((g) => GROUP_INDEX.get(g)));
  if (groups.size > 0) {
    for (let i = 0; i < PROVINCE_COUNT; i++) if (groups.has(p.tables.provinceGroup[i])) allowed[i] = 1;
  }
  return allowed;
}

/**
 * The best `limit` opportunities for one investor, ordered by (score desc, evidence desc, id asc), strictly
 * after `after`. Scores equal scorePair's exactly; explain the page with scorePair.
 */
export function rankOpportunities(index: OpportunityIndex, investor: CompiledInvestor, options: OpportunityRankOptions): RankedMatch[] {
  return index.rank(investor, options);
}

/** The best `limit` investors for one opportunity; same scores and order rules as above. */
export function rankInvestors(
  investors: readonly MatchableInvestor[],
  opportunity: MatchableOpportunity,
  weights: Readonly<Weights>,
  ref: MatchingReference,
  options: InvestorRankOptions,
): RankedMatch[] {
  const limit = Math.max(0, Math.floor(options.limit));
  if (!(limit > 0)) return [];
  const e = encodeOpportunity(opportunity);
  const minCents = centsFloor(options.minScore);
  const after = options.after;
  const afterKey = after ? cursorKey(after) : 0;
  const top = new TopK(Math.min(limit, investors.length) || 1);
  for (let i = 0; i < investors.length; i++) {
    const investor = investors[i]!;
    const key = pairKey(prepareInvestor(investor, weights, ref), e);
    if (centsOfKey(key) < minCents) continue;
    if (after && !ranksBefore(afterKey, after.id, key, investor.id)) continue;
    const idOrder = idOrderOf(investor.id);
    if (!top.admits(key, idOrder, investor.id)) continue;
    if (options.filter && !options.filter(investor)) continue;
    top.push(key, idOrder, investor.id);
  }
  return top.sorted();
}

/**
 * Where one opportunity would stand in `investor`'s ranking with these options: its place as a
 * ranked match, or null when the options leave it out. The same key, filters and eligibility
 * check as OpportunityIndex.rank, for one opportunity, so that a kept page can be tested against
 * a change without ranking again.
 */
export function placeInRanking(investor: CompiledInvestor, opportunity: MatchableOpportunity, options: Omit<OpportunityRankOptions, 'limit'>): RankedMatch | null {
  const p = investor.prepared;
  const e = encodeOpportunity(opportunity);
  if (options.sectors && !allowedLeaves(options.sectors, p)![e.leaf]) return null;
  const provinces = allowedProvinces(options.provinces, options.islandGroups, p);
  if (provinces && !provinces[e.province]) return null;
  const place = placeAt(opportunity.id, pairKey(p, e), options);
  if (!place) return null;
  if (options.eligibleFor && !isEligible(options.eligibleFor, opportunity)) return null;
  if (options.filter && !options.filter(opportunity)) return null;
  return place;
}

/** placeInRanking the other way round: where one investor would stand in rankInvestors' ranking for `opportunity`. */
export function investorPlaceInRanking(
  investor: MatchableInvestor,
  opportunity: MatchableOpportunity,
  weights: Readonly<Weights>,
  ref: MatchingReference,
  options: Omit<InvestorRankOptions, 'limit'>,
): RankedMatch | null {
  const place = placeAt(investor.id, pairKey(prepareInvestor(investor, weights, ref), encodeOpportunity(opportunity)), options);
  return place && (!options.filter || options.filter(investor)) ? place : null;
}

/** A ranked match at `key`, or null when the minimum score or the cursor leaves it out. */
function placeAt(id: string, key: number, options: Omit<RankOptions, 'limit'>): RankedMatch | null {
  if (centsOfKey(key) < centsFloor(options.minScore)) return null;
  const after = options.after;
  if (after && !ranksBefore(cursorKey(after), after.id, key, id)) return null;
  return { id, score: centsOfKey(key) / 100, evidence: shareOfKey(key) };
}

/**
 * Whether a page of `limit` results changes when the ranked item `id` changes, given the ranking it
 * was cut from (the best `limit + 1`: the one past the page says whether a next page exists)
 * and the changed item's place in that ranking now (null: left out, or gone). Every other
 * item is as it was, so the new ranking is the old one with this item taken out and put back
 * at its new place.
 */
export function pageChanges(ranked: readonly RankedMatch[], limit: number, id: string, place: RankedMatch | null): boolean {
  const at = ranked.findIndex((match) => match.id === id);
  if (at >= 0 && at < limit) return true;
  // Past the page (at === limit) or not ranked before: the page changes if the item takes a
  // place on it, or if the next page may have had only it and it left.
  if (!place) return at >= 0;
  if (ranked.length <= limit) return true;
  const last = ranked[limit - 1]!;
  return ranksBefore(cursorKey(place), place.id, cursorKey(last), last.id);
}
