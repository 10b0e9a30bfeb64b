/**
 * The parts of the published model about what an investor decides on: which pairs are left
 * out, the regulatory badges (never part of the score) and regency-level location.
 */
import { DEFAULT_PROJECT_HORIZON_YEARS, RULE_BADGES, type RuleBadgeCode } from '../rule-badges.ts';
import { LOCATION_REGENCY_PROVINCE_SCORE, LOCATION_REGENCY_SCALE_KM } from './regency.ts';

type Text = { en: string; id: string };

export const ELIGIBILITY_RULE: Text = {
  en:
    'A pair that cannot legally happen is left out of matches in both directions, of the preview and of match ' +
    'alerts (includeIneligible=true shows it, with eligibility.eligible false and the reasons): a foreign investor ' +
    '(any country but ID) and a KBLI reserved to domestic capital, or an ownership intent above the KBLI\'s ' +
    'foreign-equity cap (minority needs a cap above 0%, majority above 50%, full 100%) — Perpres 10/2021 as amended ' +
    'by Perpres 49/2021. An unverified cap never excludes; it shows as a warning badge. Eligibility never changes a score.',
  id:
    'Pasangan yang secara hukum tidak mungkin terjadi tidak ditampilkan dalam hasil pencocokan di kedua arah, pratinjau, ' +
    'maupun peringatan kecocokan (includeIneligible=true menampilkannya, dengan eligibility.eligible false dan alasannya): ' +
    'investor asing (negara selain ID) dan KBLI yang hanya untuk modal dalam negeri, atau niat kepemilikan di atas batas ' +
    'kepemilikan asing KBLI (minoritas memerlukan batas di atas 0%, mayoritas di atas 50%, penuh 100%) — Perpres 10/2021 ' +
    'sebagaimana diubah Perpres 49/2021. Batas yang belum diverifikasi tidak pernah mengecualikan; ditampilkan sebagai ' +
    'peringatan. Kelayakan tidak pernah mengubah skor.',
};

const RULE_BADGE_DESCRIPTIONS: Record<RuleBadgeCode, Text> = {
  'pma-minimum': {
    en: 'Foreign investor and a project valued at no more than IDR 10 bn per 5-digit KBLI per project location (excluding land and buildings; paid-up capital at least IDR 2.5 bn) — BKPM Regulation 5/2025.',
    id: 'Investor asing dan nilai proyek tidak lebih dari Rp10 miliar per KBLI 5 digit per lokasi proyek (di luar tanah dan bangunan; modal disetor paling sedikit Rp2,5 miliar) — Peraturan BKPM 5/2025.',
  },
  'foreign-equity-cap-unverified': {
    en: 'Foreign investor and a KBLI whose foreign-equity cap is unverified (21021).',
    id: 'Investor asing dan KBLI yang batas kepemilikan asingnya belum diverifikasi (21021).',
  },
  'tax-holiday': {
    en: 'A pioneer KBLI (21011, 26601, 26602) and a project value of at least IDR 100 bn, with its tier — PMK 130/2020; always with the caveat that applications closed on 8 October 2024 and an extension is unverified.',
    id: 'KBLI pionir (21011, 26601, 26602) dan nilai proyek paling sedikit Rp100 miliar, dengan tingkatnya — PMK 130/2020; selalu dengan catatan bahwa permohonan ditutup 8 Oktober 2024 dan perpanjangannya belum diverifikasi.',
  },
  'kek-facilities': {
    en: 'The project is in a special economic zone — PP 40/2021.',
    id: 'Proyek berada di Kawasan Ekonomi Khusus — PP 40/2021.',
  },
  'halal-deadline': {
    en: `A halal obligation whose deadline falls within the project horizon (the payback period, else ${DEFAULT_PROJECT_HORIZON_YEARS} years) — UU 33/2014.`,
    id: `Kewajiban halal yang tenggatnya jatuh dalam jangka waktu proyek (masa pengembalian modal, atau ${DEFAULT_PROJECT_HORIZON_YEARS} tahun) — UU 33/2014.`,
  },
  'tkdn-target': {
    en: 'The project states a local-content target; procurement priority from 40% — Permenperin 16/2020 (drugs) or 31/2022 (devices).',
    id: 'Proyek menyatakan target TKDN; prioritas pengadaan mulai 40% — Permenperin 16/2020 (obat) atau 31/2022 (alat kesehatan).',
  },
  'land-not-ready': {
    en: 'The land is in acquisition, of unknown status, or ready only at a later date, as stated by the sponsor.',
    id: 'Lahan masih dalam pengadaan, statusnya tidak diketahui, atau baru siap kemudian, menurut sponsor.',
  },
};

export const RULE_BADGE_MODEL = RULE_BADGES.map((code) => ({
  code,
  description: {
    en: `${RULE_BADGE_DESCRIPTIONS[code].en} Shown with the match; never part of the score.`,
    id: `${RULE_BADGE_DESCRIPTIONS[code].id} Ditampilkan bersama hasil; tidak pernah memengaruhi skor.`,
  },
}));

export const REGENCY_LOCATION_RULE = {
  rule: {
    en:
      'Preferred regencies make their provinces preferred, narrowed to around them: in such a province an opportunity ' +
      `at a known regency scores ${LOCATION_REGENCY_PROVINCE_SCORE} + ${(1 - LOCATION_REGENCY_PROVINCE_SCORE).toFixed(1)} × ` +
      `exp(−d / ${LOCATION_REGENCY_SCALE_KM} km), d being the distance to the nearest preferred regency, and one whose ` +
      `regency is not stated ${LOCATION_REGENCY_PROVINCE_SCORE}; so near the preferred city beats somewhere in its province.`,
    id:
      'Kabupaten/kota pilihan menjadikan provinsinya pilihan, dipersempit ke sekitarnya: di provinsi itu peluang di ' +
      `kabupaten/kota yang diketahui bernilai ${LOCATION_REGENCY_PROVINCE_SCORE} + ${(1 - LOCATION_REGENCY_PROVINCE_SCORE).toFixed(1)} × ` +
      `exp(−d / ${LOCATION_REGENCY_SCALE_KM} km), d jarak ke kabupaten/kota pilihan terdekat, dan yang kabupaten/kotanya ` +
      `tidak disebutkan ${LOCATION_REGENCY_PROVINCE_SCORE}; jadi dekat kota pilihan mengungguli sekadar di provinsinya.`,
  },
  constants: { provinceScore: LOCATION_REGENCY_PROVINCE_SCORE, scaleKm: LOCATION_REGENCY_SCALE_KM },
};
