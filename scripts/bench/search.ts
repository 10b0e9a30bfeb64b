import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { DEMO_OPPORTUNITIES } from '../../db/demo/opportunities.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { insertOpportunities, searchOpportunities, RELEVANCE } from '../../src/db/repositories/opportunities.ts';
import { analyseQuery } from '../../src/services/search-text.ts';

/** The same need typed in each language, short and long. */
const QUERIES: readonly [string, string][] = [
  ['id', 'vaksin'],
  ['en', 'vaccine'],
  ['ko', '백신'],
  ['ja', 'ワクチン'],
  ['zh', '疫苗'],
  ['id', 'kantong darah Jawa Timur'],
  ['en', 'blood bag plant in East Java'],
  ['ko', '혈액백 제조 공장'],
  ['ja', '血液バッグの製造工場'],
  ['zh', '血袋生产工厂'],
];
const ROUNDS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Search latency for a query in each language (first page of 20, by relevance), beside a
 * plain ILIKE over every language's title and summary, which finds only literal text and no
 * concept. The demo opportunities are added once, since the synthetic ones have no Korean,
 * Japanese or Chinese text. Returns report lines.
 */
export async function benchmarkSearch(database: DatabaseHandle, size: number): Promise<string[]> {
  const { db } = database;
  const demoTitle = DEMO_OPPORTUNITIES[0]!.title.en;
  const present = await db.selectFrom('opportunities').select('id').where(sql<boolean>`title->>'en' = ${demoTitle}`).executeTakeFirst();
  if (!present) {
    await insertOpportunities(db, DEMO_OPPORTUNITIES.map(({ key: _key, status: _status, ...input }) => input), 'published');
  }
  console.log(`\n${size} opportunities: search, median of ${ROUNDS} runs per query…`);
  const lines: string[] = [];
  for (const [language, q] of QUERIES) {
    const analysed = analyseQuery(q);
    let found = 0;
    const ours = await timed(async () => {
      const page = await searchOpportunities(db, { statuses: ['published'], text: analysed.search }, { sort: RELEVANCE, limit: 20 });
      found = page.items.length;
    });
    let literal = 0;
    const pattern = `%${q}%`;
    const baseline = await timed(async () => {
      const rows = await db
        .selectFrom('opportunities')
        .select('id')
        .where('status', '=', 'published')
        .where(sql<boolean>`(title::text ilike ${pattern} or summary::text ilike ${pattern})`)
        .orderBy('created_at', 'desc')
        .limit(20)
        .execute();
      literal = rows.length;
    });
    const line = `search ${size} ${language} "${q}": ${ours.toFixed(1)} ms (${found} found) vs ILIKE ${baseline.toFixed(1)} ms (${literal} found), ×${(ours / baseline).toFixed(1)}`;
    console.log(line);
    lines.push(line);
  }
  return lines;
}
