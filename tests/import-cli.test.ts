import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildTestApp } from './helpers/app.ts';
import { runScript } from './helpers/processes.ts';

t.test('npm run import sends a file to the running service and prints the row errors as a table', async (t) => {
  const { app, adminKey, inject } = await buildTestApp(t);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const dir = mkdtempSync(join(tmpdir(), 'peluang-import-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { PELUANG_URL: base, PELUANG_API_KEY: adminKey };

  const template = join(dir, 'template.csv');
  writeFileSync(template, (await inject({ method: 'GET', url: '/v1/imports/template.csv' })).rawPayload);
  const dry = await runScript('src/cli/import.ts', [template, '--dry-run'], env);
  t.equal(dry.code, 0, dry.stderr);
  t.match(dry.stdout, /1 rows \(dry run\) — created 1, updated 0, unchanged 0, errors 0/);
  t.match(dry.stdout, /Run again without --dry-run/);

  const imported = await runScript('src/cli/import.ts', [template, '--mode', 'upsert'], env);
  t.equal(imported.code, 0, imported.stderr);
  t.match(imported.stdout, /created 1/);
  const again = await runScript('src/cli/import.ts', [template, '--mode', 'upsert'], env);
  t.match(again.stdout, /unchanged 1/);

  // The template's land.areaHa left empty: kept by default, cleared with --clear-empty.
  const emptied = join(dir, 'emptied.csv');
  writeFileSync(emptied, 'externalRef,land.areaHa\r\nBKPM-JI-2026-014,\r\n');
  const kept = await runScript('src/cli/import.ts', [emptied, '--mode', 'upsert', '--dry-run'], env);
  t.match(kept.stdout, /updated 0, unchanged 1/);
  const clearing = await runScript('src/cli/import.ts', [emptied, '--mode', 'upsert', '--dry-run', '--clear-empty'], env);
  t.equal(clearing.code, 0, clearing.stderr);
  t.match(clearing.stdout, /updated 1, unchanged 0/);

  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'externalRef,sector\r\nCLI-1,vacines\r\n');
  const refused = await runScript('src/cli/import.ts', [bad], env);
  t.equal(refused.code, 1, 'a refused file exits non-zero');
  t.match(refused.stdout, /row\s+column\s+code\s+value\s+message/);
  t.match(refused.stdout, /2\s+sector\s+unknown-value\s+vacines\s+vacines is not a known value; did you mean vaccines\?/);
  t.match(refused.stderr, /Nothing was imported\. Fix the rows above .*errors\.csv/);

  const noKey = await runScript('src/cli/import.ts', [bad], { PELUANG_URL: base, PELUANG_API_KEY: '' });
  t.equal(noKey.code, 1);
  t.match(noKey.stderr, /Set PELUANG_API_KEY to a staff key/);
});
