/**
 * Builds src/domain/reference/regencies/regencies.json: Indonesia's 514 regencies and cities with their
 * Kemendagri codes, official names, province and a representative coordinate.
 *
 *   npx tsx scripts/build-regencies.ts <checkout of github.com/cahyadsn/wilayah_boundaries>
 *
 * Codes and names come from the npm package idn-area-data (its data is under the ODbL, so the
 * file written here is a derived database under the ODbL too: see the folder's LICENSE.md).
 * Coordinates come from the MIT-licensed SQL dumps in db/kab/ of cahyadsn/wilayah_boundaries
 * (the regency table of cahyadsn/wilayah by the same author), rounded to 4 decimals.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVINCES } from '../src/domain/reference/provinces.ts';

const source = process.argv[2];
if (!source) {
  console.error('usage: tsx scripts/build-regencies.ts <path to a checkout of cahyadsn/wilayah_boundaries>');
  process.exit(2);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const areaData = dirname(require.resolve('idn-area-data/package.json'));

/** Kemendagri numbers the Papua provinces differently from BPS; elsewhere the two agree. */
const KEMENDAGRI_PAPUA: Record<string, string> = {
  '91': 'ID-PA',
  '92': 'ID-PB',
  '93': 'ID-PS',
  '94': 'ID-PT',
  '95': 'ID-PE',
  '96': 'ID-PD',
};
const provinceOf = (kemendagri: string): string => {
  const iso = KEMENDAGRI_PAPUA[kemendagri] ?? PROVINCES.find((p) => p.bpsCode === kemendagri && !p.code.startsWith('ID-P'))?.code;
  if (!iso) throw new Error(`No province for Kemendagri code ${kemendagri}`);
  return iso;
};

const coordinates = new Map<string, { lat: number; lon: number }>();
const dumps = join(source, 'db', 'kab');
for (const file of readdirSync(dumps).filter((name) => name.endsWith('.sql'))) {
  const sql = readFileSync(join(dumps, file), 'utf8');
  for (const match of sql.matchAll(/\('(\d{2}\.\d{2})','[^']*',(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)) {
    const round = (value: string) => Math.round(Number(value) * 1e4) / 1e4;
    coordinates.set(match[1]!, { lat: round(match[2]!), lon: round(match[3]!) });
  }
}

const rows = readFileSync(join(areaData, 'data', 'regencies.csv'), 'utf8').trim().split('\n').slice(1);
const regencies = rows.map((line) => {
  const [code, provinceCode, name] = line.split(',') as [string, string, string];
  const coordinate = coordinates.get(code);
  if (!coordinate) throw new Error(`No coordinate for ${code} ${name}`);
  const type = name.startsWith('Kota ') ? 'kota' : name.startsWith('Kabupaten ') ? 'kabupaten' : undefined;
  if (!type) throw new Error(`Neither kabupaten nor kota: ${code} ${name}`);
  return { code, province: provinceOf(provinceCode), type, name, coordinate };
});

const out = join(root, 'src', 'domain', 'reference', 'regencies', 'regencies.json');
writeFileSync(out, `[\n${regencies.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`);
const kota = regencies.filter((r) => r.type === 'kota').length;
console.log(`${regencies.length} regencies (${regencies.length - kota} kabupaten, ${kota} kota) → ${out}`);
