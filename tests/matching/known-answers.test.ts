import t, { type Test } from 'tap';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/model.ts';
import { scorePair, type PairScore } from '../../src/domain/matching/score.ts';
import type { MatchableInvestor, MatchableOpportunity } from '../../src/domain/matching/types.ts';
import { ref } from './fixtures/reference.ts';

/*
 * Hand-built scenarios. Expected factor scores are worked out from the published formulas;
 * distances are haversine on the fixture coordinates with R = 6371.0088 km:
 *   Surabaya (ID-JI, -7.25, 112.75) → Jayapura (ID-PA, -2.53, 140.72) = 3141.825 km.
 */
const JI_PA_KM = 3141.8250142147576;
const L_PAPUA_FROM_JI = 0.4 * Math.exp(-JI_PA_KM / 1000); // 0.0172816
const Z_50M_VS_30M = 0.5 * Math.exp(-Math.log10(50 / 30) / 0.5); // 0.3208297

const bloodBagMaker: MatchableInvestor = {
  id: 'inv-kr-bloodbag',
  country: 'KR',
  sectors: ['medical-consumables'],
  technologies: ['blood-bag-manufacturing', 'polymer-disposables'],
  maxTransferDepth: 'full-transfer',
  modalities: ['joint-venture', 'contract-manufacturing'],
  preferredProvinces: ['ID-JI'],
  preferredIslandGroups: [],
  ticketUsd: { min: 5_000_000, max: 30_000_000 },
};

const diagnosticsFirm: MatchableInvestor = {
  id: 'inv-jp-ivd',
  country: 'JP',
  sectors: ['medical-devices'],
  technologies: [],
  maxTransferDepth: null,
  modalities: ['licensing'],
  preferredProvinces: [],
  preferredIslandGroups: ['java'],
  ticketUsd: null,
};

const vaccineMaker: MatchableInvestor = {
  id: 'inv-de-vaccine',
  country: 'DE',
  sectors: ['vaccines'],
  technologies: ['cell-culture-vaccine'],
  maxTransferDepth: 'licensing',
  modalities: ['joint-venture'],
  preferredProvinces: ['ID-PA'],
  preferredIslandGroups: [],
  ticketUsd: { min: 100_000_000, max: 500_000_000 },
};

const bloodBagPlantEastJava: MatchableOpportunity = {
  id: 'opp-a',
  sector: 'medical-consumables',
  technologies: ['blood-bag-manufacturing'],
  requiredTransferDepth: 'full-transfer',
  modalities: ['joint-venture'],
  province: 'ID-JI',
  investmentUsd: { min: 10_000_000, max: 20_000_000 },
};

const vaccinePlantPapua: MatchableOpportunity = {
  id: 'opp-b',
  sector: 'vaccines',
  technologies: ['cell-culture-vaccine', 'sterile-fill-finish'],
  requiredTransferDepth: 'joint-development',
  modalities: ['greenfield', 'joint-venture'],
  province: 'ID-PA',
  investmentUsd: { min: 50_000_000, max: 200_000_000 },
};

const ivdWestJava: MatchableOpportunity = {
  id: 'opp-c',
  sector: 'in-vitro-diagnostics',
  technologies: ['rapid-diagnostic-tests'],
  requiredTransferDepth: 'licensing',
  modalities: ['licensing', 'joint-venture'],
  province: 'ID-JB',
  investmentUsd: { min: 2_000_000, max: 5_000_000 },
};

const glovePlantBanten: MatchableOpportunity = {
  id: 'opp-e',
  sector: 'personal-protective-equipment',
  technologies: ['glove-dipping', 'polymer-disposables'],
  requiredTransferDepth: 'licensing',
  modalities: ['contract-manufacturing', 'licensing', 'acquisition'],
  province: 'ID-BT',
  investmentUsd: { min: 1_000_000, max: 5_000_000 },
};

function factor(pair: PairScore, name: string) {
  const f = pair.factors.find((x) => x.factor === name);
  if (!f) throw new Error(`no factor ${name}`);
  return f;
}

function expectFactors(
  t: Test,
  pair: PairScore,
  expected: Record<string, { score: number; weight: number; neutral?: boolean; code: string }>,
): void {
  for (const [name, e] of Object.entries(expected)) {
    const f = factor(pair, name);
    t.equal(f.neutral, e.neutral ?? false, `${name} neutral`);
    t.ok(Math.abs(f.score - e.score) <= 5e-5, `${name} score ${f.score} ≈ ${e.score}`);
    t.ok(Math.abs(f.weight - e.weight) <= 5e-5, `${name} weight ${f.weight} ≈ ${e.weight}`);
    t.equal(f.reason.code, e.code, `${name} reason`);
  }
}

t.test('blood-bag maker × blood-bag plant in East Java: everything fits', async (t) => {
  const pair = scorePair(bloodBagMaker, bloodBagPlantEastJava, DEFAULT_WEIGHTS, ref);
  t.equal(pair.score, 100);
  expectFactors(t, pair, {
    sector: { score: 1, weight: 0.3, code: 'sector-exact' },
    technology: { score: 1, weight: 0.3, code: 'technology' },
    location: { score: 1, weight: 0.15, code: 'location-province' },
    size: { score: 1, weight: 0.15, code: 'size-within' },
    modality: { score: 1, weight: 0.1, code: 'modality' },
  });
  t.same(factor(pair, 'technology').reason.params, {
    sought: ['blood-bag-manufacturing'],
    held: ['blood-bag-manufacturing'],
    missing: [],
    coverage: 1,
    required: 'full-transfer',
    depthFit: 1,
    stepsShort: 0,
    willing: 'full-transfer',
  });
  t.same(pair.badges, [{ code: 'health-mou', params: { country: 'KR' } }]);
});

t.test('blood-bag maker × vaccine plant in Papua: little in common', async (t) => {
  const pair = scorePair(bloodBagMaker, vaccinePlantPapua, DEFAULT_WEIGHTS, ref);
  expectFactors(t, pair, {
    sector: { score: 0, weight: 0.3, code: 'sector-other' },
    technology: { score: 0, weight: 0.3, code: 'technology' },
    location: { score: L_PAPUA_FROM_JI, weight: 0.15, code: 'location-distance' },
    size: { score: Z_50M_VS_30M, weight: 0.15, code: 'size-gap' },
    modality: { score: 0.5, weight: 0.1, code: 'modality' },
  });
  // 100 × (0.15 × 0.0172816 + 0.15 × 0.3208297 + 0.1 × 0.5) = 10.0717
  t.equal(pair.score, 10.07);
  t.same(
    pair.factors.map((f) => f.contribution),
    [0, 0, 0.26, 4.81, 5],
  );
  t.same(factor(pair, 'location').reason.params, { province: 'ID-PA', nearest: 'ID-JI', distanceKm: 3142 });
  t.same(factor(pair, 'size').reason.params, {
    min: 50_000_000,
    max: 200_000_000,
    ticketMin: 5_000_000,
    ticketMax: 30_000_000,
    direction: 'above',
    times: 1.7,
  });
  // Lists follow the vocabulary's order in codes.ts.
  t.same(factor(pair, 'technology').reason.params.missing, ['sterile-fill-finish', 'cell-culture-vaccine']);
});

t.test('blood-bag maker × glove plant in Banten: partial on every factor', async (t) => {
  const pair = scorePair(bloodBagMaker, glovePlantBanten, DEFAULT_WEIGHTS, ref);
  expectFactors(t, pair, {
    // PPE and medical consumables are both medical-device leaves.
    sector: { score: 0.5, weight: 0.3, code: 'sector-sibling' },
    // Holds polymer-disposables, not glove-dipping; licensing is within its willingness.
    technology: { score: 0.5, weight: 0.3, code: 'technology' },
    // Banten is on Java, like the preferred East Java.
    location: { score: 0.6, weight: 0.15, code: 'location-island-group-of-province' },
    // 1M–5M and 5M–30M touch at 5M: zero overlap, zero gap.
    size: { score: 0.5, weight: 0.15, code: 'size-overlap' },
    modality: { score: 0.3333, weight: 0.1, code: 'modality' },
  });
  // 15 + 15 + 9 + 7.5 + 3.333 = 49.833
  t.equal(pair.score, 49.83);
  t.same(
    pair.factors.map((f) => f.contribution),
    [15, 15, 9, 7.5, 3.33],
  );
  t.same(factor(pair, 'sector').reason.params, {
    sector: 'personal-protective-equipment',
    parent: 'medical-devices',
    listed: ['medical-consumables'],
  });
  t.same(factor(pair, 'location').reason.params.preferred, ['ID-JI']);
});

t.test('diagnostics firm with neutral factors × IVD plant in West Java', async (t) => {
  const pair = scorePair(diagnosticsFirm, ivdWestJava, DEFAULT_WEIGHTS, ref);
  // Technology and size are neutral: 0.3 + 0.15 + 0.1 = 0.55 is renormalised to 1.
  expectFactors(t, pair, {
    sector: { score: 1, weight: 0.3 / 0.55, code: 'sector-parent' },
    technology: { score: 0, weight: 0, neutral: true, code: 'neutral' },
    location: { score: 0.6, weight: 0.15 / 0.55, code: 'location-island-group' },
    size: { score: 0, weight: 0, neutral: true, code: 'neutral' },
    modality: { score: 0.5, weight: 0.1 / 0.55, code: 'modality' },
  });
  // Mean (0.3 × 1 + 0.15 × 0.6 + 0.1 × 0.5) / 0.55 = 0.8, on 55 % of the weight: 0.8 × √0.55 = 0.5933
  t.equal(pair.score, 59.33);
  t.same(pair.evidence, { share: 0.55, scale: 0.7416 });
  t.equal(pair.band, 'good');
  t.same(
    pair.factors.map((f) => f.contribution),
    [40.45, 0, 12.14, 0, 6.74],
  );
  t.same(
    pair.factors.map((f) => f.supports),
    [true, false, true, false, true],
  );
  t.same(factor(pair, 'technology').reason.params, { factor: 'technology', side: 'investor' });
  t.same(pair.badges, [{ code: 'health-mou', params: { country: 'JP' } }]);
});

t.test('diagnostics firm × vaccine plant in Papua: distance from the nearest Java province', async (t) => {
  const pair = scorePair(diagnosticsFirm, vaccinePlantPapua, DEFAULT_WEIGHTS, ref);
  t.same(factor(pair, 'location').reason.params, { province: 'ID-PA', nearest: 'ID-JI', distanceKm: 3142 });
  t.equal(factor(pair, 'modality').score, 0);
  // 100 × √0.55 × 0.15 / 0.55 × 0.0172816 = 0.3495
  t.equal(pair.score, 0.35);
  t.equal(pair.band, 'weak');
});

t.test('vaccine maker × vaccine plant in Papua: one step short on depth, half the range', async (t) => {
  const pair = scorePair(vaccineMaker, vaccinePlantPapua, DEFAULT_WEIGHTS, ref);
  expectFactors(t, pair, {
    sector: { score: 1, weight: 0.3, code: 'sector-exact' },
    // coverage 1/2 × depth fit 0.5 (licensing is one step short of joint development)
    technology: { score: 0.25, weight: 0.3, code: 'technology' },
    location: { score: 1, weight: 0.15, code: 'location-province' },
    // log ranges [7.699, 8.301] and [8, 8.699]: overlap 0.301 of the shorter 0.602 → 0.5 + 0.5 × 0.5
    size: { score: 0.75, weight: 0.15, code: 'size-overlap' },
    modality: { score: 0.5, weight: 0.1, code: 'modality' },
  });
  t.equal(pair.score, 68.75);
  t.equal(factor(pair, 'technology').reason.params.stepsShort, 1);
  t.equal(factor(pair, 'size').reason.params.overlapPercent, 50);
  t.same(pair.badges, []);
});

t.test('technology when only part of it is stated', async (t) => {
  const base = { ...vaccineMaker, sectors: [], modalities: [], preferredProvinces: [], ticketUsd: null };
  const heldNoWillingness = scorePair(
    { ...base, technologies: ['cell-culture-vaccine', 'sterile-fill-finish'], maxTransferDepth: null },
    vaccinePlantPapua,
    DEFAULT_WEIGHTS,
    ref,
  );
  // Depth term left out: coverage alone. The only known factor carries 30 % of the weight: 100 × √0.3.
  t.equal(factor(heldNoWillingness, 'technology').score, 1);
  t.equal(factor(heldNoWillingness, 'technology').weight, 1);
  t.equal(heldNoWillingness.score, 54.77);
  t.notOk('willing' in factor(heldNoWillingness, 'technology').reason.params);

  const willingNoTechnology = { ...base, technologies: [], maxTransferDepth: 'full-transfer' as const };
  // States willingness, holds none of what is sought.
  t.equal(scorePair(willingNoTechnology, vaccinePlantPapua, DEFAULT_WEIGHTS, ref).score, 0);
  t.equal(factor(scorePair(willingNoTechnology, vaccinePlantPapua, DEFAULT_WEIGHTS, ref), 'technology').neutral, false);
  // Nothing sought: the opportunity leaves technology open, so it is left out, not scored 1;
  // this investor states nothing else, so nothing is compared.
  const seeksNothing = { ...vaccinePlantPapua, technologies: [], requiredTransferDepth: 'full-transfer' as const };
  const open = scorePair(willingNoTechnology, seeksNothing, DEFAULT_WEIGHTS, ref);
  t.equal(open.score, 0);
  t.same(factor(open, 'technology'), {
    factor: 'technology',
    neutral: true,
    score: 0,
    weight: 0,
    contribution: 0,
    supports: false,
    reason: { code: 'neutral', params: { factor: 'technology', side: 'opportunity' } },
  });

  const steps = (willing: 'none' | 'licensing', required: 'joint-development' | 'full-transfer') =>
    factor(
      scorePair(
        { ...base, technologies: ['cell-culture-vaccine', 'sterile-fill-finish'], maxTransferDepth: willing },
        { ...vaccinePlantPapua, requiredTransferDepth: required },
        DEFAULT_WEIGHTS,
        ref,
      ),
      'technology',
    ).score;
  t.equal(steps('licensing', 'joint-development'), 0.5, 'one step short');
  t.equal(steps('none', 'joint-development'), 0.2, 'two steps short');
  t.equal(steps('none', 'full-transfer'), 0, 'three steps short');
});

t.test('nothing comparable: score 0 with every weight 0', async (t) => {
  const blank: MatchableInvestor = {
    id: 'blank',
    country: 'US',
    sectors: [],
    technologies: [],
    maxTransferDepth: null,
    modalities: [],
    preferredProvinces: [],
    preferredIslandGroups: [],
    ticketUsd: null,
  };
  const pair = scorePair(blank, bloodBagPlantEastJava, DEFAULT_WEIGHTS, ref);
  t.equal(pair.score, 0);
  t.ok(pair.factors.every((f) => f.neutral && f.weight === 0 && f.contribution === 0 && f.reason.code === 'neutral'));

  // Stated only on a factor the caller weighted 0.
  const sectorOnly = { ...blank, sectors: ['medical-consumables' as const] };
  const zeroed = scorePair(sectorOnly, bloodBagPlantEastJava, { ...DEFAULT_WEIGHTS, sector: 0 }, ref);
  t.equal(zeroed.score, 0);
  t.equal(factor(zeroed, 'sector').neutral, false);
  t.equal(factor(zeroed, 'sector').score, 1);
  t.equal(factor(zeroed, 'sector').weight, 0);
});

t.test('caller weights are renormalised over the non-neutral factors', async (t) => {
  const weights = { sector: 1, technology: 0, location: 1, size: 0, modality: 0 };
  const pair = scorePair(bloodBagMaker, glovePlantBanten, weights, ref);
  // (1 × 0.5 + 1 × 0.6) / 2 = 0.55
  t.equal(pair.score, 55);
  t.same(
    pair.factors.map((f) => f.weight),
    [0.5, 0, 0.5, 0, 0],
  );
});

t.test('an opportunity that seeks no technology gets no free points', async (t) => {
  // Same sector, place, size and modality as the blood-bag plant, but seeking nothing.
  const seeksNothing = { ...bloodBagPlantEastJava, id: 'opp-f', technologies: [], requiredTransferDepth: 'none' as const };
  const pair = scorePair(bloodBagMaker, seeksNothing, DEFAULT_WEIGHTS, ref);
  // Known: everything but technology, 70 % of the weight, all scoring 1: 100 × √0.7 = 83.67.
  t.equal(pair.score, 83.67);
  t.same(pair.evidence, { share: 0.7, scale: 0.8367 });
  t.same(
    pair.factors.map((f) => f.weight),
    [0.4286, 0, 0.2143, 0.2143, 0.1429],
  );
  // The plant that seeks what the investor holds rests on more evidence and ranks above it.
  t.ok(scorePair(bloodBagMaker, bloodBagPlantEastJava, DEFAULT_WEIGHTS, ref).score > pair.score);

  // Own leaf sector seeking what it holds, at the far end of the country, beats a sibling
  // sector that seeks nothing in the preferred province.
  const ownFar = { ...bloodBagPlantEastJava, province: 'ID-PA' as const };
  const siblingNear = { ...glovePlantBanten, province: 'ID-JI' as const, technologies: [], modalities: ['joint-venture' as const], investmentUsd: bloodBagPlantEastJava.investmentUsd };
  const own = scorePair(bloodBagMaker, ownFar, DEFAULT_WEIGHTS, ref);
  const sibling = scorePair(bloodBagMaker, siblingNear, DEFAULT_WEIGHTS, ref);
  // Own: 30 + 30 + 15 × 0.0173 + 15 + 10 = 85.26; sibling: (0.15 + 0.15 + 0.15 + 0.1) / 0.7 × √0.7 = 65.74.
  t.equal(own.score, 85.26);
  t.equal(sibling.score, 65.74);
  t.equal(own.band, 'strong');
  t.equal(sibling.band, 'good');
});

t.test('an opportunity that names no modality leaves modality open', async (t) => {
  const noModality = { ...bloodBagPlantEastJava, modalities: [] };
  const pair = scorePair(bloodBagMaker, noModality, DEFAULT_WEIGHTS, ref);
  t.equal(factor(pair, 'modality').neutral, true);
  t.same(factor(pair, 'modality').reason.params, { factor: 'modality', side: 'opportunity' });
  // 90 % of the weight known, all scoring 1.
  t.equal(pair.score, 94.87);
});
