import fc from 'fast-check';
import t from 'tap';
import {
  DEFAULT_WEIGHTS,
  MATCHING_MODEL,
  WEIGHT_BOUNDS,
  bandOf,
  ineffectiveWeightFields,
  validateWeights,
} from '../../src/domain/matching/model.ts';
import { FACTORS, type Factor } from '../../src/domain/matching/types.ts';
import { weights as weightsArb } from './fixtures/arbitraries.ts';
import { holds } from './fixtures/check.ts';

const factor = fc.constantFrom(...FACTORS);

t.test('valid partial weights are accepted and the rest take the defaults', async (t) => {
  holds(
    t,
    fc.property(
      fc.dictionary(factor, fc.double({ min: 0, max: 1, noNaN: true }), { maxKeys: 5 }),
      (partial) => {
        const merged = { ...DEFAULT_WEIGHTS, ...partial };
        const result = validateWeights(partial);
        if (FACTORS.every((f) => merged[f] === 0)) return !result.ok;
        return result.ok && JSON.stringify(result.weights) === JSON.stringify(merged);
      },
    ),
    { numRuns: 500 },
  );
  t.same(validateWeights({}), { ok: true, weights: DEFAULT_WEIGHTS });
  t.same(validateWeights({ sector: 0, technology: 0 }), {
    ok: true,
    weights: { ...DEFAULT_WEIGHTS, sector: 0, technology: 0 },
  });
  t.same(validateWeights({ sector: 1, technology: 1, location: 1, size: 1, modality: 1 }).ok, true, 'bounds are inclusive');
});

t.test('out-of-range, non-finite and non-numeric weights are rejected with their field', async (t) => {
  const bad = fc.oneof(
    fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
    fc.double({ min: 1 + Number.EPSILON, noNaN: true }),
    fc.constantFrom(NaN, Infinity, -Infinity),
    fc.constantFrom<unknown>('0.5', null, true, {}, [0.5]),
  );
  holds(
    t,
    fc.property(factor, bad, (f, value) => {
      const result = validateWeights({ [f]: value });
      return !result.ok && result.errors.some((e) => e.field === `weights.${f}`);
    }),
    { numRuns: 500 },
  );
});

t.test('weights are ineffective when every positively weighted factor is left open, all-zero included', async (t) => {
  const none = { sector: false, technology: false, location: false, size: false, modality: false };
  const zero = { sector: 0, technology: 0, location: 0, size: 0, modality: 0 };
  t.same(validateWeights(zero), { ok: true, weights: zero }, 'in bounds: the ranking decides whether they compare anything');
  t.same(ineffectiveWeightFields(none, zero), FACTORS.map((f) => `weights.${f}`));
  t.equal(ineffectiveWeightFields(none, DEFAULT_WEIGHTS), null);
  t.same(ineffectiveWeightFields({ ...none, technology: true, location: true }, { ...zero, technology: 1, location: 0.5 }), [
    'weights.technology',
    'weights.location',
  ]);
  t.equal(ineffectiveWeightFields({ ...none, technology: true }, { ...zero, technology: 1, location: 0.5 }), null);
  holds(
    t,
    fc.property(fc.record(Object.fromEntries(FACTORS.map((f) => [f, fc.boolean()])) as Record<Factor, fc.Arbitrary<boolean>>), weightsArb, (open, w) => {
      const fields = ineffectiveWeightFields(open, w);
      return (fields === null) === FACTORS.some((f) => w[f] > 0 && !open[f]);
    }),
  );
});

t.test('bands are half-open and cover 0–100', async (t) => {
  t.same([0, 49.99, 50, 74.99, 75, 100].map(bandOf), ['weak', 'weak', 'good', 'good', 'strong', 'strong']);
});

t.test('unknown factor names are rejected', async (t) => {
  holds(
    t,
    fc.property(
      fc.string({ minLength: 1 }).filter((s) => !(FACTORS as readonly string[]).includes(s) && s !== '__proto__'),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (name, value) => {
        const result = validateWeights({ [name]: value });
        return !result.ok && result.errors.some((e) => e.field === `weights.${name}`);
      },
    ),
  );
  const result = validateWeights({ sector: 2, price: 0.5 } as never);
  t.equal(result.ok, false);
  if (!result.ok) t.same(result.errors.map((e) => e.field).sort(), ['weights.price', 'weights.sector']);
});

t.test('the published model is plain JSON and matches the constants', async (t) => {
  t.same(JSON.parse(JSON.stringify(MATCHING_MODEL)), MATCHING_MODEL, 'survives a JSON round trip');
  t.ok(Object.isFrozen(MATCHING_MODEL) && Object.isFrozen(MATCHING_MODEL.factors[0]), 'deeply frozen');
  t.same(
    MATCHING_MODEL.factors.map((f) => f.factor),
    [...FACTORS],
  );
  t.same(MATCHING_MODEL.weights.defaults, DEFAULT_WEIGHTS);
  t.same(MATCHING_MODEL.weights.bounds, WEIGHT_BOUNDS);
  t.equal(
    Math.round(FACTORS.reduce((s, f) => s + DEFAULT_WEIGHTS[f], 0) * 1e9) / 1e9,
    1,
    'default weights add up to 1',
  );
  for (const f of MATCHING_MODEL.factors) {
    t.equal(f.defaultWeight, DEFAULT_WEIGHTS[f.factor]);
    for (const text of [f.formula, f.neutralWhen]) t.ok(text.en.length > 10 && text.id.length > 10, `${f.factor} texts`);
  }
  for (const text of [MATCHING_MODEL.combination, MATCHING_MODEL.neutralRule, MATCHING_MODEL.tieBreak, MATCHING_MODEL.nothingComparable]) {
    t.ok(text.en.length > 10 && text.id.length > 10);
  }
  t.match(MATCHING_MODEL.version, /^\d+\.\d+\.\d+$/);
});
