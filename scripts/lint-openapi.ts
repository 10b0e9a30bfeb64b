/**
 * Lints openapi/openapi.json with Spectral (spectral:oas) and Redocly (recommended): fails on
 * any error or on more than five warnings from either.
 */
import { spawnSync } from 'node:child_process';

const DOCUMENT = 'openapi/openapi.json';
const MAX_WARNINGS = 5;

function run(args: string[]): string {
  const result = spawnSync('npx', ['--no-install', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result.stdout;
}

const spectral = JSON.parse(run(['spectral', 'lint', DOCUMENT, '--format', 'json', '--quiet']) || '[]') as {
  severity: number;
  code: string;
  path: string[];
  message: string;
}[];
const redocly = JSON.parse(run(['redocly', 'lint', DOCUMENT, '--format', 'json'])) as {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
};

const results = [
  { tool: 'Spectral', errors: spectral.filter((p) => p.severity === 0).length, warnings: spectral.filter((p) => p.severity === 1).length },
  { tool: 'Redocly', errors: redocly.totals.errors, warnings: redocly.totals.warnings },
];
for (const p of spectral)
  if (p.severity <= 1) console.log(`Spectral ${p.severity === 0 ? 'error' : 'warning'} ${p.code} at ${p.path.join('.')}: ${p.message}`);
for (const p of redocly.problems) console.log(`Redocly ${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? ''}: ${p.message}`);
let failed = false;
for (const { tool, errors, warnings } of results) {
  console.log(`${tool}: ${errors} errors, ${warnings} warnings (at most ${MAX_WARNINGS} allowed)`);
  failed ||= errors > 0 || warnings > MAX_WARNINGS;
}
if (failed) process.exit(1);
