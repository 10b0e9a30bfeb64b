import type { IslandGroup, ProvinceCode, SectorCode, SectorParent } from '../codes.ts';

export interface ProvincePoint {
  islandGroup: IslandGroup;
  /** Representative coordinate, decimal degrees. */
  lat: number;
  lon: number;
}

/**
 * The reference facts the matcher reads. Passed in rather than imported so the matcher stays
 * pure and can be tested against made-up taxonomies and maps.
 *
 * Treat an instance as immutable: derived tables (distances, groups) are cached per instance,
 * so changed reference data needs a new object.
 */
export interface MatchingReference {
  /** The parent of a leaf; null for a parent (or a leaf without one). */
  sectorParent(code: SectorCode): SectorParent | null;
  province(code: ProvinceCode): ProvincePoint;
  /** Whether Indonesia has a health MoU or strategic partnership with this ISO 3166-1 country. */
  hasHealthPartnership(country: string): boolean;
}
