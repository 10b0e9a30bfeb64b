import type { ProvinceCode } from '../codes.ts';
import type { Coordinate } from './provinces.ts';
import rows from './regencies/regencies.json' with { type: 'json' };

export const REGENCY_TYPES = ['kabupaten', 'kota'] as const;
export type RegencyType = (typeof REGENCY_TYPES)[number];

/**
 * One of the 514 regencies (kabupaten) and cities (kota) under Kepmendagri 300.2.2-2138/2025.
 * The data is an ODbL derived database: see regencies/README.md.
 */
export interface RegencyInfo {
  /** Kemendagri code `NN.NN`; its first two digits are the Kemendagri province code, not BPS's. */
  code: string;
  province: ProvinceCode;
  type: RegencyType;
  /** Official Indonesian name, with its "Kabupaten" or "Kota". */
  name: string;
  /** A representative point, 4 decimals: good enough for distances, not for maps. */
  coordinate: Coordinate;
}

export const REGENCIES = rows as readonly RegencyInfo[];
export const REGENCY_SOURCE = 'Kepmendagri 300.2.2-2138/2025 via idn-area-data 4.0.1 (ODbL); coordinates: cahyadsn/wilayah_boundaries (MIT)';
export const REGENCY_AS_OF = '2026-12-03';

export const regencyByCode: ReadonlyMap<string, RegencyInfo> = new Map(REGENCIES.map((regency) => [regency.code, regency]));
