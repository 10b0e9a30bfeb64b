import { TRANSFER_DEPTHS } from '../codes.ts';
import { FACTORS, type Factor, type Weights } from './types.ts';
import { ELIGIBILITY_RULE, REGENCY_LOCATION_RULE, RULE_BADGE_MODEL } from './decision-model.ts';

/** How much a stale opportunity's match score is multiplied by; shown in every explanation it applies to. */
export const STALE_SCORE_FACTOR = 0.9;

/** Bumped whenever a formula or constant below changes, so stored scores can be told apart. */
export const MODEL_VERSION = '2.0.0';

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  sector: 0.3,
  technology: 0.3,
  location: 0.15,
  size: 0.15,
  modality: 0.1,
});

/** How a score reads, best first; half-open ranges [min, next band's min). */
export const BANDS = ['strong', 'good', 'weak'] as const;
export type Band = (typeof BANDS)[number];
export const BAND_MIN_SCORE: Readonly<Record<Band, number>> = Object.freeze({ strong: 75, good: 50, weak: 0 });

export function bandOf(score: number): Band {
  return BANDS.find((band) => score >= BAND_MIN_SCORE[band]) ?? 'weak';
}

/**
 * Evidence: the weighted mean of the known factors is multiplied by share ** EVIDENCE_EXPONENT,
 * where share is the part of the requested weight that fell on known factors. A power keeps a
 * fully known pair unchanged, lowers a pair resting on less evidence, and multiplies all of one
 * investor's pairs with the same open axes alike, so the weight of a factor the investor leaves
 * open never reorders its results. One half: a pair missing the technology factor (30 % of the
 * default weight) keeps 84 % of its mean; a sector-only profile at most 55 points.
 */
export const EVIDENCE_EXPONENT = 0.5;

/** A factor "supports" a match (is listed under why it fits) when it counts and scores at least this. */
export const SUPPORT_MIN_FACTOR_SCORE = 0.5;

/** Each caller weight must lie in [min, max]; together they must not all be zero. */
export const WEIGHT_BOUNDS = Object.freeze({ min: 0, max: 1 });

/** Sector: the investor lists the opportunity's parent sector, i.e. "anything in it". */
export const SECTOR_PARENT_SCORE = 1;
/** Sector: the investor lists another leaf of the same parent. */
export const SECTOR_SIBLING_SCORE = 0.5;

/**
 * Technology: depth fit by how many steps the investor's willingness falls short of the
 * required depth (index = steps short). Willing to go as far or further scores 1.
 */
export const DEPTH_FIT_BY_STEPS_SHORT: readonly number[] = Object.freeze([1, 0.5, 0.2, 0]);

/** Location: the opportunity lies in a preferred island group (or that of a preferred province). */
export const LOCATION_ISLAND_GROUP_SCORE = 0.6;
/** Location: ceiling of the distance decay; below the island-group score so tiers never cross. */
export const LOCATION_DISTANCE_MAX = 0.4;
/** Location: e-folding distance of the decay, in km. */
export const LOCATION_DISTANCE_SCALE_KM = 1000;
/** Mean Earth radius (IUGG), for great-circle distances. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Size: overlapping ranges score from this floor (merely touching) up to 1 (one range inside
 * the other); disjoint ranges decay from it, so any overlap beats any gap and the score is
 * continuous where the ranges meet.
 */
export const SIZE_OVERLAP_FLOOR = 0.5;
/** Size: e-folding gap between disjoint ranges, in decades (log10 units). */
export const SIZE_GAP_SCALE_DECADES = 0.5;

interface Text {
  en: string;
  id: string;
}

export interface FactorDescription {
  factor: Factor;
  defaultWeight: number;
  formula: Text;
  neutralWhen: Text;
  constants: Record<string, number | readonly number[]>;
}

export interface MatchingModel {
  version: string;
  scale: { min: number; max: number; decimals: number };
  factors: FactorDescription[];
  weights: {
    defaults: Weights;
    bounds: { min: number; max: number };
    rule: Text;
  };
  combination: Text;
  evidence: { exponent: number; rule: Text };
  freshness: { factor: number; rule: Text };
  bands: { band: Band; min: number; max: number }[];
  supports: { minFactorScore: number; rule: Text };
  neutralRule: Text;
  nothingComparable: Text;
  tieBreak: Text;
  badges: { code: string; description: Text }[];
  eligibility: Text;
  ruleBadges: { code: string; description: Text }[];
  regencyLocation: { rule: Text; constants: Record<string, number> };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Served as-is at GET /v1/matching/model: plain JSON data only. */
export const MATCHING_MODEL: MatchingModel = deepFreeze<MatchingModel>({
  version: MODEL_VERSION,
  scale: { min: 0, max: 100, decimals: 2 },
  factors: [
    {
      factor: 'sector',
      defaultWeight: DEFAULT_WEIGHTS.sector,
      formula: {
        en:
          'The best of the investor\'s listed sectors: 1 if it lists the opportunity\'s sector ' +
          `(leaf); ${SECTOR_PARENT_SCORE} if it lists that sector's parent, meaning anything in ` +
          `that parent; ${SECTOR_SIBLING_SCORE} if it lists another leaf of the same parent; ` +
          'otherwise 0.',
        id:
          'Nilai terbaik dari sektor yang dicantumkan investor: 1 jika mencantumkan sektor ' +
          `(subsektor) peluang; ${SECTOR_PARENT_SCORE} jika mencantumkan sektor induknya, yang ` +
          `berarti semua subsektor di induk itu; ${SECTOR_SIBLING_SCORE} jika mencantumkan ` +
          'subsektor lain dengan induk yang sama; selain itu 0.',
      },
      neutralWhen: {
        en: 'The investor lists no sector.',
        id: 'Investor tidak mencantumkan sektor.',
      },
      constants: { parent: SECTOR_PARENT_SCORE, sibling: SECTOR_SIBLING_SCORE },
    },
    {
      factor: 'technology',
      defaultWeight: DEFAULT_WEIGHTS.technology,
      formula: {
        en:
          'coverage × depth fit. Coverage is the share of the technologies the opportunity ' +
          'seeks that the investor holds (1 if it seeks none; an investor that states a ' +
          'willingness but lists no technology holds none of them). Depth fit compares the ' +
          'investor\'s maximum transfer depth with the required one on the scale ' +
          `${TRANSFER_DEPTHS.join(' < ')}: 1 if willing to go as far or further, otherwise by ` +
          `steps short 1 → ${DEPTH_FIT_BY_STEPS_SHORT[1]}, 2 → ${DEPTH_FIT_BY_STEPS_SHORT[2]}, ` +
          `3 → ${DEPTH_FIT_BY_STEPS_SHORT[3]}. If the investor lists technologies but states no ` +
          'willingness, the depth term is left out (fit 1): nothing was said to compare.',
        id:
          'cakupan × kesesuaian kedalaman. Cakupan adalah porsi teknologi yang dicari peluang ' +
          'yang dikuasai investor (1 jika peluang tidak mencari teknologi; investor yang ' +
          'menyatakan kesediaan tetapi tidak mencantumkan teknologi dianggap tidak menguasai ' +
          'satu pun). Kesesuaian kedalaman membandingkan kedalaman alih teknologi maksimum ' +
          `investor dengan yang disyaratkan pada skala ${TRANSFER_DEPTHS.join(' < ')}: 1 jika ` +
          'bersedia sejauh itu atau lebih, selain itu menurut kekurangan tingkat 1 → ' +
          `${DEPTH_FIT_BY_STEPS_SHORT[1]}, 2 → ${DEPTH_FIT_BY_STEPS_SHORT[2]}, 3 → ` +
          `${DEPTH_FIT_BY_STEPS_SHORT[3]}. Jika investor mencantumkan teknologi tetapi tidak ` +
          'menyatakan kesediaan, unsur kedalaman tidak dihitung (nilai 1): tidak ada yang ' +
          'dapat dibandingkan.',
      },
      neutralWhen: {
        en: 'The investor lists no technology and states no maximum transfer depth, or the opportunity seeks no technology.',
        id:
          'Investor tidak mencantumkan teknologi dan tidak menyatakan kedalaman alih teknologi maksimum, atau ' +
          'peluang tidak mencari teknologi.',
      },
      constants: { depthFitByStepsShort: DEPTH_FIT_BY_STEPS_SHORT },
    },
    {
      factor: 'location',
      defaultWeight: DEFAULT_WEIGHTS.location,
      formula: {
        en:
          '1 if the opportunity\'s province is a preferred province; ' +
          `${LOCATION_ISLAND_GROUP_SCORE} if its island group is a preferred island group or ` +
          'that of a preferred province; otherwise ' +
          `${LOCATION_DISTANCE_MAX} × exp(−d / ${LOCATION_DISTANCE_SCALE_KM} km), where d is the ` +
          'great-circle distance, between representative coordinates, to the nearest preferred ' +
          'province or province in a preferred island group (Earth radius ' +
          `${EARTH_RADIUS_KM} km).`,
        id:
          '1 jika provinsi peluang termasuk provinsi pilihan; ' +
          `${LOCATION_ISLAND_GROUP_SCORE} jika kelompok pulaunya termasuk kelompok pulau ` +
          'pilihan atau kelompok pulau dari provinsi pilihan; selain itu ' +
          `${LOCATION_DISTANCE_MAX} × exp(−d / ${LOCATION_DISTANCE_SCALE_KM} km), dengan d ` +
          'jarak lingkaran besar, antara koordinat representatif, ke provinsi pilihan terdekat ' +
          `atau provinsi terdekat dalam kelompok pulau pilihan (jari-jari Bumi ${EARTH_RADIUS_KM} km).`,
      },
      neutralWhen: {
        en: 'The investor prefers no province and no island group.',
        id: 'Investor tidak memilih provinsi maupun kelompok pulau.',
      },
      constants: {
        islandGroup: LOCATION_ISLAND_GROUP_SCORE,
        distanceMax: LOCATION_DISTANCE_MAX,
        distanceScaleKm: LOCATION_DISTANCE_SCALE_KM,
        earthRadiusKm: EARTH_RADIUS_KM,
      },
    },
    {
      factor: 'size',
      defaultWeight: DEFAULT_WEIGHTS.size,
      formula: {
        en:
          'On a log10 scale of US dollars: if the opportunity\'s investment range and the ' +
          `investor's ticket range meet, ${SIZE_OVERLAP_FLOOR} + ${1 - SIZE_OVERLAP_FLOOR} × ` +
          '(overlap length ÷ length of the shorter range), where a single-value range that ' +
          'lies inside the other counts as fully covered; if they are apart by a gap of g ' +
          `decades, ${SIZE_OVERLAP_FLOOR} × exp(−g / ${SIZE_GAP_SCALE_DECADES}). Any overlap ` +
          'therefore scores above any gap.',
        id:
          'Pada skala log10 dolar AS: jika kisaran nilai investasi peluang dan kisaran tiket ' +
          `investor bertemu, ${SIZE_OVERLAP_FLOOR} + ${1 - SIZE_OVERLAP_FLOOR} × (panjang irisan ` +
          '÷ panjang kisaran yang lebih pendek), dengan kisaran satu nilai yang berada di dalam ' +
          'kisaran lain dihitung tercakup penuh; jika terpisah sejauh g dekade, ' +
          `${SIZE_OVERLAP_FLOOR} × exp(−g / ${SIZE_GAP_SCALE_DECADES}). Irisan apa pun selalu ` +
          'bernilai lebih tinggi daripada jarak apa pun.',
      },
      neutralWhen: {
        en: 'The investor states no ticket range.',
        id: 'Investor tidak menyatakan kisaran tiket.',
      },
      constants: { overlapFloor: SIZE_OVERLAP_FLOOR, gapScaleDecades: SIZE_GAP_SCALE_DECADES },
    },
    {
      factor: 'modality',
      defaultWeight: DEFAULT_WEIGHTS.modality,
      formula: {
        en:
          'The share of the opportunity\'s modalities that the investor accepts (1 if the ' +
          'opportunity names none). A share rather than a Jaccard index, so accepting more ' +
          'modalities never lowers the score.',
        id:
          'Porsi skema kerja sama peluang yang diterima investor (1 jika peluang tidak ' +
          'menyebutkannya). Dipakai porsi, bukan indeks Jaccard, agar menerima lebih banyak ' +
          'skema tidak pernah menurunkan skor.',
      },
      neutralWhen: {
        en: 'The investor lists no accepted modality, or the opportunity names none.',
        id: 'Investor tidak mencantumkan skema kerja sama yang diterima, atau peluang tidak menyebutkannya.',
      },
      constants: {},
    },
  ],
  weights: {
    defaults: { ...DEFAULT_WEIGHTS },
    bounds: { ...WEIGHT_BOUNDS },
    rule: {
      en:
        'A caller may pass any of the five weights; each must be a number in ' +
        `[${WEIGHT_BOUNDS.min}, ${WEIGHT_BOUNDS.max}], missing ones take the defaults, and they ` +
        'must not all be 0. For each pair the weights of the factors that count (neither side ' +
        'leaves them open) are divided by their sum, so they add up to 1: that is the weight each ' +
        'match shows as applied. If every factor weighted above 0 is left open, the request is ' +
        'refused with 400 weights-ineffective.',
      id:
        'Pemanggil boleh memberikan bobot mana pun dari kelima bobot; masing-masing harus ' +
        `berupa angka dalam [${WEIGHT_BOUNDS.min}, ${WEIGHT_BOUNDS.max}], yang tidak diberikan ` +
        'memakai nilai bawaan, dan tidak boleh semuanya 0. Untuk setiap pasangan, bobot faktor ' +
        'yang dihitung (tidak dibiarkan terbuka oleh pihak mana pun) dibagi dengan jumlahnya ' +
        'sehingga totalnya 1: itulah bobot yang ditampilkan setiap hasil sebagai bobot yang ' +
        'diterapkan. Jika setiap faktor berbobot di atas 0 dibiarkan terbuka, permintaan ditolak ' +
        'dengan 400 weights-ineffective.',
    },
  },
  combination: {
    en:
      'score = 100 × e × Σ w_f × s_f over the factors that count, with w_f the applied ' +
      '(renormalised) weight, s_f the factor score in [0, 1] and e the evidence scale; rounded ' +
      'to 2 decimals. Each factor\'s contribution is 100 × e × w_f × s_f rounded to 2 decimals, ' +
      'so contributions add up to the score within rounding.',
    id:
      'skor = 100 × e × Σ w_f × s_f atas faktor yang dihitung, dengan w_f bobot yang diterapkan ' +
      '(dinormalkan ulang), s_f skor faktor dalam [0, 1] dan e skala bukti; dibulatkan 2 ' +
      'desimal. Kontribusi tiap faktor adalah 100 × e × w_f × s_f dibulatkan 2 desimal, ' +
      'sehingga jumlah kontribusi sama dengan skor dalam batas pembulatan.',
  },
  freshness: {
    factor: STALE_SCORE_FACTOR,
    rule: {
      en:
        `An opportunity past its review date (stale: not verified by staff within REVIEW_INTERVAL_DAYS) has its score and every ` +
        `contribution multiplied by ${STALE_SCORE_FACTOR}, shown in the match as freshness with the date it was last verified; ` +
        'contributions still add up to the score within rounding. Verifying it lifts the factor.',
      id:
        `Peluang yang melewati tanggal tinjauannya (basi: tidak diverifikasi staf dalam REVIEW_INTERVAL_DAYS) skor dan setiap ` +
        `kontribusinya dikalikan ${STALE_SCORE_FACTOR}, ditampilkan pada hasil sebagai freshness beserta tanggal verifikasi ` +
        'terakhirnya; jumlah kontribusi tetap sama dengan skor dalam batas pembulatan. Verifikasi menghapus faktor ini.',
    },
  },
  evidence: {
    exponent: EVIDENCE_EXPONENT,
    rule: {
      en:
        'A match resting on less evidence must not outrank an equally good one resting on more. ' +
        'The evidence share k is the part of the requested weight that falls on factors that ' +
        `count; the scale is e = k^${EVIDENCE_EXPONENT}. A fully known pair keeps its weighted ` +
        'mean; a pair missing the technology factor (30 % of the default weight) keeps ' +
        `${Math.round(100 * 0.7 ** EVIDENCE_EXPONENT)} % of it; a profile stating only its sector ` +
        `reaches at most ${Math.round(100 * 0.3 ** EVIDENCE_EXPONENT)}. A power, rather than a ` +
        'shrink toward a prior, scales all of one investor\'s pairs alike when only the weight ' +
        'of a factor it leaves open changes, so that weight never reorders its results, and it ' +
        'never lifts a poor match for knowing less.',
      id:
        'Hasil yang bertumpu pada bukti lebih sedikit tidak boleh mengungguli hasil yang sama ' +
        'baiknya dengan bukti lebih banyak. Porsi bukti k adalah bagian bobot yang diminta yang ' +
        `jatuh pada faktor yang dihitung; skalanya e = k^${EVIDENCE_EXPONENT}. Pasangan yang ` +
        'seluruh faktornya diketahui mempertahankan rata-rata berbobotnya; pasangan tanpa ' +
        'faktor teknologi (30 % bobot bawaan) mempertahankan ' +
        `${Math.round(100 * 0.7 ** EVIDENCE_EXPONENT)} %-nya; profil yang hanya menyatakan ` +
        `sektor paling tinggi mencapai ${Math.round(100 * 0.3 ** EVIDENCE_EXPONENT)}. Pangkat, ` +
        'bukan penyusutan ke nilai awal, menskalakan semua pasangan seorang investor secara sama ' +
        'bila hanya bobot faktor yang dibiarkannya terbuka yang berubah, sehingga bobot itu ' +
        'tidak pernah mengubah urutan hasilnya, dan tidak pernah menaikkan hasil yang buruk ' +
        'karena buktinya lebih sedikit.',
    },
  },
  bands: BANDS.map((band, i) => ({
    band,
    min: BAND_MIN_SCORE[band],
    max: i === 0 ? 100 : BAND_MIN_SCORE[BANDS[i - 1]!],
  })),
  supports: {
    minFactorScore: SUPPORT_MIN_FACTOR_SCORE,
    rule: {
      en:
        'A factor supports a match (it is listed under why it fits) when it counts and scores ' +
        `at least ${SUPPORT_MIN_FACTOR_SCORE}. Factors left open never support a match.`,
      id:
        'Sebuah faktor mendukung hasil (dicantumkan sebagai alasan kecocokan) bila faktor itu ' +
        `dihitung dan skornya paling sedikit ${SUPPORT_MIN_FACTOR_SCORE}. Faktor yang dibiarkan ` +
        'terbuka tidak pernah mendukung hasil.',
    },
  },
  neutralRule: {
    en:
      'A factor either side leaves open — the investor states no preference, or the ' +
      'opportunity seeks no technology or names no modality — is evidence of nothing and ' +
      'neutral: it is left out, its weight is 0 and the remaining weights are renormalised. It ' +
      'is never silently scored 0 or 1; what it costs is evidence (see evidence).',
    id:
      'Faktor yang dibiarkan terbuka oleh salah satu pihak — investor tidak menyatakan ' +
      'preferensi, atau peluang tidak mencari teknologi atau tidak menyebutkan skema kerja ' +
      'sama — bukan bukti apa pun dan bersifat netral: tidak dihitung, bobotnya 0 dan bobot ' +
      'lainnya dinormalkan ulang. Faktor itu tidak pernah diam-diam diberi nilai 0 atau 1; ' +
      'yang hilang hanyalah bukti (lihat evidence).',
  },
  nothingComparable: {
    en:
      'If no factor is both non-neutral and weighted above 0, there is nothing to compare on ' +
      'and the score is 0 (every factor shows weight 0).',
    id:
      'Jika tidak ada faktor yang tidak netral dan berbobot di atas 0, tidak ada yang dapat ' +
      'dibandingkan dan skornya 0 (setiap faktor menunjukkan bobot 0).',
  },
  tieBreak: {
    en:
      'Results are ordered by the rounded score, highest first; equal scores by evidence share ' +
      '(4 decimals), more evidence first; then by id in ascending code-unit order, which is ' +
      'the same on every database (demo records have ids derived from their keys). A page ' +
      'cursor is the (score, evidence, id) of the last result.',
    id:
      'Hasil diurutkan menurut skor yang telah dibulatkan, tertinggi lebih dulu; skor yang sama ' +
      'menurut porsi bukti (4 desimal), bukti terbanyak lebih dulu; lalu menurut id secara ' +
      'menaik (urutan unit kode), yang sama di setiap basis data (data demo memakai id yang ' +
      'diturunkan dari kuncinya). Kursor halaman adalah (skor, bukti, id) hasil terakhir.',
  },
  badges: [
    {
      code: 'health-mou',
      description: {
        en:
          'Indonesia has a health MoU or strategic health partnership with the investor\'s ' +
          'country. Shown as context; never part of the score.',
        id:
          'Indonesia memiliki MoU atau kemitraan strategis di bidang kesehatan dengan negara ' +
          'asal investor. Ditampilkan sebagai konteks; tidak pernah memengaruhi skor.',
      },
    },
  ],
  eligibility: ELIGIBILITY_RULE,
  ruleBadges: RULE_BADGE_MODEL,
  regencyLocation: REGENCY_LOCATION_RULE,
});

export interface WeightError {
  field: string;
  message: string;
}

export type WeightValidation =
  | { ok: true; weights: Weights }
  | { ok: false; errors: WeightError[] };

const FACTOR_SET: ReadonlySet<string> = new Set(FACTORS);

/**
 * Checks caller weights; missing factors take the defaults. Accepts a loosely typed record
 * so unknown names coming from a request are reported rather than ignored.
 */
export function validateWeights(
  partial: Partial<Weights> | Readonly<Record<string, unknown>>,
): WeightValidation {
  const errors: WeightError[] = [];
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  const given = partial as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(given)) {
    const value = given[key];
    if (!FACTOR_SET.has(key)) {
      errors.push({
        field: `weights.${key}`,
        message: `Unknown factor "${key}"; expected one of ${FACTORS.join(', ')}.`,
      });
      continue;
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ field: `weights.${key}`, message: 'Must be a finite number.' });
      continue;
    }
    if (value < WEIGHT_BOUNDS.min || value > WEIGHT_BOUNDS.max) {
      errors.push({
        field: `weights.${key}`,
        message: `Must be between ${WEIGHT_BOUNDS.min} and ${WEIGHT_BOUNDS.max}.`,
      });
      continue;
    }
    weights[key as Factor] = value;
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, weights };
}

/**
 * The weight fields that make a ranking meaningless, or null when it has something to compare:
 * every positively weighted factor is left open (`open[f]`), so every score would be 0. With
 * all weights 0 that is every field.
 */
export function ineffectiveWeightFields(open: Readonly<Record<Factor, boolean>>, weights: Readonly<Weights>): string[] | null {
  const positive = FACTORS.filter((f) => weights[f] > 0);
  if (positive.some((f) => !open[f])) return null;
  return (positive.length > 0 ? positive : FACTORS).map((f) => `weights.${f}`);
}
