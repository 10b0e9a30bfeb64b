import t from 'tap';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- named for its type, used as `typeof tap` below
const tap = t;
import {
  ISLAND_GROUPS,
  MODALITIES,
  PROVINCE_CODES,
  SECTOR_CODES,
  SECTOR_LEAVES,
  SECTOR_PARENTS,
  TECHNOLOGIES,
  TRANSFER_DEPTHS,
  UI_LANGUAGES,
} from '../../src/domain/codes.ts';
import { COUNTRY_CODES, countryName, isCountryCode } from '../../src/domain/reference/countries.ts';
import {
  HEALTH_PARTNERS,
  HEALTH_PARTNERS_SOURCE_NOTE,
  healthPartnerByCountry,
} from '../../src/domain/reference/health-partners.ts';
import type { LocalizedName } from '../../src/domain/reference/i18n.ts';
import { MODALITY_INFO, modalityByCode } from '../../src/domain/reference/modalities.ts';
import {
  ISLAND_GROUP_NAMES,
  PROVINCES,
  distanceKm,
  provinceByCode,
  provinceDistanceKm,
} from '../../src/domain/reference/provinces.ts';
import {
  KBLI_TITLES,
  KBLI_VERSION,
  SECTORS,
  leavesOf,
  sectorByCode,
  sectorParentOf,
} from '../../src/domain/reference/sectors.ts';
import { SPECIAL_ECONOMIC_ZONES, kekByCode } from '../../src/domain/reference/special-economic-zones.ts';
import { TECHNOLOGY_INFO, technologyByCode } from '../../src/domain/reference/technologies.ts';
import {
  TRANSFER_DEPTH_INFO,
  transferDepthByCode,
  transferDepthRank,
} from '../../src/domain/reference/transfer-depths.ts';

function hasAllLanguages(name: LocalizedName): boolean {
  return UI_LANGUAGES.every((lang) => typeof name[lang] === 'string' && name[lang].trim() !== '');
}

/** Every code appears exactly once among the entries, and no entry has an unknown code. */
function coversExactlyOnce(
  t: Pick<typeof tap, 'same' | 'equal'>,
  codes: readonly string[],
  entries: readonly { code: string }[],
): void {
  const seen = entries.map((entry) => entry.code);
  t.same([...seen].sort(), [...codes].sort(), 'one entry per code, no extras');
  t.equal(new Set(seen).size, seen.length, 'no duplicate entries');
}

t.test('sectors', async (t) => {
  t.equal(KBLI_VERSION, '2020');
  coversExactlyOnce(t, SECTOR_CODES, SECTORS);
  for (const sector of SECTORS) {
    t.ok(hasAllLanguages(sector.names), `${sector.code} has names in all UI languages`);
    for (const code of sector.kbli) {
      t.match(code, /^\d{5}$/, `${sector.code}: KBLI ${code} has 5 digits`);
      t.equal(sector.kbliTitles[code], KBLI_TITLES[code], `${sector.code}: title of ${code}`);
    }
    if (sector.kbli.length === 0) {
      t.ok(sector.kbliNote, `${sector.code} explains its missing KBLI code`);
    }
    if (sector.domesticOnly) {
      for (const code of sector.domesticOnly.kbli) {
        t.ok(sector.kbli.includes(code), `${sector.code}: restricted ${code} is one of its codes`);
      }
    }
  }
  for (const code of Object.keys(KBLI_TITLES)) t.match(code, /^\d{5}$/);

  for (const parent of SECTOR_PARENTS) {
    t.equal(sectorByCode.get(parent)?.parent, null, `${parent} has no parent`);
    t.equal(sectorParentOf(parent), null);
  }
  for (const leaf of SECTOR_LEAVES) {
    const parent = sectorByCode.get(leaf)?.parent;
    t.ok(
      parent !== null && parent !== undefined && (SECTOR_PARENTS as readonly string[]).includes(parent),
      `${leaf}'s parent is a parent code`,
    );
    t.equal(sectorParentOf(leaf), parent);
    t.same(leavesOf(leaf), [leaf], 'a leaf gives itself');
  }
  const allLeaves = SECTOR_PARENTS.flatMap((parent) => leavesOf(parent));
  t.same([...allLeaves].sort(), [...SECTOR_LEAVES].sort(), 'the parents partition the leaves');
  t.ok(leavesOf('pharmaceuticals').includes('vaccines'));
  t.ok(leavesOf('medical-devices').includes('in-vitro-diagnostics'));

  const biologics = SECTORS.filter((s) => s.group === 'biologics').map((s) => s.code);
  t.same(
    [...biologics].sort(),
    ['monoclonal-antibodies', 'plasma-derived-products', 'recombinant-proteins', 'vaccines'],
  );
  t.ok(sectorByCode.get('traditional-medicine')?.domesticOnly?.kbli.includes('21022'));
  t.same(sectorByCode.get('in-vitro-diagnostics')?.kbli, []);
  t.same(sectorByCode.get('personal-protective-equipment')?.kbli, []);
});

t.test('technologies', async (t) => {
  coversExactlyOnce(t, TECHNOLOGIES, TECHNOLOGY_INFO);
  for (const tech of TECHNOLOGY_INFO) {
    t.ok(hasAllLanguages(tech.names), `${tech.code} has names in all UI languages`);
    t.ok(tech.sectors.length > 0, `${tech.code} names at least one sector`);
    for (const sector of tech.sectors) {
      t.ok((SECTOR_LEAVES as readonly string[]).includes(sector), `${tech.code}: ${sector} is a leaf`);
    }
    t.equal(technologyByCode.get(tech.code), tech);
  }
});

t.test('transfer depths', async (t) => {
  coversExactlyOnce(t, TRANSFER_DEPTHS, TRANSFER_DEPTH_INFO);
  TRANSFER_DEPTHS.forEach((code, index) => {
    const info = transferDepthByCode.get(code);
    t.equal(info?.rank, index, `${code} has rank ${index}`);
    t.equal(transferDepthRank(code), index);
    t.ok(info && hasAllLanguages(info.names) && hasAllLanguages(info.description));
  });
});

t.test('modalities', async (t) => {
  coversExactlyOnce(t, MODALITIES, MODALITY_INFO);
  for (const info of MODALITY_INFO) {
    t.ok(hasAllLanguages(info.names), `${info.code} names`);
    t.ok(hasAllLanguages(info.description), `${info.code} description`);
    t.equal(modalityByCode.get(info.code), info);
  }
});

t.test('provinces', async (t) => {
  t.equal(PROVINCES.length, 38);
  coversExactlyOnce(t, PROVINCE_CODES, PROVINCES);
  const bps = PROVINCES.map((p) => p.bpsCode);
  t.equal(new Set(bps).size, 38, 'BPS codes are unique');
  for (const p of PROVINCES) {
    t.match(p.bpsCode, /^\d{2}$/, `${p.code} BPS code has 2 digits`);
    t.ok(hasAllLanguages(p.names) && p.capital.trim(), `${p.code} names in every UI language`);
    t.ok((ISLAND_GROUPS as readonly string[]).includes(p.islandGroup), `${p.code} island group`);
    const { lat, lon } = p.coordinate;
    t.ok(lat >= -11 && lat <= 6 && lon >= 95 && lon <= 141.5, `${p.code} lies inside Indonesia`);
  }
  const expected: Record<string, string> = {
    'ID-AC': '11',
    'ID-JK': '31',
    'ID-JI': '35',
    'ID-PB': '91',
    'ID-PD': '92',
    'ID-PA': '94',
    'ID-PS': '95',
    'ID-PT': '96',
    'ID-PE': '97',
  };
  for (const [code, bpsCode] of Object.entries(expected)) {
    t.equal(provinceByCode.get(code as (typeof PROVINCE_CODES)[number])?.bpsCode, bpsCode, code);
  }
  t.equal(provinceByCode.get('ID-GO')?.islandGroup, 'sulawesi');
  t.equal(provinceByCode.get('ID-KR')?.islandGroup, 'sumatra');
  t.equal(provinceByCode.get('ID-BT')?.islandGroup, 'java');

  for (const group of ISLAND_GROUPS) {
    t.ok(hasAllLanguages(ISLAND_GROUP_NAMES[group]), `${group} names`);
    t.ok(PROVINCES.some((p) => p.islandGroup === group), `${group} has a province`);
  }
});

t.test('distanceKm', async (t) => {
  const jakarta = { lat: -6.1754, lon: 106.8272 };
  const surabaya = { lat: -7.2575, lon: 112.7521 };
  t.equal(distanceKm(jakarta, jakarta), 0);
  const d = distanceKm(jakarta, surabaya);
  t.ok(d > 650 && d < 680, `Jakarta–Surabaya is about 665 km (got ${d.toFixed(1)})`);
  t.equal(distanceKm(surabaya, jakarta), d, 'symmetric');
  const antipodal = distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 });
  t.ok(Math.abs(antipodal - Math.PI * 6371.0088) < 1e-6, 'half the circumference');
  t.equal(provinceDistanceKm('ID-JK', 'ID-JI'), d);
});

t.test('special economic zones', async (t) => {
  t.ok(SPECIAL_ECONOMIC_ZONES.length >= 6);
  const codes = SPECIAL_ECONOMIC_ZONES.map((z) => z.code);
  t.equal(new Set(codes).size, codes.length, 'unique codes');
  for (const zone of SPECIAL_ECONOMIC_ZONES) {
    t.match(zone.code, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${zone.code} is a kebab slug`);
    t.ok(provinceByCode.has(zone.province), `${zone.code} province ${zone.province} is valid`);
    t.ok(zone.established >= 2009 && zone.established <= 2030, `${zone.code} year`);
    t.ok(zone.focus.en && zone.focus.id && zone.healthRelevance.en && zone.healthRelevance.id);
    t.equal(kekByCode.get(zone.code), zone);
  }
  t.equal(kekByCode.get('kek-sanur')?.province, 'ID-BA');
});

t.test('countries', async (t) => {
  t.ok(COUNTRY_CODES.length >= 249, 'all ISO 3166-1 codes');
  t.same([...COUNTRY_CODES].sort(), COUNTRY_CODES, 'sorted');
  t.ok(isCountryCode('KR'));
  t.ok(isCountryCode('ID'));
  t.notOk(isCountryCode('XX'));
  t.notOk(isCountryCode('kr'), 'lower case is not a stored code');
  t.match(countryName('KR', 'en'), /Korea/);
  for (const lang of ['id', 'ko', 'ja'] as const) {
    const name = countryName('KR', lang);
    t.ok(name && name.trim() !== '', `KR has a ${lang} name`);
  }
  t.equal(countryName('KR', 'id'), 'Korea Selatan');
  t.equal(countryName('XX', 'en'), undefined);
});

t.test('health partners', async (t) => {
  t.ok(HEALTH_PARTNERS_SOURCE_NOTE.length > 0);
  const countries = HEALTH_PARTNERS.map((p) => p.country);
  t.equal(new Set(countries).size, countries.length, 'one entry per country');
  for (const partner of HEALTH_PARTNERS) {
    t.ok(isCountryCode(partner.country), `${partner.country} is a country code`);
    t.ok(partner.note.en && partner.note.id && partner.source, `${partner.country} is sourced`);
    if (partner.since !== undefined) t.ok(partner.since >= 1990 && partner.since <= 2030);
    t.equal(healthPartnerByCountry.get(partner.country), partner);
  }
  for (const required of ['KR', 'JP', 'CN', 'DK', 'TR', 'SA', 'QA', 'BN', 'TL', 'VN', 'CU']) {
    t.ok(healthPartnerByCountry.has(required), `${required} is listed`);
  }
});
