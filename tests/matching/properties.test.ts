import fc from 'fast-check';
import t from 'tap';
import { PROVINCE_CODES, SECTOR_LEAVES, TRANSFER_DEPTHS, type Modality, type SectorLeaf, type Technology } from '../../src/domain/codes.ts';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/model.ts';
import { scorePair } from '../../src/domain/matching/score.ts';
import { FACTORS, type MatchableInvestor, type MatchableOpportunity, type Weights } from '../../src/domain/matching/types.ts';
import { investor, opportunity, weights } from './fixtures/arbitraries.ts';
import { holds } from './fixtures/check.ts';
import { makeReference, parentOf, ref, PROVINCES } from './fixtures/reference.ts';

const PROVINCE_LIST = [...PROVINCE_CODES];

/** Another leaf with the same parent, or null. */
function siblingOf(leaf: SectorLeaf): SectorLeaf | null {
  const parent = parentOf(leaf);
  return SECTOR_LEAVES.find((other) => other !== leaf && parent !== null && parentOf(other) === parent) ?? null;
}

const score = (i: MatchableInvestor, o: MatchableOpportunity, w: Weights) => scorePair(i, o, w, ref).score;

t.test('scores stay in [0, 100]; factors, weights and contributions are well-formed', async (t) => {
  holds(
    t,
    fc.property(investor, opportunity, weights, (i, o, w) => {
      const p = scorePair(i, o, w, ref);
      if (!(p.score >= 0 && p.score <= 100)) return false;
      if (Math.round(p.score * 100) / 100 !== p.score) return false;
      if (p.factors.map((f) => f.factor).join() !== FACTORS.join()) return false;
      let weightSum = 0;
      for (const f of p.factors) {
        if (!(f.score >= 0 && f.score <= 1 && f.weight >= 0 && f.weight <= 1 && f.contribution >= 0)) return false;
        if (f.neutral && (f.weight !== 0 || f.contribution !== 0 || f.reason.code !== 'neutral')) return false;
        weightSum += f.weight;
      }
      // Renormalised weights add up to 1 (4-decimal display rounding), or all are 0.
      return weightSum === 0 || Math.abs(weightSum - 1) <= 5 * 5e-5 + 1e-12;
    }),
    { numRuns: 1000 },
  );
});

t.test('contributions add up to the score within rounding', async (t) => {
  holds(
    t,
    fc.property(investor, opportunity, weights, (i, o, w) => {
      const p = scorePair(i, o, w, ref);
      const sum = p.factors.reduce((acc, f) => acc + f.contribution, 0);
      // Five contributions and the score are each rounded to 0.01.
      return Math.abs(sum - p.score) <= 6 * 0.005 + 1e-9;
    }),
    { numRuns: 1000 },
  );
});

t.test('the same pair always gets the same score and explanation', async (t) => {
  holds(
    t,
    fc.property(investor, opportunity, weights, (i, o, w) => {
      const a = scorePair(i, o, w, ref);
      // A fresh reference object rebuilds the cached tables from scratch.
      const b = scorePair(structuredClone(i), structuredClone(o), { ...w }, makeReference());
      return JSON.stringify(a) === JSON.stringify(b);
    }),
  );
});

t.test('improving one factor never lowers the score', async (t) => {
  t.test('holding one more technology the opportunity seeks (technology already stated)', async (t) => {
    holds(
      t,
      fc.property(investor, opportunity, weights, fc.nat(), (i, o, w, pick) => {
        const lacking = o.technologies.filter((x) => !i.technologies.includes(x));
        fc.pre(lacking.length > 0 && (i.technologies.length > 0 || i.maxTransferDepth !== null));
        const added: Technology = lacking[pick % lacking.length]!;
        const better = { ...i, technologies: [...i.technologies, added] };
        return score(better, o, w) >= score(i, o, w);
      }),
      { numRuns: 500 },
    );
  });

  t.test('willing to go one step further (willingness already stated)', async (t) => {
    holds(
      t,
      fc.property(investor, opportunity, weights, (i, o, w) => {
        const at = i.maxTransferDepth === null ? -1 : TRANSFER_DEPTHS.indexOf(i.maxTransferDepth);
        fc.pre(at >= 0 && at < TRANSFER_DEPTHS.length - 1);
        const better = { ...i, maxTransferDepth: TRANSFER_DEPTHS[at + 1]! };
        return score(better, o, w) >= score(i, o, w);
      }),
      { numRuns: 500 },
    );
  });

  t.test("adding the opportunity's province to the preferences (from any state)", async (t) => {
    holds(
      t,
      fc.property(investor, opportunity, weights, (i, o, w) => {
        const better = { ...i, preferredProvinces: [...i.preferredProvinces, o.province] };
        return score(better, o, w) >= score(i, o, w);
      }),
      { numRuns: 500 },
    );
  });

  t.test("adding the opportunity's island group (location already stated)", async (t) => {
    holds(
      t,
      fc.property(investor, opportunity, weights, (i, o, w) => {
        fc.pre(i.preferredProvinces.length > 0 || i.preferredIslandGroups.length > 0);
        const group = PROVINCES[o.province].islandGroup;
        const better = { ...i, preferredIslandGroups: [...i.preferredIslandGroups, group] };
        return score(better, o, w) >= score(i, o, w);
      }),
      { numRuns: 500 },
    );
  });

  t.test("widening the sectors to include the opportunity's leaf or its parent (from any state)", async (t) => {
    holds(
      t,
      fc.property(investor, opportunity, weights, fc.boolean(), (i, o, w, useParent) => {
        const code = useParent ? (parentOf(o.sector) ?? o.sector) : o.sector;
        const better = { ...i, sectors: [...i.sectors, code] };
        return score(better, o, w) >= score(i, o, w);
      }),
      { numRuns: 500 },
    );
  });

  t.test('accepting one more modality the opportunity offers (modality already stated)', async (t) => {
    holds(
      t,
      fc.property(investor, opportunity, weights, fc.nat(), (i, o, w, pick) => {
        const missing = o.modalities.filter((m) => !i.modalities.includes(m));
        fc.pre(missing.length > 0 && i.modalities.length > 0);
        const added: Modality = missing[pick % missing.length]!;
        const better = { ...i, modalities: [...i.modalities, added] };
        return score(better, o, w) >= score(i, o, w);
      }),
      { numRuns: 500 },
    );
  });

  t.test('accepting every modality the opportunity offers (from any state)', async (t) => {
    holds(
      t,
      fc.property(investor, opportunity, weights, (i, o, w) => {
        fc.pre(o.modalities.length > 0);
        const better = { ...i, modalities: [...new Set([...i.modalities, ...o.modalities])] };
        return score(better, o, w) >= score(i, o, w);
      }),
      { numRuns: 500 },
    );
  });

  t.test("a ticket range covering the opportunity's range (from any state)", async (t) => {
    holds(
      t,
      fc.property(investor, opportunity, weights, (i, o, w) => {
        const ticket = i.ticketUsd ?? o.investmentUsd;
        const better = {
          ...i,
          ticketUsd: {
            min: Math.min(ticket.min, o.investmentUsd.min),
            max: Math.max(ticket.max, o.investmentUsd.max),
          },
        };
        return score(better, o, w) >= score(i, o, w);
      }),
      { numRuns: 500 },
    );
  });
});

t.test('a stated factor scored 1 never lowers the score compared with leaving it neutral', async (t) => {
  holds(
    t,
    fc.property(investor, opportunity, weights, (i, o, w) => {
      const neutralSector = { ...i, sectors: [] };
      const exactSector = { ...i, sectors: [o.sector] };
      return score(exactSector, o, w) >= score(neutralSector, o, w);
    }),
  );
});

t.test('the weight of a factor left open changes only the evidence: more of it never raises the score', async (t) => {
  holds(
    t,
    fc.property(investor, opportunity, weights, fc.constantFrom(...FACTORS), fc.double({ min: 0, max: 1, noNaN: true }), (i, o, w, f, x) => {
      const a = scorePair(i, o, w, ref);
      fc.pre(a.factors.find((r) => r.factor === f)!.neutral);
      const b = scorePair(i, o, { ...w, [f]: x }, ref);
      const facts = (p: typeof a) => JSON.stringify(p.factors.map(({ contribution: _, ...rest }) => rest));
      const moved = Math.sign(b.score - a.score);
      return facts(a) === facts(b) && (moved === 0 || moved === Math.sign(w[f] - x));
    }),
    { numRuns: 500 },
  );
});

t.test('a factor either side leaves open adds nothing and takes nothing away: it is left out', async (t) => {
  holds(
    t,
    fc.property(investor, opportunity, weights, (i, o, w) => {
      const p = scorePair(i, o, w, ref);
      const open = p.factors.filter((f) => f.neutral);
      const investorOpen = i.technologies.length === 0 && i.maxTransferDepth === null;
      const technology = p.factors.find((f) => f.factor === 'technology')!;
      const modality = p.factors.find((f) => f.factor === 'modality')!;
      return (
        open.every((f) => f.weight === 0 && f.contribution === 0 && !f.supports && f.reason.code === 'neutral') &&
        (o.technologies.length > 0 || investorOpen || (technology.neutral && technology.reason.params.side === 'opportunity')) &&
        (o.modalities.length > 0 || i.modalities.length === 0 || (modality.neutral && modality.reason.params.side === 'opportunity'))
      );
    }),
    { numRuns: 500 },
  );
});

t.test('less evidence never outranks an equally good match resting on more', async (t) => {
  // An opportunity that seeks exactly what the investor holds, within its willingness, scores
  // technology 1; the same opportunity seeking nothing leaves technology open. With every
  // other factor equal, the first rests on more evidence and is at least as good.
  holds(
    t,
    fc.property(investor, opportunity, weights, (i, o, w) => {
      fc.pre(i.technologies.length > 0);
      const seeking = { ...o, technologies: i.technologies.slice(0, 4), requiredTransferDepth: i.maxTransferDepth ?? o.requiredTransferDepth };
      const seekingNothing = { ...o, technologies: [] };
      const a = scorePair(i, seeking, w, ref);
      const b = scorePair(i, seekingNothing, w, ref);
      return a.score >= b.score && a.evidence.share >= b.evidence.share;
    }),
    { numRuns: 500 },
  );
});

t.test('every match carries the band its score falls in, and its supporting factors', async (t) => {
  holds(
    t,
    fc.property(investor, opportunity, weights, (i, o, w) => {
      const p = scorePair(i, o, w, ref);
      const band = p.score >= 75 ? 'strong' : p.score >= 50 ? 'good' : 'weak';
      return p.band === band && p.factors.every((f) => f.supports === (!f.neutral && w[f.factor] > 0 && f.score >= 0.5));
    }),
    { numRuns: 500 },
  );
});

t.test('with default weights, own leaf sector seeking what the investor holds beats a sibling seeking nothing, wherever they lie', async (t) => {
  holds(
    t,
    fc.property(investor, opportunity, fc.constantFrom(...PROVINCE_LIST), fc.constantFrom(...PROVINCE_LIST), (i, o, farProvince, nearProvince) => {
      const sibling = siblingOf(o.sector);
      fc.pre(sibling !== null && i.technologies.length > 0);
      const investorOwn = { ...i, sectors: [o.sector] };
      const own = {
        ...o,
        province: farProvince,
        technologies: i.technologies.slice(0, 4),
        requiredTransferDepth: i.maxTransferDepth ?? o.requiredTransferDepth,
      };
      const other = { ...o, id: 'sibling', sector: sibling!, province: nearProvince, technologies: [] };
      return score(investorOwn, own, DEFAULT_WEIGHTS) > score(investorOwn, other, DEFAULT_WEIGHTS);
    }),
    { numRuns: 1000 },
  );
});

t.test('default weights are used as given when nothing is neutral', async (t) => {
  holds(
    t,
    fc.property(investor, opportunity, (i, o) => {
      const p = scorePair(i, o, DEFAULT_WEIGHTS, ref);
      fc.pre(p.factors.every((f) => !f.neutral));
      return p.factors.every((f) => f.weight === DEFAULT_WEIGHTS[f.factor]);
    }),
  );
});

t.test('badges never change the score', async (t) => {
  holds(
    t,
    fc.property(investor, opportunity, weights, (i, o, w) => {
      const withMou = scorePair({ ...i, country: 'KR' }, o, w, ref);
      const without = scorePair({ ...i, country: 'US' }, o, w, ref);
      return (
        withMou.score === without.score &&
        withMou.badges.length === 1 &&
        without.badges.length === 0 &&
        JSON.stringify(withMou.factors) === JSON.stringify(without.factors)
      );
    }),
  );
});
