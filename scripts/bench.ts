/**
 * `npm run bench`: measures, side by side in one run on this machine,
 *  1. GET /v1/investors/{id}/matches (top 20, explained; pages cached and not) against bare
 *     Fastify JSON routes, over real sockets, at 10k and 100k published opportunities with 10k
 *     investors;
 *  2. the matcher against a plain SQL scoring query over the same data;
 *  3. `npm run match:all` over 10k investors × 10k opportunities;
 *  4. the matcher alone, no HTTP, at 10k, 100k and 1M opportunities (scripts/bench/curve.ts).
 *  5. deal flow: the outbox's write overhead, webhook delivery throughput, publish to match.new.
 *  6. opportunity search with a query in each of the five languages against a plain ILIKE.
 *  7. bulk import of 10,000 CSV rows (dry run, commit, unchanged again) and their export as
 *     CSV and XLSX (scripts/bench/imports.ts; BENCH_IMPORT_ROWS).
 * Shared, noisy machines make absolute numbers wander; the ratios are the result.
 * Env: BENCH_SIZES (default "10000,100000"), BENCH_SECONDS (default 10), BENCH_INVESTORS
 * (default 10000), BENCH_DATABASE_URL
 * (a real PostgreSQL database to fill; default: an embedded one in a temporary directory),
 * BENCH_CURVE_SIZES (default "10000,100000,1000000"), BENCH_PARTS (default all of
 * "http,match-all,curve,deal-flow,search,imports": which of the above to run, e.g.
 * "http,match-all" to repeat only the page comparison, the SQL check and the batch job).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, constants, type NodeGCPerformanceDetail, type PerformanceEntry } from 'node:perf_hooks';
import { Presets, SingleBar } from 'cli-progress';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { SYSTEM_ACTOR } from '../src/domain/access.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle, type DatabaseTarget } from '../src/db/database.ts';
import { insertInvestors, listLiveInvestors } from '../src/db/repositories/investors.ts';
import { insertOpportunities } from '../src/db/repositories/opportunities.ts';
import { toMatchableInvestor } from '../src/services/matching.ts';
import { matchPageCacheRequests } from '../src/observability/metrics.ts';
import { createRandom, syntheticInvestor, syntheticOpportunity } from '../src/services/synthetic-data.ts';
import { curveReport, matcherCurve } from './bench/curve.ts';
import { benchmarkDealFlow } from './bench/deal-flow.ts';
import { benchmarkImports } from './bench/imports.ts';
import { benchmarkSearch } from './bench/search.ts';
import { sqlTopMatches } from './bench/sql-baseline.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CURVE_SIZES = (process.env.BENCH_CURVE_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'http,match-all,curve,deal-flow,search,imports').split(','));
const INVESTORS = Number(process.env.BENCH_INVESTORS ?? 10_000);
/** Few enough investors that all their pages (about 40 KiB each) fit in one caller's 4 MiB share of the page cache. */
const WARM_INVESTORS = 50;
const CONNECTIONS = 10;
const BATCH = 1000;

const dataDir = mkdtempSync(join(tmpdir(), 'peluang-bench-'));
const target: DatabaseTarget = process.env.BENCH_DATABASE_URL
  ? { kind: 'postgres', url: process.env.BENCH_DATABASE_URL }
  : { kind: 'embedded', dataDir };
const random = createRandom(7);
const report: string[] = [];

async function seed(database: DatabaseHandle, what: 'opportunities' | 'investors', from: number, to: number) {
  const bar = new SingleBar({ format: ` seeding ${what.padEnd(13)} [{bar}] {value}/{total}` }, Presets.shades_classic);
  bar.start(to, from);
  for (let done = from; done < to; done += BATCH) {
    const numbers = Array.from({ length: Math.min(BATCH, to - done) }, (_, i) => done + i + 1);
    await database.db.transaction().execute((trx) =>
      what === 'opportunities'
        ? insertOpportunities(trx, numbers.map((n) => syntheticOpportunity(random, n)), 'published')
        : insertInvestors(trx, numbers.map((n) => syntheticInvestor(random, n))),
    );
    bar.update(done + numbers.length);
  }
  bar.stop();
}

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function load(base: string, seconds: number, paths: string[], apiKey?: string): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/load.ts', base, String(seconds), String(CONNECTIONS), ...paths], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...(apiKey && { LOAD_API_KEY: apiKey }) },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output.trim().split('\n').at(-1)!) as Load) : reject(new Error(`load generator exited with ${code}`))));
  });
}

interface GcShare {
  /** Share of the wall time spent in collection pauses, %. */
  percent: number;
  minor: { count: number; ms: number };
  major: { count: number; ms: number };
}

/**
 * Runs `run` while timing garbage collection in this process, which is the server's: the load
 * generator is a child process. A cold page's cost is partly the collection of what it allocated.
 */
async function measuringGc<T>(run: () => Promise<T>): Promise<{ result: T; gc: GcShare }> {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const started = performance.now();
  const result = await run();
  const wall = performance.now() - started;
  entries.push(...observer.takeRecords());
  observer.disconnect();
  // Node's typings give `detail` only to marks and measures; a gc entry carries its kind there.
  const kindOf = (entry: PerformanceEntry) => (entry as PerformanceEntry & { detail: NodeGCPerformanceDetail }).detail.kind;
  const sum = (kinds: number) => {
    const matching = entries.filter((entry) => (kindOf(entry) & kinds) !== 0);
    return { count: matching.length, ms: matching.reduce((total, entry) => total + entry.duration, 0) };
  };
  const minor = sum(constants.NODE_PERFORMANCE_GC_MINOR);
  const major = sum(constants.NODE_PERFORMANCE_GC_MAJOR | constants.NODE_PERFORMANCE_GC_INCREMENTAL);
  return { result, gc: { percent: (100 * (minor.ms + major.ms)) / wall, minor, major } };
}

const EDIT_EVERY_MS = 100;

/**
 * Runs `run` while staff edit published opportunities, one every EDIT_EVERY_MS in this process
 * (the server's), each edit changing an amount and so the opportunity's scores. Every edit
 * reaches the page cache, which drops only the pages it alters; the share of pages still
 * served from the cache shows what is left warm.
 */
async function whileEditing<T>(app: Awaited<ReturnType<typeof buildApp>>, database: DatabaseHandle, run: () => Promise<T>) {
  const ids = (await database.db.selectFrom('opportunities').select('id').where('status', '=', 'published').orderBy('id').limit(1000).execute()).map((row) => row.id);
  const pageRequests = async () => {
    const { values } = await matchPageCacheRequests.get();
    const count = (result: string) => values.find((v) => v.labels.result === result)?.value ?? 0;
    return { hit: count('hit'), miss: count('miss') };
  };
  const before = await pageRequests();
  let issued = 0;
  let edits = 0;
  let failure: Error | undefined;
  const timer = setInterval(() => {
    const n = issued++;
    const million = 1_000_000 * (1 + (n % 50));
    app.services.opportunities.update(ids[n % ids.length]!, { investmentUsd: { min: million, max: 3 * million } }, SYSTEM_ACTOR).then(
      () => (edits += 1),
      (err: unknown) => (failure = err instanceof Error ? err : new Error(String(err))),
    );
  }, EDIT_EVERY_MS);
  const result = await run().finally(() => clearInterval(timer));
  if (failure) throw failure;
  const after = await pageRequests();
  const hits = after.hit - before.hit;
  const misses = after.miss - before.miss;
  return { result, edits, hitPercent: (100 * hits) / (hits + misses) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function benchmarkHttp(database: DatabaseHandle, size: number) {
  // As in production, with a staff key and rate limiting on (counted against the shared
  // counter in PostgreSQL); the limit is only raised so that the load is never refused.
  const app = await buildApp({ config: { BODY_LIMIT_BYTES: 1024 * 1024, TRUST_PROXY: false, RATE_LIMIT_KEY_PER_MINUTE: 100_000_000 }, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  await app.services.matching.reload();
  const { key } = await app.services.apiKeys.create({ role: 'staff', label: 'benchmark' }, SYSTEM_ACTOR);
  const investors = await database.db.selectFrom('investors').select('id').orderBy('id').execute();
  const pathOf = (row: { id: string }) => `/v1/investors/${row.id}/matches?limit=20`;
  // Warm: 50 investors in turn, whose pages (about 40 KiB each) stay cached in the caller's
  // 4 MiB share until the index changes (as for an embed's visitors or a client paging back and
  // forth). Cold: all 10,000 in turn, more than the page cache holds, so every request ranks and
  // explains afresh.
  const warmPaths = investors.slice(0, WARM_INVESTORS).map(pathOf);
  const coldPaths = investors.map(pathOf);

  // The floors, bare Fastify routes: the same page as an object (serialised per request, as any
  // JSON route), the same page as ready bytes (what sending it costs at all), and the smallest
  // JSON answer. One more shows how far ranking alone lets a cold page go: it ranks the next
  // investor's top 21 (as a cold page does, the eligibility check included) and sends the same
  // page, with nothing explained and none of the service's plugins.
  const samplePage = (await app.inject({ method: 'GET', url: warmPaths[0]!, headers: { authorization: `Bearer ${key}` } })).body;
  const pageObject = JSON.parse(samplePage) as object;
  const pageBytes = Buffer.from(samplePage);
  const bare = Fastify();
  bare.get('/page-object', async () => pageObject);
  bare.get('/page-bytes', async (_request, reply) => reply.type('application/json; charset=utf-8').send(pageBytes));
  bare.get('/hello', async () => ({ hello: 'world' }));
  let rankings = app.services.matching.topMatchesForAll(21);
  bare.get('/rank-then-page', async () => {
    let ranked = await rankings.next();
    if (ranked.done) {
      rankings = app.services.matching.topMatchesForAll(21);
      ranked = await rankings.next();
    }
    return pageObject;
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const url = (server: typeof bare) => `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  const ourUrl = url(app as unknown as typeof bare);
  console.log(`\n${size} opportunities: warming up, then ${SECONDS} s of load on each route (${CONNECTIONS} connections)…`);
  await load(url(bare), 2, ['/page-object', '/page-bytes', '/hello', '/rank-then-page']);
  await load(ourUrl, 2, warmPaths, key);
  const warm = await load(ourUrl, SECONDS, warmPaths, key);
  const editing = await whileEditing(app, database, () => load(ourUrl, SECONDS, warmPaths, key));
  const { result: cold, gc: coldGc } = await measuringGc(() => load(ourUrl, SECONDS, coldPaths, key));
  for (const [name, result] of [['warm', warm], ['warm while editing', editing.result], ['cold', cold]] as const) {
    if (result.non2xx || result.errors) throw new Error(`matches endpoint (${name}) answered ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  }
  const floors: [string, Load][] = [];
  for (const [name, path] of [
    ['same page as an object', '/page-object'],
    ['same page as ready bytes', '/page-bytes'],
    ['{"hello":"world"}', '/hello'],
    ['ranks an investor, then same page', '/rank-then-page'],
  ]) {
    floors.push([`bare Fastify route, ${name}`, await load(url(bare), SECONDS, [path!])]);
  }

  const figures = (r: Load) => `${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms`;
  const ratio = (ours: Load, floor: Load) => `${((100 * ours.requestsPerSecond) / floor.requestsPerSecond).toFixed(1)} %`;
  report.push(
    [
      `HTTP at ${size} opportunities, GET /v1/investors/{id}/matches (top 20, explained, ${(samplePage.length / 1024).toFixed(0)} KiB):`,
      `  ${`ours, warm (${WARM_INVESTORS.toLocaleString('en')} investors in turn, pages cached)`.padEnd(56)} ${figures(warm)}`,
      `  ${`ours, cold (${INVESTORS.toLocaleString('en')} investors in turn, every page ranked)`.padEnd(56)} ${figures(cold)}`,
      `  ${`ours, warm, an opportunity edited every ${EDIT_EVERY_MS} ms`.padEnd(56)} ${figures(editing.result)}  ` +
        `(${editing.edits} edits; ${editing.hitPercent.toFixed(1)} % of pages from the cache)`,
      ...floors.map(([name, r]) => `  ${name.padEnd(56)} ${figures(r)}  → ours: warm ${ratio(warm, r)}, cold ${ratio(cold, r)} (cold p99 ${cold.p99} ms)`),
      `  garbage collection in the server during the cold run: ${coldGc.percent.toFixed(1)} % of its time ` +
        `(${coldGc.minor.count} young-generation collections, ${(coldGc.minor.ms / 1000).toFixed(2)} s; ` +
        `${coldGc.major.count} full or incremental steps, ${(coldGc.major.ms / 1000).toFixed(2)} s)`,
    ].join('\n'),
  );

  // The matcher (rank + explain the top 20) against the same model as one SQL query.
  const sample = (await listLiveInvestors(database.db)).slice(0, size >= 100_000 ? 10 : 25);
  const oursMs: number[] = [];
  const sqlMs: number[] = [];
  let agree = 0;
  for (const investor of sample) {
    let started = performance.now();
    const page = await app.services.matching.matchesForInvestor(investor.id, { limit: 20 }, 'en', 'bench', SYSTEM_ACTOR);
    oursMs.push(performance.now() - started);
    started = performance.now();
    const rows = await sqlTopMatches(database.db, toMatchableInvestor(investor), 20);
    sqlMs.push(performance.now() - started);
    if (Math.abs((page.data[0]?.score ?? 0) - (rows[0]?.score ?? 0)) <= 0.01) agree += 1;
  }
  report.push(
    `Matcher vs SQL at ${size} opportunities: ${median(oursMs).toFixed(2)} ms vs ${median(sqlMs).toFixed(1)} ms per investor (median of ${sample.length}): ` +
      `${(median(sqlMs) / median(oursMs)).toFixed(0)}× faster; same top score (±0.01) for ${agree}/${sample.length}`,
  );
  await bare.close();
  await app.close();
}

let database = await openDatabase(target);
try {
  await migrateToLatest(database.db);
  await seed(database, 'investors', 0, INVESTORS);
  if (PARTS.has('deal-flow')) await benchmarkDealFlow(database, report);
  let seeded = 0;
  for (const size of SIZES) {
    await seed(database, 'opportunities', seeded, size);
    seeded = size;
    if (PARTS.has('http')) await benchmarkHttp(database, size);
    if (PARTS.has('search')) report.push(...(await benchmarkSearch(database, size)));
    if (size === SIZES[0] && PARTS.has('match-all')) {
      // match:all is its own process and the embedded database has a single owner: hand it over.
      await database.close();
      console.log(`\nnpm run match:all over ${INVESTORS} investors × ${size} opportunities:`);
      const env = { ...process.env, ...(target.kind === 'postgres' ? { DATABASE_URL: target.url } : { DATA_DIR: dataDir }), LOG_LEVEL: 'warn' };
      const output = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/match-all.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
      process.stdout.write(output);
      report.push(`match:all: ${output.trim().split('\n').at(-1)}`);
      database = await openDatabase(target);
    }
  }
  if (PARTS.has('imports')) await benchmarkImports(database, report);
} finally {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
if (PARTS.has('curve')) {
  console.log('\nThe matcher alone, no HTTP:');
  report.push(...curveReport(matcherCurve(CURVE_SIZES)));
}
console.log(`\nResults (Node ${process.version}, ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PostgreSQL'}):\n${report.join('\n').replace(/^/gm, '  ')}`);
