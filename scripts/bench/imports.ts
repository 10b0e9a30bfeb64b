import { buildApp } from '../../src/app.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import type { Opportunity } from '../../src/domain/opportunity.ts';
import { COLUMNS, csvLine, exportValue } from '../../src/domain/spreadsheet.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { createRandom, syntheticOpportunity } from '../../src/services/synthetic-data.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

/**
 * Bulk import and export through the API (no sockets: app.inject), on the benchmark's database:
 *  1. a CSV of 10,000 new rows, checked only (dry run), then committed in one transaction;
 *  2. the same file again, all unchanged (every row read and compared, nothing written);
 *  3. the 10,000 rows exported as CSV and as XLSX.
 */
export async function benchmarkImports(database: DatabaseHandle, report: string[]): Promise<void> {
  const app = await buildApp({ config: { BODY_LIMIT_BYTES: 1024 * 1024, TRUST_PROXY: false }, database });
  await app.ready();
  await app.services.background.stop();
  const { key } = await app.services.apiKeys.create({ role: 'staff', label: 'benchmark' }, SYSTEM_ACTOR);
  const headers = { authorization: `Bearer ${key}` };
  const random = createRandom(17);
  const file =
    csvLine(COLUMNS.map((column) => column.name)) +
    Array.from({ length: ROWS }, (_, i) => {
      const row = { ...syntheticOpportunity(random, 2_000_000 + i), externalRef: `BENCH-${i}` } as unknown as Opportunity;
      return csvLine(COLUMNS.map((column) => exportValue(row, column)));
    }).join('');
  console.log(`\nImport and export: ${ROWS} rows (${(file.length / 1024 / 1024).toFixed(1)} MB of CSV)…`);

  const timed = async (label: string, run: () => Promise<{ statusCode: number; body: string }>) => {
    const started = performance.now();
    const res = await run();
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { ms, res };
  };
  const post = (query: string) => () => app.inject({ method: 'POST', url: `/v1/imports?${query}`, headers: { ...headers, 'content-type': 'text/csv' }, payload: file });
  const exportAs = (format: string) => () => app.inject({ method: 'GET', url: `/v1/opportunities?status=draft&format=${format}`, headers });
  const rate = (ms: number) => `${((ROWS * 1000) / ms).toFixed(0).padStart(6)} rows/s  (${(ms / 1000).toFixed(2)} s)`;
  try {
    const dry = await timed('dry run', post('dryRun=true'));
    const commit = await timed('commit', post('mode=upsert'));
    const again = await timed('again', post('mode=upsert'));
    const { counts } = JSON.parse(again.res.body) as { counts: { unchanged: number } };
    if (counts.unchanged !== ROWS) throw new Error(`re-import: ${counts.unchanged} of ${ROWS} unchanged`);
    const csv = await timed('CSV export', exportAs('csv'));
    const xlsx = await timed('XLSX export', exportAs('xlsx'));
    report.push(
      [
        `Import of ${ROWS} CSV rows through POST /v1/imports (one transaction, every row validated):`,
        `  dry run (check only)             ${rate(dry.ms)}`,
        `  commit (create as drafts)        ${rate(commit.ms)}`,
        `  same file again, all unchanged   ${rate(again.ms)}`,
        `Export of ${ROWS} rows, GET /v1/opportunities streamed over every page:`,
        `  CSV                              ${rate(csv.ms)}  ${(csv.res.body.length / 1024 / 1024).toFixed(1)} MB`,
        `  XLSX                             ${rate(xlsx.ms)}`,
      ].join('\n'),
    );
  } finally {
    await app.close();
  }
}

// On its own (`npx tsx scripts/bench/imports.ts`): an in-memory embedded database.
if (import.meta.url === `file://${process.argv[1]}`) {
  const database = await openDatabase({ kind: 'embedded', dataDir: null });
  await migrateToLatest(database.db);
  const report: string[] = [];
  try {
    await benchmarkImports(database, report);
  } finally {
    await database.close();
  }
  console.log(`\n${report.join('\n')}`);
}
