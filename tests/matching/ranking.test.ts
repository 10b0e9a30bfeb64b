import fc from 'fast-check';
import t from 'tap';
import { ISLAND_GROUPS, PROVINCE_CODES, SECTOR_CODES } from '../../src/domain/codes.ts';
import {
  OpportunityIndex,
  compileInvestor,
  rankInvestors,
  rankOpportunities,
  type OpportunityRankOptions,
  type RankCursor,
  type RankedMatch,
} from '../../src/domain/matching/index.ts';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/model.ts';
import { isEligible } from '../../src/domain/eligibility.ts';
import { OWNERSHIP_INTENTS } from '../../src/domain/investment-facts.ts';
import { KBLI_CODES } from '../../src/domain/reference/kbli.ts';
import { compareRanked, scorePair } from '../../src/domain/matching/score.ts';
import { FACTORS, type MatchableInvestor, type MatchableOpportunity, type Weights } from '../../src/domain/matching/types.ts';
import {
  investor,
  investors,
  opportunities,
  opportunityBody,
  opportunityBodyFields,
  weights,
} from './fixtures/arbitraries.ts';
import { holds } from './fixtures/check.ts';
import { parentOf, PROVINCES, ref } from './fixtures/reference.ts';

function bruteOpportunities(
  i: MatchableInvestor,
  opps: readonly MatchableOpportunity[],
  w: Weights,
  keep: (o: MatchableOpportunity, score: number) => boolean = () => true,
): RankedMatch[] {
  return opps
    .map((o) => ({ o, pair: scorePair(i, o, w, ref) }))
    .filter(({ o, pair }) => keep(o, pair.score))
    .map(({ o, pair }) => ({ id: o.id, score: pair.score, evidence: pair.evidence.share }))
    .sort(compareRanked);
}

function bruteInvestors(invs: readonly MatchableInvestor[], o: MatchableOpportunity, w: Weights): RankedMatch[] {
  return invs
    .map((i) => scorePair(i, o, w, ref))
    .map((pair) => ({ id: pair.investorId, score: pair.score, evidence: pair.evidence.share }))
    .sort(compareRanked);
}

function isStrictlyOrdered(list: readonly RankedMatch[]): boolean {
  return list.every((r, k) => k === 0 || compareRanked(list[k - 1]!, r) < 0);
}

/** Walks every page through the cursor. */
function allPages(fetch: (after: RankCursor | undefined) => RankedMatch[], pageSize: number): RankedMatch[] {
  const out: RankedMatch[] = [];
  let after: RankCursor | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = fetch(after);
    out.push(...page);
    if (page.length < pageSize) return out;
    after = page[page.length - 1]!;
  }
  throw new Error('pagination did not end');
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * No result that scored strictly above another scores strictly below it afterwards. (Scores
 * scaled alike may round to a tie, which the tie-break then orders; that is not an inversion.)
 */
function neverInverts(before: readonly RankedMatch[], after: readonly RankedMatch[]): boolean {
  const later = new Map(after.map((r) => [r.id, r.score]));
  if (later.size !== before.length) return false;
  return before.every((x, k) => before.slice(k + 1).every((y) => x.score === y.score || later.get(x.id)! >= later.get(y.id)!));
}

t.test('fast path equals the brute-force scorePair ranking', async (t) => {
  holds(
    t,
    fc.property(investor, opportunities(80), weights, fc.integer({ min: 1, max: 100 }), (i, opps, w, limit) => {
      const index = new OpportunityIndex(opps);
      const fast = rankOpportunities(index, compileInvestor(i, w, ref), { limit });
      return same(fast, bruteOpportunities(i, opps, w).slice(0, limit));
    }),
    { numRuns: 300 },
  );
});

t.test('paging with `after` walks the brute-force ranking with no duplicates and no gaps', async (t) => {
  holds(
    t,
    fc.property(investor, opportunities(80), weights, fc.integer({ min: 1, max: 9 }), (i, opps, w, pageSize) => {
      const index = new OpportunityIndex(opps);
      const compiled = compileInvestor(i, w, ref);
      const walked = allPages((after) => rankOpportunities(index, compiled, { limit: pageSize, after }), pageSize);
      return same(walked, bruteOpportunities(i, opps, w)) && new Set(walked.map((r) => r.id)).size === walked.length;
    }),
    { numRuns: 300 },
  );
});

t.test('a cursor that matches no result still splits the ranking exactly', async (t) => {
  holds(
    t,
    fc.property(
      investor,
      opportunities(60),
      weights,
      fc.integer({ min: 0, max: 10000 }),
      fc.integer({ min: 0, max: 10000 }),
      fc.string({ maxLength: 4 }),
      (i, opps, w, cents, ticks, id) => {
        const after = { score: cents / 100, evidence: ticks / 10000, id };
        const fast = rankOpportunities(new OpportunityIndex(opps), compileInvestor(i, w, ref), { limit: 1000, after });
        const expected = bruteOpportunities(i, opps, w).filter((r) => compareRanked(after, r) < 0);
        return same(fast, expected);
      },
    ),
  );
});

t.test('structured filters and minScore agree with filtering the brute-force ranking', async (t) => {
  const filters = fc.record(
    {
      sectors: fc.subarray([...SECTOR_CODES], { maxLength: 4 }),
      provinces: fc.subarray([...PROVINCE_CODES], { maxLength: 8 }),
      islandGroups: fc.subarray([...ISLAND_GROUPS], { maxLength: 2 }),
      minScore: fc.integer({ min: 0, max: 10000 }).map((c) => c / 100),
      oddIdsOnly: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  holds(
    t,
    fc.property(investor, opportunities(80), weights, filters, fc.integer({ min: 1, max: 30 }), (i, opps, w, f, limit) => {
      const options: OpportunityRankOptions = { limit };
      if (f.sectors) options.sectors = f.sectors;
      if (f.provinces) options.provinces = f.provinces;
      if (f.islandGroups) options.islandGroups = f.islandGroups;
      if (f.minScore !== undefined) options.minScore = f.minScore;
      if (f.oddIdsOnly) options.filter = (o) => o.id.length % 2 === 1;
      const sectorOk = (o: MatchableOpportunity) =>
        !f.sectors || f.sectors.includes(o.sector) || f.sectors.some((s) => s === parentOf(o.sector));
      const placeOk = (o: MatchableOpportunity) =>
        (!f.provinces && !f.islandGroups) ||
        (f.provinces ?? []).includes(o.province) ||
        (f.islandGroups ?? []).includes(PROVINCES[o.province].islandGroup);
      const expected = bruteOpportunities(
        i,
        opps,
        w,
        (o, score) =>
          sectorOk(o) &&
          placeOk(o) &&
          score >= (f.minScore ?? 0) &&
          (!f.oddIdsOnly || o.id.length % 2 === 1),
      ).slice(0, limit);
      return same(rankOpportunities(new OpportunityIndex(opps), compileInvestor(i, w, ref), options), expected);
    }),
    { numRuns: 300 },
  );
});

t.test('ranking only what an investor may legally take equals filtering the brute-force ranking by isEligible', async (t) => {
  const stake = fc.record({ country: fc.constantFrom('ID', 'KR', 'JP', 'DE', ''), ownershipIntent: fc.constantFrom(null, ...OWNERSHIP_INTENTS) });
  const kbliLists = fc.array(fc.option(fc.array(fc.constantFrom(...KBLI_CODES, '99999'), { maxLength: 3 }), { nil: undefined }), { minLength: 80, maxLength: 80 });
  holds(
    t,
    fc.property(investor, stake, opportunities(80), kbliLists, weights, fc.integer({ min: 1, max: 30 }), (i, s, opps, lists, w, limit) => {
      const investorWithStake = { ...i, ...s };
      const withCodes = opps.map((o, k) => (lists[k] ? { ...o, kbliCodes: lists[k] } : o));
      const index = new OpportunityIndex(withCodes);
      // Removed and added again, so items move between positions, the kept caps must still follow each opportunity.
      for (const o of withCodes.slice(0, 10)) index.remove(o.id);
      for (const o of withCodes.slice(0, 10)) index.add(o);
      const expected = bruteOpportunities(investorWithStake, withCodes, w, (o) => isEligible(investorWithStake, o)).slice(0, limit);
      return same(rankOpportunities(index, compileInvestor(investorWithStake, w, ref), { limit, eligibleFor: investorWithStake }), expected);
    }),
    { numRuns: 200 },
  );
});

t.test('every direction gives a pair the same score', async (t) => {
  holds(
    t,
    fc.property(investors(12), opportunities(12), weights, (invs, opps, w) => {
      const index = new OpportunityIndex(opps);
      const byInvestor = new Map<string, number>();
      for (const i of invs) {
        for (const r of rankOpportunities(index, compileInvestor(i, w, ref), { limit: opps.length })) {
          byInvestor.set(`${i.id}\u0000${r.id}`, r.score);
        }
      }
      for (const o of opps) {
        const ranked = rankInvestors(invs, o, w, ref, { limit: invs.length });
        if (ranked.length !== invs.length) return false;
        for (const r of ranked) {
          const pair = scorePair(invs.find((i) => i.id === r.id)!, o, w, ref).score;
          if (r.score !== pair || byInvestor.get(`${r.id}\u0000${o.id}`) !== pair) return false;
        }
      }
      return byInvestor.size === invs.length * opps.length;
    }),
    { numRuns: 150 },
  );
});

t.test('rankInvestors equals the brute-force ranking, page by page', async (t) => {
  holds(
    t,
    fc.property(investors(40), fc.tuple(fc.constant('o'), opportunityBody), weights, fc.integer({ min: 1, max: 7 }), (invs, [id, body], w, pageSize) => {
      const o = { id, ...body };
      const walked = allPages((after) => rankInvestors(invs, o, w, ref, { limit: pageSize, after }), pageSize);
      const minScore = 50;
      const above = rankInvestors(invs, o, w, ref, { limit: 1000, minScore });
      const expected = bruteInvestors(invs, o, w);
      return same(walked, expected) && same(above, expected.filter((r) => r.score >= minScore));
    }),
    { numRuns: 200 },
  );
});

t.test('order is deterministic: shuffled input gives the same output, ties broken by id', async (t) => {
  holds(
    t,
    fc.property(
      investor,
      opportunities(60).chain((opps) =>
        fc.tuple(fc.constant(opps), fc.shuffledSubarray(opps, { minLength: opps.length, maxLength: opps.length })),
      ),
      investors(30).chain((invs) =>
        fc.tuple(fc.constant(invs), fc.shuffledSubarray(invs, { minLength: invs.length, maxLength: invs.length })),
      ),
      weights,
      (i, [opps, shuffledOpps], [invs, shuffledInvs], w) => {
        const compiled = compileInvestor(i, w, ref);
        const a = rankOpportunities(new OpportunityIndex(opps), compiled, { limit: 1000 });
        const b = rankOpportunities(new OpportunityIndex(shuffledOpps), compiled, { limit: 1000 });
        const o = opps[0]!;
        const c = rankInvestors(invs, o, w, ref, { limit: 1000 });
        const d = rankInvestors(shuffledInvs, o, w, ref, { limit: 1000 });
        return same(a, b) && same(c, d) && isStrictlyOrdered(a) && isStrictlyOrdered(c);
      },
    ),
    { numRuns: 200 },
  );
});

t.test("changing the weight of a factor the investor leaves open never reorders its results", async (t) => {
  holds(
    t,
    fc.property(
      investor,
      opportunities(50),
      weights,
      fc.constantFrom(...FACTORS),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (i, opps, w, f, x) => {
        const neutralised: MatchableInvestor = {
          ...i,
          ...(f === 'sector' && { sectors: [] }),
          ...(f === 'technology' && { technologies: [], maxTransferDepth: null }),
          ...(f === 'location' && { preferredProvinces: [], preferredIslandGroups: [] }),
          ...(f === 'size' && { ticketUsd: null }),
          ...(f === 'modality' && { modalities: [] }),
        };
        const index = new OpportunityIndex(opps);
        const before = rankOpportunities(index, compileInvestor(neutralised, w, ref), { limit: 1000 });
        const after = rankOpportunities(index, compileInvestor(neutralised, { ...w, [f]: x }, ref), { limit: 1000 });
        // Only the evidence share moves, by the same factor for every result.
        return neverInverts(before, after);
      },
    ),
    { numRuns: 300 },
  );
});

t.test("changing factor F's weight keeps the relative order of investors neutral on F", async (t) => {
  holds(
    t,
    fc.property(
      investors(40),
      fc.tuple(fc.constant('o'), opportunityBody),
      weights,
      fc.constantFrom(...FACTORS),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (invs, [id, body], w, f, x) => {
        const o = { id, ...body };
        const neutralOnF = new Set(
          invs.filter((i) => scorePair(i, o, w, ref).factors.find((r) => r.factor === f)!.neutral).map((i) => i.id),
        );
        const pick = (list: RankedMatch[]) => list.filter((r) => neutralOnF.has(r.id));
        const w2 = { ...w, [f]: x };
        fc.pre(Object.values(w2).some((v) => v > 0));
        return neverInverts(pick(rankInvestors(invs, o, w, ref, { limit: 1000 })), pick(rankInvestors(invs, o, w2, ref, { limit: 1000 })));
      },
    ),
    { numRuns: 300 },
  );
});

t.test('the index stays exact through any sequence of add, update and remove', async (t) => {
  const ID_POOL = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
  // Few sectors, provinces and depths, so items share buckets and swap-removal moves them.
  const crowded = fc.record({
    ...opportunityBodyFields,
    sector: fc.constantFrom('vaccines' as const, 'medical-consumables' as const),
    province: fc.constantFrom('ID-JI' as const, 'ID-PA' as const),
    requiredTransferDepth: fc.constantFrom('none' as const, 'licensing' as const),
  });
  const op = fc.oneof(
    fc.record({ kind: fc.constant('upsert' as const), id: fc.constantFrom(...ID_POOL), body: fc.oneof(crowded, opportunityBody) }),
    fc.record({ kind: fc.constant('remove' as const), id: fc.constantFrom(...ID_POOL) }),
  );
  holds(
    t,
    fc.property(investor, weights, fc.array(op, { maxLength: 120 }), (i, w, ops) => {
      const index = new OpportunityIndex();
      const model = new Map<string, MatchableOpportunity>();
      for (const step of ops) {
        if (step.kind === 'remove') {
          if (index.remove(step.id) !== model.delete(step.id)) return false;
          continue;
        }
        const o = { id: step.id, ...step.body };
        if (model.has(step.id)) index.update(o);
        else index.add(o);
        model.set(step.id, o);
      }
      if (index.size !== model.size) return false;
      for (const [id, o] of model) if (index.get(id) !== o) return false;
      if (ID_POOL.some((id) => !model.has(id) && (index.has(id) || index.get(id) !== undefined))) return false;
      const fast = rankOpportunities(index, compileInvestor(i, w, ref), { limit: 100 });
      return same(fast, bruteOpportunities(i, [...model.values()], w)) && [...index.values()].length === model.size;
    }),
    { numRuns: 300 },
  );
});

t.test('index edge cases', async (t) => {
  const o: MatchableOpportunity = {
    id: 'x',
    sector: 'vaccines',
    technologies: [],
    requiredTransferDepth: 'none',
    modalities: [],
    province: 'ID-JK',
    investmentUsd: { min: 1e6, max: 1e6 },
  };
  const index = new OpportunityIndex();
  const i: MatchableInvestor = {
    id: 'i',
    country: 'KR',
    sectors: ['vaccines'],
    technologies: [],
    maxTransferDepth: null,
    modalities: [],
    preferredProvinces: [],
    preferredIslandGroups: [],
    ticketUsd: null,
  };
  const compiled = compileInvestor(i, DEFAULT_WEIGHTS, ref);
  t.same(rankOpportunities(index, compiled, { limit: 10 }), [], 'empty index');
  index.add(o);
  t.throws(() => index.add(o), 'duplicate add');
  t.throws(() => index.update({ ...o, id: 'y' }), 'update of an unknown id');
  t.throws(() => index.upsert({ ...o, id: 'bad', sector: 'nope' as never }), 'unknown sector');
  t.notOk(index.has('bad'), 'an invalid opportunity leaves the index untouched');
  t.same(rankOpportunities(index, compiled, { limit: 0 }), [], 'limit 0');
  // Only the sector is known (30 % of the default weight): 100 × √0.3.
  t.same(rankOpportunities(index, compiled, { limit: 10 }), [{ id: 'x', score: 54.77, evidence: 0.3 }]);
  t.equal(index.remove('x'), true);
  t.equal(index.remove('x'), false);
  t.same(rankInvestors([i], o, DEFAULT_WEIGHTS, ref, { limit: 0 }), []);
  t.same(rankInvestors([], o, DEFAULT_WEIGHTS, ref, { limit: 5 }), []);
});
