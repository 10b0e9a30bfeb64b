import t from 'tap';
import { runScript } from './helpers/processes.ts';

// `npm run bench` is how speed is measured; a small run of every part proves it still runs to
// its report. Its figures are not asserted: they are only ever read side by side. It fills its
// own embedded database either way, so the run against a real PostgreSQL leaves it out.
t.test('the benchmark runs every part to its report', { timeout: 300_000, skip: process.env.TEST_DATABASE_URL ? 'run once, on the embedded database' : false }, async (t) => {
  const { code, stdout, stderr } = await runScript('scripts/bench.ts', [], {
    BENCH_SIZES: '300',
    BENCH_INVESTORS: '200',
    BENCH_SECONDS: '1',
    BENCH_CURVE_SIZES: '1000',
    BENCH_OUTBOX_CREATES: '5',
    BENCH_WEBHOOK_EVENTS: '5',
    BENCH_IMPORT_ROWS: '50',
    LOG_LEVEL: 'warn',
  });
  t.equal(code, 0, stderr.slice(-2000));
  const results = stdout.slice(stdout.indexOf('Results ('));
  for (const line of [
    /ours, warm \(50 investors in turn, pages cached\) +\d+ req\/s/,
    /ours, cold \(200 investors in turn, every page ranked\) +\d+ req\/s/,
    /ours, warm, an opportunity edited every 100 ms +\d+ req\/s .* \(\d+ edits; [\d.]+ % of pages from the cache\)/,
    /bare Fastify route, same page as an object .* → ours: warm [\d.]+ %, cold [\d.]+ % \(cold p99 \d+ ms\)/,
    /bare Fastify route, ranks an investor, then same page .* → ours: warm [\d.]+ %, cold [\d.]+ % \(cold p99 \d+ ms\)/,
    /garbage collection in the server during the cold run: [\d.]+ % of its time \(\d+ young-generation collections, [\d.]+ s; \d+ full or incremental steps, [\d.]+ s\)/,
    /Matcher vs SQL at 300 opportunities: .* same top score \(±0\.01\) for (\d+)\/\1/,
    /match:all: Ranked .* \([\d.e+]+ pairs\) in [\d.]+ s: [\d.]+ s ranking, [\d.]+ s writing the top 20/,
    /Matcher alone \(no HTTP\)/,
    /Outbox: create an opportunity/,
    /Webhooks: 5 deliveries/,
    /Import of 50 CSV rows/,
  ]) {
    t.match(results, line);
  }
});
