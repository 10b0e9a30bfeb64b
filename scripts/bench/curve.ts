/**
 * The matcher alone, no HTTP and no database: how its cost grows with the number of published
 * opportunities. For each size, a seeded synthetic set is indexed and 1,000 synthetic investors
 * are ranked (top 20, default weights, compiled afresh as for a cold page).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultMatchingReference } from '../../src/domain/matching/default-reference.ts';
import { OpportunityIndex, compileInvestor } from '../../src/domain/matching/index.ts';
import { DEFAULT_WEIGHTS } from '../../src/domain/matching/model.ts';
import type { MatchableInvestor, MatchableOpportunity } from '../../src/domain/matching/types.ts';
import { toMatchableInvestor } from '../../src/services/matching.ts';
import { createRandom, syntheticInvestor, syntheticOpportunity } from '../../src/services/synthetic-data.ts';

const INVESTORS = 1000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Memory in use after a full collection; typed arrays keep their contents outside the heap. */
function memoryAfterGc(): number {
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function opportunities(size: number): MatchableOpportunity[] {
  const random = createRandom(11);
  return Array.from({ length: size }, (_, i) => {
    const o = syntheticOpportunity(random, i + 1);
    return {
      id: `00000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
      sector: o.sector,
      technologies: o.technologies,
      requiredTransferDepth: o.requiredTransferDepth,
      modalities: o.modalities,
      province: o.location.province,
      investmentUsd: o.investmentUsd,
    };
  });
}

export interface CurvePoint {
  size: number;
  buildMs: number;
  indexBytesPerOpportunity: number;
  objectBytesPerOpportunity: number;
  rankMedianUs: number;
  rankP99Us: number;
}

export function matcherCurve(sizes: readonly number[]): CurvePoint[] {
  const random = createRandom(13);
  const investors = Array.from({ length: INVESTORS }, (_, i) =>
    toMatchableInvestor({ ownershipIntent: null, certifications: [], halalCapable: null, preferredRegencies: [], ...syntheticInvestor(random, i + 1), id: `investor-${i + 1}` }),
  );
  // One-time costs (compiled code, lookup tables) are paid before anything is measured.
  new OpportunityIndex(opportunities(1000)).rank(compileInvestor(investors[0]!, DEFAULT_WEIGHTS, defaultMatchingReference), { limit: 20 });
  return sizes.map((size) => {
    const point = measure(size, investors);
    console.log(`  matcher alone at ${size} opportunities: measured`);
    return point;
  });
}

/** One size, in its own call so that nothing of it is still reachable when the next begins. */
function measure(size: number, investors: readonly MatchableInvestor[]): CurvePoint {
  const empty = memoryAfterGc();
  const list = opportunities(size);
  const withObjects = memoryAfterGc();
  const started = performance.now();
  const index = new OpportunityIndex(list);
  const buildMs = performance.now() - started;
  const withIndex = memoryAfterGc();
  const times: number[] = [];
  for (let round = 0; round < 2; round++) {
    // The first round warms the JIT up; the second is measured.
    for (const investor of investors) {
      const rankStarted = performance.now();
      index.rank(compileInvestor(investor, DEFAULT_WEIGHTS, defaultMatchingReference), { limit: 20 });
      if (round === 1) times.push(1000 * (performance.now() - rankStarted));
    }
  }
  times.sort((a, b) => a - b);
  return {
    size,
    buildMs,
    indexBytesPerOpportunity: (withIndex - withObjects) / size,
    objectBytesPerOpportunity: (withObjects - empty) / size,
    rankMedianUs: percentile(times, 50),
    rankP99Us: percentile(times, 99),
  };
}

/** Report lines: one per size, each with its growth over the previous size. */
export function curveReport(points: readonly CurvePoint[]): string[] {
  const n = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return [
    `Matcher alone (no HTTP), ${INVESTORS} investors ranked (top 20) at each size:`,
    ...points.map((p, i) => {
      const before = points[i - 1];
      const growth = before
        ? `  ×${n(p.size / before.size)} opportunities → build ×${n(p.buildMs / before.buildMs, 1)}, ranking median ×${n(p.rankMedianUs / before.rankMedianUs, 1)}`
        : '';
      return (
        `  ${n(p.size).padStart(9)} opportunities: index built in ${n(p.buildMs)} ms, ${n(p.indexBytesPerOpportunity)} B per opportunity ` +
        `(+ ${n(p.objectBytesPerOpportunity)} B its record); ranking per investor median ${n(p.rankMedianUs)} µs, p99 ${n(p.rankP99Us)} µs${growth}`
      );
    }),
  ];
}
