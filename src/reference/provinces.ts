import type { IslandGroup, ProvinceCode } from '../domain/codes.ts';
import type { LocalizedName } from './i18n.ts';

export interface Coordinate {
  lat: number;
  lon: number;
}

export interface ProvinceInfo {
  /** ISO 3166-2:ID. */
  code: ProvinceCode;
  /**
   * Two-digit BPS (Statistics Indonesia) code. It differs from the Kemendagri code for the
   * Papua provinces (BPS: 91 Papua Barat, 94 Papua), so never mix the two.
   */
  bpsCode: string;
  names: { id: string; en: string };
  capital: string;
  islandGroup: IslandGroup;
  /** The capital city, 4 decimals: good enough for distances, not for maps. */
  coordinate: Coordinate;
}

export const PROVINCES: readonly ProvinceInfo[] = [
  // Sumatra, including the Riau and Bangka-Belitung islands.
  { code: 'ID-AC', bpsCode: '11', names: { id: 'Aceh', en: 'Aceh' }, capital: 'Banda Aceh', islandGroup: 'sumatra', coordinate: { lat: 5.5483, lon: 95.3238 } },
  { code: 'ID-SU', bpsCode: '12', names: { id: 'Sumatera Utara', en: 'North Sumatra' }, capital: 'Medan', islandGroup: 'sumatra', coordinate: { lat: 3.5952, lon: 98.6722 } },
  { code: 'ID-SB', bpsCode: '13', names: { id: 'Sumatera Barat', en: 'West Sumatra' }, capital: 'Padang', islandGroup: 'sumatra', coordinate: { lat: -0.9471, lon: 100.4172 } },
  { code: 'ID-RI', bpsCode: '14', names: { id: 'Riau', en: 'Riau' }, capital: 'Pekanbaru', islandGroup: 'sumatra', coordinate: { lat: 0.5071, lon: 101.4478 } },
  { code: 'ID-JA', bpsCode: '15', names: { id: 'Jambi', en: 'Jambi' }, capital: 'Jambi', islandGroup: 'sumatra', coordinate: { lat: -1.6101, lon: 103.6131 } },
  { code: 'ID-SS', bpsCode: '16', names: { id: 'Sumatera Selatan', en: 'South Sumatra' }, capital: 'Palembang', islandGroup: 'sumatra', coordinate: { lat: -2.9761, lon: 104.7754 } },
  { code: 'ID-BE', bpsCode: '17', names: { id: 'Bengkulu', en: 'Bengkulu' }, capital: 'Bengkulu', islandGroup: 'sumatra', coordinate: { lat: -3.7928, lon: 102.2608 } },
  { code: 'ID-LA', bpsCode: '18', names: { id: 'Lampung', en: 'Lampung' }, capital: 'Bandar Lampung', islandGroup: 'sumatra', coordinate: { lat: -5.3971, lon: 105.2668 } },
  { code: 'ID-BB', bpsCode: '19', names: { id: 'Kepulauan Bangka Belitung', en: 'Bangka Belitung Islands' }, capital: 'Pangkalpinang', islandGroup: 'sumatra', coordinate: { lat: -2.1291, lon: 106.1138 } },
  { code: 'ID-KR', bpsCode: '21', names: { id: 'Kepulauan Riau', en: 'Riau Islands' }, capital: 'Tanjungpinang', islandGroup: 'sumatra', coordinate: { lat: 0.9186, lon: 104.4554 } },
  // Java, including Jakarta, Banten and Yogyakarta.
  { code: 'ID-JK', bpsCode: '31', names: { id: 'DKI Jakarta', en: 'Jakarta' }, capital: 'Jakarta', islandGroup: 'java', coordinate: { lat: -6.1754, lon: 106.8272 } },
  { code: 'ID-JB', bpsCode: '32', names: { id: 'Jawa Barat', en: 'West Java' }, capital: 'Bandung', islandGroup: 'java', coordinate: { lat: -6.9175, lon: 107.6191 } },
  { code: 'ID-JT', bpsCode: '33', names: { id: 'Jawa Tengah', en: 'Central Java' }, capital: 'Semarang', islandGroup: 'java', coordinate: { lat: -6.9932, lon: 110.4203 } },
  { code: 'ID-YO', bpsCode: '34', names: { id: 'DI Yogyakarta', en: 'Special Region of Yogyakarta' }, capital: 'Yogyakarta', islandGroup: 'java', coordinate: { lat: -7.7956, lon: 110.3695 } },
  { code: 'ID-JI', bpsCode: '35', names: { id: 'Jawa Timur', en: 'East Java' }, capital: 'Surabaya', islandGroup: 'java', coordinate: { lat: -7.2575, lon: 112.7521 } },
  { code: 'ID-BT', bpsCode: '36', names: { id: 'Banten', en: 'Banten' }, capital: 'Serang', islandGroup: 'java', coordinate: { lat: -6.12, lon: 106.1503 } },
  // Bali and Nusa Tenggara.
  { code: 'ID-BA', bpsCode: '51', names: { id: 'Bali', en: 'Bali' }, capital: 'Denpasar', islandGroup: 'bali-nusa-tenggara', coordinate: { lat: -8.6705, lon: 115.2126 } },
  { code: 'ID-NB', bpsCode: '52', names: { id: 'Nusa Tenggara Barat', en: 'West Nusa Tenggara' }, capital: 'Mataram', islandGroup: 'bali-nusa-tenggara', coordinate: { lat: -8.5833, lon: 116.1167 } },
  { code: 'ID-NT', bpsCode: '53', names: { id: 'Nusa Tenggara Timur', en: 'East Nusa Tenggara' }, capital: 'Kupang', islandGroup: 'bali-nusa-tenggara', coordinate: { lat: -10.1772, lon: 123.607 } },
  // Kalimantan.
  { code: 'ID-KB', bpsCode: '61', names: { id: 'Kalimantan Barat', en: 'West Kalimantan' }, capital: 'Pontianak', islandGroup: 'kalimantan', coordinate: { lat: -0.0263, lon: 109.3425 } },
  { code: 'ID-KT', bpsCode: '62', names: { id: 'Kalimantan Tengah', en: 'Central Kalimantan' }, capital: 'Palangka Raya', islandGroup: 'kalimantan', coordinate: { lat: -2.2161, lon: 113.9135 } },
  // The capital moved from Banjarmasin to Banjarbaru under UU 8/2022.
  { code: 'ID-KS', bpsCode: '63', names: { id: 'Kalimantan Selatan', en: 'South Kalimantan' }, capital: 'Banjarbaru', islandGroup: 'kalimantan', coordinate: { lat: -3.4426, lon: 114.8336 } },
  { code: 'ID-KI', bpsCode: '64', names: { id: 'Kalimantan Timur', en: 'East Kalimantan' }, capital: 'Samarinda', islandGroup: 'kalimantan', coordinate: { lat: -0.5022, lon: 117.1536 } },
  { code: 'ID-KU', bpsCode: '65', names: { id: 'Kalimantan Utara', en: 'North Kalimantan' }, capital: 'Tanjung Selor', islandGroup: 'kalimantan', coordinate: { lat: 2.8375, lon: 117.3653 } },
  // Sulawesi, including Gorontalo.
  { code: 'ID-SA', bpsCode: '71', names: { id: 'Sulawesi Utara', en: 'North Sulawesi' }, capital: 'Manado', islandGroup: 'sulawesi', coordinate: { lat: 1.4748, lon: 124.8421 } },
  { code: 'ID-ST', bpsCode: '72', names: { id: 'Sulawesi Tengah', en: 'Central Sulawesi' }, capital: 'Palu', islandGroup: 'sulawesi', coordinate: { lat: -0.8917, lon: 119.8707 } },
  { code: 'ID-SN', bpsCode: '73', names: { id: 'Sulawesi Selatan', en: 'South Sulawesi' }, capital: 'Makassar', islandGroup: 'sulawesi', coordinate: { lat: -5.1477, lon: 119.4327 } },
  { code: 'ID-SG', bpsCode: '74', names: { id: 'Sulawesi Tenggara', en: 'Southeast Sulawesi' }, capital: 'Kendari', islandGroup: 'sulawesi', coordinate: { lat: -3.9985, lon: 122.5127 } },
  { code: 'ID-GO', bpsCode: '75', names: { id: 'Gorontalo', en: 'Gorontalo' }, capital: 'Gorontalo', islandGroup: 'sulawesi', coordinate: { lat: 0.5435, lon: 123.0568 } },
  { code: 'ID-SR', bpsCode: '76', names: { id: 'Sulawesi Barat', en: 'West Sulawesi' }, capital: 'Mamuju', islandGroup: 'sulawesi', coordinate: { lat: -2.6806, lon: 118.8861 } },
  // Maluku.
  { code: 'ID-MA', bpsCode: '81', names: { id: 'Maluku', en: 'Maluku' }, capital: 'Ambon', islandGroup: 'maluku', coordinate: { lat: -3.6954, lon: 128.1814 } },
  { code: 'ID-MU', bpsCode: '82', names: { id: 'Maluku Utara', en: 'North Maluku' }, capital: 'Sofifi', islandGroup: 'maluku', coordinate: { lat: 0.7372, lon: 127.5588 } },
  // Papua: Papua Barat Daya split from Papua Barat; Selatan, Tengah and Pegunungan from Papua (2022).
  { code: 'ID-PB', bpsCode: '91', names: { id: 'Papua Barat', en: 'West Papua' }, capital: 'Manokwari', islandGroup: 'papua', coordinate: { lat: -0.8615, lon: 134.062 } },
  { code: 'ID-PD', bpsCode: '92', names: { id: 'Papua Barat Daya', en: 'Southwest Papua' }, capital: 'Sorong', islandGroup: 'papua', coordinate: { lat: -0.8762, lon: 131.2558 } },
  { code: 'ID-PA', bpsCode: '94', names: { id: 'Papua', en: 'Papua' }, capital: 'Jayapura', islandGroup: 'papua', coordinate: { lat: -2.5337, lon: 140.7181 } },
  { code: 'ID-PS', bpsCode: '95', names: { id: 'Papua Selatan', en: 'South Papua' }, capital: 'Merauke', islandGroup: 'papua', coordinate: { lat: -8.4932, lon: 140.4018 } },
  { code: 'ID-PT', bpsCode: '96', names: { id: 'Papua Tengah', en: 'Central Papua' }, capital: 'Nabire', islandGroup: 'papua', coordinate: { lat: -3.3661, lon: 135.496 } },
  { code: 'ID-PE', bpsCode: '97', names: { id: 'Papua Pegunungan', en: 'Highland Papua' }, capital: 'Wamena (Jayawijaya)', islandGroup: 'papua', coordinate: { lat: -4.0975, lon: 138.9458 } },
];

export const ISLAND_GROUP_NAMES: Readonly<Record<IslandGroup, LocalizedName>> = {
  sumatra: { en: 'Sumatra', id: 'Sumatera', ko: '수마트라', ja: 'スマトラ' },
  java: { en: 'Java', id: 'Jawa', ko: '자바', ja: 'ジャワ' },
  kalimantan: { en: 'Kalimantan', id: 'Kalimantan', ko: '칼리만탄', ja: 'カリマンタン' },
  sulawesi: { en: 'Sulawesi', id: 'Sulawesi', ko: '술라웨시', ja: 'スラウェシ' },
  'bali-nusa-tenggara': {
    en: 'Bali and Nusa Tenggara',
    id: 'Bali dan Nusa Tenggara',
    ko: '발리·누사틍가라',
    ja: 'バリ・ヌサトゥンガラ',
  },
  maluku: { en: 'Maluku', id: 'Maluku', ko: '말루쿠', ja: 'マルク' },
  papua: { en: 'Papua', id: 'Papua', ko: '파푸아', ja: 'パプア' },
};

export const provinceByCode: ReadonlyMap<ProvinceCode, ProvinceInfo> = new Map(
  PROVINCES.map((province) => [province.code, province]),
);

const EARTH_RADIUS_KM = 6371.0088;

function toRadians(degrees: number): number {
  return (degrees * Math.PI) / 180;
}

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(a: Coordinate, b: Coordinate): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  // Clamp: rounding can push h a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** Distance between two provinces' capitals; undefined for an unknown code. */
export function provinceDistanceKm(a: ProvinceCode, b: ProvinceCode): number | undefined {
  const pa = provinceByCode.get(a);
  const pb = provinceByCode.get(b);
  if (pa === undefined || pb === undefined) return undefined;
  return distanceKm(pa.coordinate, pb.coordinate);
}
