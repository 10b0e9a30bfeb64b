import type { IslandGroup, ProvinceCode } from '../codes.ts';
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
  /**
   * Official or customary names. Korean, Japanese and Chinese follow the usual renderings
   * (동자바주 / 東ジャワ州 / 东爪哇省); the four Papua provinces created in 2022 have no
   * settled foreign names yet, so theirs are literal renderings of the Indonesian.
   */
  names: LocalizedName;
  capital: string;
  islandGroup: IslandGroup;
  /** The capital city, 4 decimals: good enough for distances, not for maps. */
  coordinate: Coordinate;
}

export const PROVINCES: readonly ProvinceInfo[] = [
  // Sumatra, including the Riau and Bangka-Belitung islands.
  { code: 'ID-AC', bpsCode: '11', names: { id: 'Aceh', en: 'Aceh', ko: '아체주', ja: 'アチェ州', zh: '亚齐省' }, capital: 'Banda Aceh', islandGroup: 'sumatra', coordinate: { lat: 5.5483, lon: 95.3238 } },
  { code: 'ID-SU', bpsCode: '12', names: { id: 'Sumatera Utara', en: 'North Sumatra', ko: '북수마트라주', ja: '北スマトラ州', zh: '北苏门答腊省' }, capital: 'Medan', islandGroup: 'sumatra', coordinate: { lat: 3.5952, lon: 98.6722 } },
  { code: 'ID-SB', bpsCode: '13', names: { id: 'Sumatera Barat', en: 'West Sumatra', ko: '서수마트라주', ja: '西スマトラ州', zh: '西苏门答腊省' }, capital: 'Padang', islandGroup: 'sumatra', coordinate: { lat: -0.9471, lon: 100.4172 } },
  { code: 'ID-RI', bpsCode: '14', names: { id: 'Riau', en: 'Riau', ko: '리아우주', ja: 'リアウ州', zh: '廖内省' }, capital: 'Pekanbaru', islandGroup: 'sumatra', coordinate: { lat: 0.5071, lon: 101.4478 } },
  { code: 'ID-JA', bpsCode: '15', names: { id: 'Jambi', en: 'Jambi', ko: '잠비주', ja: 'ジャンビ州', zh: '占碑省' }, capital: 'Jambi', islandGroup: 'sumatra', coordinate: { lat: -1.6101, lon: 103.6131 } },
  { code: 'ID-SS', bpsCode: '16', names: { id: 'Sumatera Selatan', en: 'South Sumatra', ko: '남수마트라주', ja: '南スマトラ州', zh: '南苏门答腊省' }, capital: 'Palembang', islandGroup: 'sumatra', coordinate: { lat: -2.9761, lon: 104.7754 } },
  { code: 'ID-BE', bpsCode: '17', names: { id: 'Bengkulu', en: 'Bengkulu', ko: '븡쿨루주', ja: 'ブンクル州', zh: '明古鲁省' }, capital: 'Bengkulu', islandGroup: 'sumatra', coordinate: { lat: -3.7928, lon: 102.2608 } },
  { code: 'ID-LA', bpsCode: '18', names: { id: 'Lampung', en: 'Lampung', ko: '람풍주', ja: 'ランプン州', zh: '楠榜省' }, capital: 'Bandar Lampung', islandGroup: 'sumatra', coordinate: { lat: -5.3971, lon: 105.2668 } },
  { code: 'ID-BB', bpsCode: '19', names: { id: 'Kepulauan Bangka Belitung', en: 'Bangka Belitung Islands', ko: '방카블리퉁제도주', ja: 'バンカ・ブリトゥン諸島州', zh: '邦加-勿里洞群岛省' }, capital: 'Pangkalpinang', islandGroup: 'sumatra', coordinate: { lat: -2.1291, lon: 106.1138 } },
  { code: 'ID-KR', bpsCode: '21', names: { id: 'Kepulauan Riau', en: 'Riau Islands', ko: '리아우제도주', ja: 'リアウ諸島州', zh: '廖内群岛省' }, capital: 'Tanjungpinang', islandGroup: 'sumatra', coordinate: { lat: 0.9186, lon: 104.4554 } },
  // Java, including Jakarta, Banten and Yogyakarta.
  { code: 'ID-JK', bpsCode: '31', names: { id: 'DKI Jakarta', en: 'Jakarta', ko: '자카르타 특별주', ja: 'ジャカルタ特別州', zh: '雅加达特区' }, capital: 'Jakarta', islandGroup: 'java', coordinate: { lat: -6.1754, lon: 106.8272 } },
  { code: 'ID-JB', bpsCode: '32', names: { id: 'Jawa Barat', en: 'West Java', ko: '서자바주', ja: '西ジャワ州', zh: '西爪哇省' }, capital: 'Bandung', islandGroup: 'java', coordinate: { lat: -6.9175, lon: 107.6191 } },
  { code: 'ID-JT', bpsCode: '33', names: { id: 'Jawa Tengah', en: 'Central Java', ko: '중부자바주', ja: '中部ジャワ州', zh: '中爪哇省' }, capital: 'Semarang', islandGroup: 'java', coordinate: { lat: -6.9932, lon: 110.4203 } },
  { code: 'ID-YO', bpsCode: '34', names: { id: 'DI Yogyakarta', en: 'Special Region of Yogyakarta', ko: '족자카르타 특별구', ja: 'ジョグジャカルタ特別州', zh: '日惹特区' }, capital: 'Yogyakarta', islandGroup: 'java', coordinate: { lat: -7.7956, lon: 110.3695 } },
  { code: 'ID-JI', bpsCode: '35', names: { id: 'Jawa Timur', en: 'East Java', ko: '동자바주', ja: '東ジャワ州', zh: '东爪哇省' }, capital: 'Surabaya', islandGroup: 'java', coordinate: { lat: -7.2575, lon: 112.7521 } },
  { code: 'ID-BT', bpsCode: '36', names: { id: 'Banten', en: 'Banten', ko: '반텐주', ja: 'バンテン州', zh: '万丹省' }, capital: 'Serang', islandGroup: 'java', coordinate: { lat: -6.12, lon: 106.1503 } },
  // Bali and Nusa Tenggara.
  { code: 'ID-BA', bpsCode: '51', names: { id: 'Bali', en: 'Bali', ko: '발리주', ja: 'バリ州', zh: '巴厘省' }, capital: 'Denpasar', islandGroup: 'bali-nusa-tenggara', coordinate: { lat: -8.6705, lon: 115.2126 } },
  { code: 'ID-NB', bpsCode: '52', names: { id: 'Nusa Tenggara Barat', en: 'West Nusa Tenggara', ko: '서누사틍가라주', ja: '西ヌサ・トゥンガラ州', zh: '西努沙登加拉省' }, capital: 'Mataram', islandGroup: 'bali-nusa-tenggara', coordinate: { lat: -8.5833, lon: 116.1167 } },
  { code: 'ID-NT', bpsCode: '53', names: { id: 'Nusa Tenggara Timur', en: 'East Nusa Tenggara', ko: '동누사틍가라주', ja: '東ヌサ・トゥンガラ州', zh: '东努沙登加拉省' }, capital: 'Kupang', islandGroup: 'bali-nusa-tenggara', coordinate: { lat: -10.1772, lon: 123.607 } },
  // Kalimantan.
  { code: 'ID-KB', bpsCode: '61', names: { id: 'Kalimantan Barat', en: 'West Kalimantan', ko: '서칼리만탄주', ja: '西カリマンタン州', zh: '西加里曼丹省' }, capital: 'Pontianak', islandGroup: 'kalimantan', coordinate: { lat: -0.0263, lon: 109.3425 } },
  { code: 'ID-KT', bpsCode: '62', names: { id: 'Kalimantan Tengah', en: 'Central Kalimantan', ko: '중부칼리만탄주', ja: '中部カリマンタン州', zh: '中加里曼丹省' }, capital: 'Palangka Raya', islandGroup: 'kalimantan', coordinate: { lat: -2.2161, lon: 113.9135 } },
  // The capital moved from Banjarmasin to Banjarbaru under UU 8/2022.
  { code: 'ID-KS', bpsCode: '63', names: { id: 'Kalimantan Selatan', en: 'South Kalimantan', ko: '남칼리만탄주', ja: '南カリマンタン州', zh: '南加里曼丹省' }, capital: 'Banjarbaru', islandGroup: 'kalimantan', coordinate: { lat: -3.4426, lon: 114.8336 } },
  { code: 'ID-KI', bpsCode: '64', names: { id: 'Kalimantan Timur', en: 'East Kalimantan', ko: '동칼리만탄주', ja: '東カリマンタン州', zh: '东加里曼丹省' }, capital: 'Samarinda', islandGroup: 'kalimantan', coordinate: { lat: -0.5022, lon: 117.1536 } },
  { code: 'ID-KU', bpsCode: '65', names: { id: 'Kalimantan Utara', en: 'North Kalimantan', ko: '북칼리만탄주', ja: '北カリマンタン州', zh: '北加里曼丹省' }, capital: 'Tanjung Selor', islandGroup: 'kalimantan', coordinate: { lat: 2.8375, lon: 117.3653 } },
  // Sulawesi, including Gorontalo.
  { code: 'ID-SA', bpsCode: '71', names: { id: 'Sulawesi Utara', en: 'North Sulawesi', ko: '북술라웨시주', ja: '北スラウェシ州', zh: '北苏拉威西省' }, capital: 'Manado', islandGroup: 'sulawesi', coordinate: { lat: 1.4748, lon: 124.8421 } },
  { code: 'ID-ST', bpsCode: '72', names: { id: 'Sulawesi Tengah', en: 'Central Sulawesi', ko: '중부술라웨시주', ja: '中部スラウェシ州', zh: '中苏拉威西省' }, capital: 'Palu', islandGroup: 'sulawesi', coordinate: { lat: -0.8917, lon: 119.8707 } },
  { code: 'ID-SN', bpsCode: '73', names: { id: 'Sulawesi Selatan', en: 'South Sulawesi', ko: '남술라웨시주', ja: '南スラウェシ州', zh: '南苏拉威西省' }, capital: 'Makassar', islandGroup: 'sulawesi', coordinate: { lat: -5.1477, lon: 119.4327 } },
  { code: 'ID-SG', bpsCode: '74', names: { id: 'Sulawesi Tenggara', en: 'Southeast Sulawesi', ko: '남동술라웨시주', ja: '南東スラウェシ州', zh: '东南苏拉威西省' }, capital: 'Kendari', islandGroup: 'sulawesi', coordinate: { lat: -3.9985, lon: 122.5127 } },
  { code: 'ID-GO', bpsCode: '75', names: { id: 'Gorontalo', en: 'Gorontalo', ko: '고론탈로주', ja: 'ゴロンタロ州', zh: '哥伦打洛省' }, capital: 'Gorontalo', islandGroup: 'sulawesi', coordinate: { lat: 0.5435, lon: 123.0568 } },
  { code: 'ID-SR', bpsCode: '76', names: { id: 'Sulawesi Barat', en: 'West Sulawesi', ko: '서술라웨시주', ja: '西スラウェシ州', zh: '西苏拉威西省' }, capital: 'Mamuju', islandGroup: 'sulawesi', coordinate: { lat: -2.6806, lon: 118.8861 } },
  // Maluku.
  { code: 'ID-MA', bpsCode: '81', names: { id: 'Maluku', en: 'Maluku', ko: '말루쿠주', ja: 'マルク州', zh: '马鲁古省' }, capital: 'Ambon', islandGroup: 'maluku', coordinate: { lat: -3.6954, lon: 128.1814 } },
  { code: 'ID-MU', bpsCode: '82', names: { id: 'Maluku Utara', en: 'North Maluku', ko: '북말루쿠주', ja: '北マルク州', zh: '北马鲁古省' }, capital: 'Sofifi', islandGroup: 'maluku', coordinate: { lat: 0.7372, lon: 127.5588 } },
  // Papua: Papua Barat Daya split from Papua Barat; Selatan, Tengah and Pegunungan from Papua (2022).
  { code: 'ID-PB', bpsCode: '91', names: { id: 'Papua Barat', en: 'West Papua', ko: '서파푸아주', ja: '西パプア州', zh: '西巴布亚省' }, capital: 'Manokwari', islandGroup: 'papua', coordinate: { lat: -0.8615, lon: 134.062 } },
  { code: 'ID-PD', bpsCode: '92', names: { id: 'Papua Barat Daya', en: 'Southwest Papua', ko: '남서파푸아주', ja: '南西パプア州', zh: '西南巴布亚省' }, capital: 'Sorong', islandGroup: 'papua', coordinate: { lat: -0.8762, lon: 131.2558 } },
  { code: 'ID-PA', bpsCode: '94', names: { id: 'Papua', en: 'Papua', ko: '파푸아주', ja: 'パプア州', zh: '巴布亚省' }, capital: 'Jayapura', islandGroup: 'papua', coordinate: { lat: -2.5337, lon: 140.7181 } },
  { code: 'ID-PS', bpsCode: '95', names: { id: 'Papua Selatan', en: 'South Papua', ko: '남파푸아주', ja: '南パプア州', zh: '南巴布亚省' }, capital: 'Merauke', islandGroup: 'papua', coordinate: { lat: -8.4932, lon: 140.4018 } },
  { code: 'ID-PT', bpsCode: '96', names: { id: 'Papua Tengah', en: 'Central Papua', ko: '중부파푸아주', ja: '中部パプア州', zh: '中巴布亚省' }, capital: 'Nabire', islandGroup: 'papua', coordinate: { lat: -3.3661, lon: 135.496 } },
  { code: 'ID-PE', bpsCode: '97', names: { id: 'Papua Pegunungan', en: 'Highland Papua', ko: '고지대파푸아주', ja: '山岳パプア州', zh: '高地巴布亚省' }, capital: 'Wamena (Jayawijaya)', islandGroup: 'papua', coordinate: { lat: -4.0975, lon: 138.9458 } },
];

export const ISLAND_GROUP_NAMES: Readonly<Record<IslandGroup, LocalizedName>> = {
  sumatra: { en: 'Sumatra', id: 'Sumatera', ko: '수마트라', ja: 'スマトラ', zh: '苏门答腊' },
  java: { en: 'Java', id: 'Jawa', ko: '자바', ja: 'ジャワ', zh: '爪哇' },
  kalimantan: { en: 'Kalimantan', id: 'Kalimantan', ko: '칼리만탄', ja: 'カリマンタン', zh: '加里曼丹' },
  sulawesi: { en: 'Sulawesi', id: 'Sulawesi', ko: '술라웨시', ja: 'スラウェシ', zh: '苏拉威西' },
  'bali-nusa-tenggara': {
    en: 'Bali and Nusa Tenggara',
    id: 'Bali dan Nusa Tenggara',
    ko: '발리·누사틍가라',
    ja: 'バリ・ヌサトゥンガラ',
    zh: '巴厘与努沙登加拉',
  },
  maluku: { en: 'Maluku', id: 'Maluku', ko: '말루쿠', ja: 'マルク', zh: '马鲁古' },
  papua: { en: 'Papua', id: 'Papua', ko: '파푸아', ja: 'パプア', zh: '巴布亚' },
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
