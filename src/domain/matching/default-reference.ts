/**
 * The matcher's reference facts and display names taken from src/domain/reference/. Kept apart from
 * the matcher itself, which only ever sees the interfaces, so tests can use made-up data.
 */
import { PROVINCE_CODES, type ProvinceCode } from '../codes.ts';
import { countryName } from '../reference/countries.ts';
import { healthPartnerByCountry } from '../reference/health-partners.ts';
import { modalityByCode } from '../reference/modalities.ts';
import { ISLAND_GROUP_NAMES, provinceByCode } from '../reference/provinces.ts';
import { sectorByCode, sectorParentOf } from '../reference/sectors.ts';
import { technologyByCode } from '../reference/technologies.ts';
import { transferDepthByCode } from '../reference/transfer-depths.ts';
import type { NameLookup } from './explain.ts';
import type { MatchingReference, ProvincePoint } from './reference.ts';

const points = new Map<ProvinceCode, ProvincePoint>();
for (const code of PROVINCE_CODES) {
  const info = provinceByCode.get(code);
  if (!info) throw new Error(`Reference data has no province ${code}`);
  points.set(code, { islandGroup: info.islandGroup, lat: info.coordinate.lat, lon: info.coordinate.lon });
}

/** One shared, immutable object, so the matcher's derived tables are built only once. */
export const defaultMatchingReference: MatchingReference = Object.freeze({
  sectorParent: sectorParentOf,
  province(code: ProvinceCode): ProvincePoint {
    const point = points.get(code);
    if (!point) throw new RangeError(`Unknown province ${code}`);
    return point;
  },
  hasHealthPartnership: (country: string) => healthPartnerByCountry.has(country),
});

/** Names in the five UI languages; unknown codes come back unchanged. */
export const defaultNameLookup: NameLookup = Object.freeze({
  sector: (code, lang) => sectorByCode.get(code)?.names[lang] ?? code,
  technology: (code, lang) => technologyByCode.get(code)?.names[lang] ?? code,
  province: (code, lang) => provinceByCode.get(code)?.names[lang] ?? code,
  islandGroup: (code, lang) => ISLAND_GROUP_NAMES[code]?.[lang] ?? code,
  modality: (code, lang) => modalityByCode.get(code)?.names[lang] ?? code,
  depth: (code, lang) => transferDepthByCode.get(code)?.names[lang] ?? code,
  country: (code, lang) => countryName(code, lang) ?? code,
} satisfies NameLookup);
