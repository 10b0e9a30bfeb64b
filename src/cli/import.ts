import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { UsageError, runCli } from './run.ts';

const USAGE = `Usage:
  npm run import -- FILE [--dry-run] [--mode create|upsert] [--clear-empty]
Imports opportunities from a CSV or XLSX file (the columns of GET /v1/imports/template.xlsx)
through the running service's API: PELUANG_URL (default http://localhost:3000) with a staff key
in PELUANG_API_KEY. All or nothing: a file with any error changes nothing, and the errors are
listed by row and column. --dry-run checks every row and changes nothing; --mode upsert
updates the rows whose externalRef exists and creates the rest (default: create). An empty
cell leaves the field as it is; with --clear-empty it removes the field of an existing
opportunity (a required one cannot be cleared and is an error).`;

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHOWN_ERRORS = 50;

interface CellError {
  row: number;
  column: string;
  code: string;
  message: string;
  value: string;
}
interface ImportRecord {
  id: string;
  status: 'committed' | 'dry-run' | 'invalid';
  counts: { rows: number; created: number; updated: number; unchanged: number; errors: number };
  errors: CellError[];
}
interface Problem {
  code?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  import?: ImportRecord;
}

await runCli(USAGE, async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, mode: { type: 'string', default: 'create' }, 'clear-empty': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return console.log(USAGE);
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError('Name one CSV or XLSX file to import.');
  if (values.mode !== 'create' && values.mode !== 'upsert') throw new UsageError(`--mode must be create or upsert, not ${values.mode}.`);
  const key = process.env.PELUANG_API_KEY;
  if (!key) throw new UsageError('Set PELUANG_API_KEY to a staff key (pk_staff_…); the demo database has pk_staff_demo00000000000000000000000000000000.');
  const base = (process.env.PELUANG_URL ?? 'http://localhost:3000').replace(/\/+$/, '');

  const size = await stat(file).then(
    (info) => info.size,
    () => {
      throw new UsageError(`Cannot read ${file}: check the path.`);
    },
  );
  if (size > MAX_FILE_BYTES) throw new Error(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB; the service takes at most 10 MB at once. Split it into smaller files.`);
  const content = await readFile(file);

  const url = `${base}/v1/imports?mode=${values.mode}&dryRun=${values['dry-run']}&emptyCells=${values['clear-empty'] ? 'clear' : 'keep'}`;
  const bar = new SingleBar({ format: ' {task} [{bar}] {percentage}% | {value}/{total} KB', hideCursor: true }, Presets.shades_classic);
  bar.start(Math.max(1, Math.ceil(size / 1024)), 0, { task: 'sending  ' });
  const response = await send(url, key, content, extname(file).toLowerCase() === '.xlsx' ? XLSX_TYPE : 'text/csv', (sent) => bar.update(Math.ceil(sent / 1024))).finally(() => bar.stop());
  const body = (await response.json().catch(() => ({}))) as ImportRecord & Problem;

  if (response.ok) return report(body, values['dry-run'] === true, basename(file));
  if (body.code === 'import-invalid' && body.import) {
    report(body.import, false, basename(file));
    throw new Error(`Nothing was imported. Fix the rows above (all of them, with an errors column: curl -H "Authorization: Bearer $PELUANG_API_KEY" ${base}/v1/imports/${body.import.id}/errors.csv) and run this again.`);
  }
  throw new Error(`${response.status} ${body.code ?? ''}: ${body.detail ?? 'the service refused the file'}${hint(response.status)}`);
});

/** Sends the file as the body, counting what has gone out for the progress bar. */
async function send(url: string, key: string, content: Buffer, type: string, progress: (sent: number) => void): Promise<Response> {
  const chunk = 64 * 1024;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= content.length) return controller.close();
      const next = content.subarray(sent, sent + chunk);
      sent += next.length;
      progress(sent);
      controller.enqueue(next);
    },
  });
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': type, 'content-length': String(content.length) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
  } catch (error) {
    throw new Error(`Cannot reach the service at ${new URL(url).origin} (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}). Start it with npm start, or set PELUANG_URL.`);
  }
}

function report(record: ImportRecord, dryRun: boolean, file: string): void {
  const { rows, created, updated, unchanged, errors } = record.counts;
  const note = { committed: '', 'dry-run': ' (dry run)', invalid: ' (not imported)' }[record.status];
  console.log(`${file}: ${rows} rows${note} — created ${created}, updated ${updated}, unchanged ${unchanged}, errors ${errors}. Import ${record.id}.`);
  if (record.errors.length) printTable(record.errors);
  if (record.status === 'invalid') {
    process.exitCode = 1;
    if (dryRun) console.log('Dry run: nothing was changed. Fix the rows above and check again with --dry-run.');
  } else if (dryRun) console.log('Dry run: nothing was changed. Run again without --dry-run to import.');
}

/** Row errors as a table, the columns as wide as their longest cell (messages cut at 80). */
function printTable(errors: readonly CellError[]): void {
  const rows = errors.slice(0, SHOWN_ERRORS).map((e) => [String(e.row), e.column, e.code, cut(e.value, 24), cut(e.message, 80)]);
  const header = ['row', 'column', 'code', 'value', 'message'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(['', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
  if (errors.length > SHOWN_ERRORS) console.log(`… and ${errors.length - SHOWN_ERRORS} more.`);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function hint(status: number): string {
  if (status === 401) return '\nSet PELUANG_API_KEY to a working staff key.';
  if (status === 403) return '\nImporting needs a staff or admin key in PELUANG_API_KEY.';
  if (status === 413) return '\nSplit the file into parts of at most 10 MB.';
  if (status === 422) return '\nSplit the file into parts of at most 10,000 rows.';
  return '';
}
