/**
 * Measures ranking quality on the judged set (tests/relevance/judgments.jsonl): the demo data
 * is loaded into a fresh database (embedded, or a new schema in TEST_DATABASE_URL), every judged
 * profile's matches are fetched through the HTTP API, and the figures are printed per profile,
 * per split and overall. Exits 1 when holdout nDCG@10 falls below the floor recorded in
 * tests/relevance/floor.json or when the band check fails.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { z } from 'zod';
import { DEMO_API_KEYS } from '../db/demo/api-keys.ts';
import { buildApp } from '../src/app.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { bandOf } from '../src/domain/matching/model.ts';
import { demoInvestorId, demoOpportunityId, seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import {
  GRADES,
  compareOutOfPlace,
  median,
  ndcgAt,
  outOfPlacePairs,
  precisionAt,
  reciprocalRank,
  type JudgedResult,
  type OutOfPlace,
} from './eval/metrics.ts';

const JUDGMENTS = new URL('../tests/relevance/judgments.jsonl', import.meta.url);
const FLOOR = new URL('../tests/relevance/floor.json', import.meta.url);
const SPLITS = ['tune', 'holdout'] as const;
type Split = (typeof SPLITS)[number];

const Judgment = z.strictObject({
  investor: z.string().min(1),
  opportunity: z.string().min(1),
  grade: z.union(GRADES.map((g) => z.literal(g))),
  reason: z.string().min(20),
  split: z.enum(SPLITS),
});
type Judgment = z.infer<typeof Judgment>;

const Floor = z.strictObject({ holdoutNdcgAt10: z.number().min(0).max(1) });

function readJudgments(): Judgment[] {
  const lines = readFileSync(JUDGMENTS, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const parsed = Judgment.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`judgments.jsonl line ${i + 1}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

/** A fresh database: in memory, or a new schema on TEST_DATABASE_URL dropped afterwards. */
async function openFreshDatabase(): Promise<{ database: DatabaseHandle; name: string; close: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'embedded', dataDir: null });
    await migrateToLatest(database.db);
    return { database, name: 'embedded (PGlite)', close: () => database.close() };
  }
  const schema = `eval_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const database = await openDatabase({ kind: 'postgres', url, schema, poolSize: 2 });
  await migrateToLatest(database.db, schema);
  return {
    database,
    name: `PostgreSQL (${new URL(url).host})`,
    close: async () => {
      await database.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

const MatchPage = z.object({ data: z.array(z.object({ opportunityId: z.string(), score: z.number() })) });

interface Figures {
  ndcg10: number;
  p5: number;
  mrr: number;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const f3 = (x: number) => (Number.isNaN(x) ? '  –  ' : x.toFixed(3));

function figuresOf(ranked: readonly JudgedResult[]): Figures {
  return { ndcg10: ndcgAt(ranked, 10), p5: precisionAt(ranked, 5), mrr: reciprocalRank(ranked) };
}

function meanFigures(all: readonly Figures[]): Figures {
  return { ndcg10: mean(all.map((f) => f.ndcg10)), p5: mean(all.map((f) => f.p5)), mrr: mean(all.map((f) => f.mrr)) };
}

async function main(): Promise<number> {
  const judgments = readJudgments();
  const { database, name, close } = await openFreshDatabase();
  try {
    await seedDemoDataIfEmpty(database);
    const app = await buildApp({
      config: { BODY_LIMIT_BYTES: 1024 * 1024, TRUST_PROXY: false, RATE_LIMIT_ANONYMOUS_PER_MINUTE: 0, RATE_LIMIT_KEY_PER_MINUTE: 0 },
      database,
    });
    try {
      await app.ready();
      const staffKey = DEMO_API_KEYS.find((k) => k.role === 'staff')!.key;

      const byProfile = new Map<string, Judgment[]>();
      for (const j of judgments) byProfile.set(j.investor, [...(byProfile.get(j.investor) ?? []), j]);

      console.log(`Ranking quality on ${name}: ${judgments.length} judgements, ${byProfile.size} profiles`);
      console.log('Lists are condensed to judged opportunities; relevant = grade ≥ 2.\n');
      console.log(`${'profile'.padEnd(28)} ${'split'.padEnd(8)} nDCG@10   P@5     MRR`);

      const perSplit: Record<Split, Figures[]> = { tune: [], holdout: [] };
      const scoresByGrade = new Map<number, number[]>();
      const misplaced: OutOfPlace[] = [];
      for (const [investor, items] of byProfile) {
        const split = items[0]!.split;
        if (items.some((j) => j.split !== split)) throw new Error(`${investor}: a profile's judgements must share one split`);
        const response = await app.inject({
          method: 'GET',
          url: `/v1/investors/${demoInvestorId(investor)}/matches?limit=100`,
          headers: { authorization: `Bearer ${staffKey}` },
        });
        if (response.statusCode !== 200) throw new Error(`${investor}: matches answered ${response.statusCode} ${response.body}`);
        const page = MatchPage.parse(response.json());
        const gradeOf = new Map(items.map((j) => [demoOpportunityId(j.opportunity), j]));
        const ranked: JudgedResult[] = [];
        for (const match of page.data) {
          const judged = gradeOf.get(match.opportunityId);
          if (judged) ranked.push({ opportunity: judged.opportunity, grade: judged.grade, score: match.score });
        }
        if (ranked.length !== items.length) {
          const missing = items.filter((j) => !ranked.some((r) => r.opportunity === j.opportunity)).map((j) => j.opportunity);
          throw new Error(`${investor}: judged opportunities not ranked (unpublished or unknown): ${missing.join(', ')}`);
        }
        const figures = figuresOf(ranked);
        perSplit[split].push(figures);
        for (const r of ranked) scoresByGrade.set(r.grade, [...(scoresByGrade.get(r.grade) ?? []), r.score]);
        misplaced.push(...outOfPlacePairs(investor, ranked));
        console.log(`${investor.padEnd(28)} ${split.padEnd(8)} ${f3(figures.ndcg10)}   ${f3(figures.p5)}   ${f3(figures.mrr)}`);
      }

      console.log();
      const overall = meanFigures([...perSplit.tune, ...perSplit.holdout]);
      const summary: [string, Figures][] = [
        ...SPLITS.map((s): [string, Figures] => [`${s} (${perSplit[s].length} profiles)`, meanFigures(perSplit[s])]),
        ['overall', overall],
      ];
      for (const [label, f] of summary) {
        console.log(`${label.padEnd(37)} ${f3(f.ndcg10)}   ${f3(f.p5)}   ${f3(f.mrr)}`);
      }

      console.log('\nMedian score per grade:');
      const medians = new Map(GRADES.map((g) => [g, median(scoresByGrade.get(g) ?? [])]));
      for (const g of GRADES) {
        const m = medians.get(g)!;
        console.log(`  grade ${g}: ${Number.isNaN(m) ? '–' : m.toFixed(2).padStart(6)}  (${(scoresByGrade.get(g) ?? []).length} pairs)`);
      }

      console.log('\nTen pairs most out of place (the better-graded opportunity scores lower):');
      const worst = misplaced.sort(compareOutOfPlace).slice(0, 10);
      if (worst.length === 0) console.log('  none');
      for (const p of worst) {
        console.log(
          `  ${p.investor}: ${p.better.opportunity} (grade ${p.better.grade}, ${p.better.score.toFixed(2)}) < ` +
            `${p.worse.opportunity} (grade ${p.worse.grade}, ${p.worse.score.toFixed(2)})`,
        );
      }

      const top = medians.get(3)!;
      const bottom = medians.get(0)!;
      const bandsOk = bandOf(top) === 'strong' && bandOf(bottom) === 'weak';
      console.log(
        `\nBand check: median grade-3 score ${top.toFixed(2)} is ${bandOf(top)} (want strong); ` +
          `median grade-0 score ${bottom.toFixed(2)} is ${bandOf(bottom)} (want weak): ${bandsOk ? 'PASS' : 'FAIL'}`,
      );

      const holdout = meanFigures(perSplit.holdout).ndcg10;
      const floor = Floor.parse(JSON.parse(readFileSync(FLOOR, 'utf8'))).holdoutNdcgAt10;
      const floorOk = holdout >= floor;
      console.log(`Floor check: holdout nDCG@10 ${holdout.toFixed(3)} against the floor ${floor.toFixed(3)}: ${floorOk ? 'PASS' : 'FAIL'}`);
      return bandsOk && floorOk ? 0 : 1;
    } finally {
      await app.close();
    }
  } finally {
    await close();
  }
}

process.exitCode = await main();
