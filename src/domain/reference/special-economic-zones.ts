import type { ProvinceCode } from '../codes.ts';
import type { BilingualText } from './i18n.ts';

/** A special economic zone (Kawasan Ekonomi Khusus) that matters to health-industry investors. */
export interface SpecialEconomicZone {
  /** Stable kebab-case slug. */
  code: string;
  name: string;
  province: ProvinceCode;
  /** Year of the government regulation (PP) that designated the zone. */
  established: number;
  /** The designating regulation, short form. */
  regulation: string;
  focus: BilingualText;
  healthRelevance: BilingualText;
  /** Facts that could not be confirmed from a primary source. */
  note?: BilingualText;
}

/**
 * Not the full list of KEKs: only zones with a health focus or an industrial base suited to
 * pharmaceutical or medical-device plants. Facts come from public reporting of the designating
 * regulations.
 */
export const SPECIAL_ECONOMIC_ZONES: readonly SpecialEconomicZone[] = [
  {
    code: 'kek-sanur',
    name: 'KEK Sanur',
    province: 'ID-BA',
    established: 2022,
    regulation: 'PP 41/2022',
    focus: {
      en: 'Health and tourism: international hospital and clinics, hotels and MICE, an ethnomedicinal botanic garden.',
      id: 'Kesehatan dan pariwisata: rumah sakit dan klinik internasional, hotel dan MICE, kebun botani etnomedisin.',
    },
    healthRelevance: {
      en: "Indonesia's first health-focused KEK (Denpasar, 41.26 ha), aimed at patients who now seek treatment abroad.",
      id: 'KEK kesehatan pertama di Indonesia (Denpasar, 41,26 ha), menyasar pasien yang kini berobat ke luar negeri.',
    },
  },
  {
    code: 'kek-batam-health-tourism',
    name: 'KEK Pariwisata dan Kesehatan Internasional Batam',
    province: 'ID-KR',
    established: 2024,
    regulation: 'PP 39/2024',
    focus: {
      en: 'International health services and tourism on two sites in Batam (Sekupang and Nongsa, 47.17 ha).',
      id: 'Layanan kesehatan internasional dan pariwisata di dua lokasi di Batam (Sekupang dan Nongsa, 47,17 ha).',
    },
    healthRelevance: {
      en: 'Hospital-led medical tourism zone facing Singapore; demand for medical devices, consumables and hospital services.',
      id: 'Kawasan wisata medis berbasis rumah sakit yang berhadapan dengan Singapura; kebutuhan alat kesehatan, BMHP dan layanan rumah sakit.',
    },
  },
  {
    code: 'kek-banten-education-technology-health',
    name: 'KEK Edukasi, Teknologi, dan Kesehatan Internasional Banten',
    province: 'ID-BT',
    established: 2024,
    regulation: 'PP 38/2024',
    focus: {
      en: 'Education, research and digital technology, health services and creative industry at BSD City, Tangerang (59.68 ha).',
      id: 'Pendidikan, riset dan teknologi digital, layanan kesehatan serta industri kreatif di BSD City, Tangerang (59,68 ha).',
    },
    healthRelevance: {
      en: 'International health services next to a university and start-up cluster; suited to digital health and clinical research.',
      id: 'Layanan kesehatan internasional berdampingan dengan klaster universitas dan perusahaan rintisan; cocok untuk kesehatan digital dan riset klinik.',
    },
  },
  {
    code: 'kek-kendal',
    name: 'KEK Kendal',
    province: 'ID-JT',
    established: 2019,
    regulation: 'PP 85/2019',
    focus: {
      en: 'Export-oriented manufacturing and logistics (1,000 ha in Kaliwungu and Brangsong, Kendal).',
      id: 'Industri pengolahan berorientasi ekspor dan logistik (1.000 ha di Kaliwungu dan Brangsong, Kendal).',
    },
    healthRelevance: {
      en: 'General industrial zone near Semarang port: sites for pharmaceutical, consumables or device plants.',
      id: 'Kawasan industri umum dekat pelabuhan Semarang: lahan untuk pabrik farmasi, BMHP atau alat kesehatan.',
    },
  },
  {
    code: 'kek-industropolis-batang',
    name: 'KEK Industropolis Batang',
    province: 'ID-JT',
    established: 2025,
    regulation: 'PP 12/2025',
    focus: {
      en: 'Manufacturing, logistics and distribution; converted from the Batang Integrated Industrial Estate (KITB).',
      id: 'Industri manufaktur, logistik dan distribusi; peralihan dari Kawasan Industri Terpadu Batang (KITB).',
    },
    healthRelevance: {
      en: 'Large state-owned industrial zone on the Trans-Java toll road: sites for pharmaceutical, consumables or device plants.',
      id: 'Kawasan industri BUMN yang luas di jalur Tol Trans Jawa: lahan untuk pabrik farmasi, BMHP atau alat kesehatan.',
    },
    note: {
      en: 'Designated in March 2025; the regulation number is taken from press reports and was not checked against the official gazette.',
      id: 'Ditetapkan Maret 2025; nomor PP diambil dari pemberitaan dan belum dicek dengan lembaran negara.',
    },
  },
  {
    code: 'kek-gresik',
    name: 'KEK Gresik (JIIPE)',
    province: 'ID-JI',
    established: 2021,
    regulation: 'PP 71/2021',
    focus: {
      en: 'Technology and manufacturing with a deep-sea port (Java Integrated Industrial and Ports Estate, Manyar, Gresik).',
      id: 'Teknologi dan manufaktur dengan pelabuhan laut dalam (Java Integrated Industrial and Ports Estate, Manyar, Gresik).',
    },
    healthRelevance: {
      en: 'Chemical-processing cluster with port access near Surabaya: sites for API or chemical intermediate plants.',
      id: 'Klaster pengolahan kimia dengan akses pelabuhan dekat Surabaya: lahan untuk pabrik bahan baku obat atau zat antara kimia.',
    },
  },
  {
    code: 'kek-nongsa',
    name: 'KEK Nongsa',
    province: 'ID-KR',
    established: 2021,
    regulation: 'PP 68/2021',
    focus: {
      en: 'Digital economy and tourism (Nongsa Digital Park, Batam).',
      id: 'Ekonomi digital dan pariwisata (Nongsa Digital Park, Batam).',
    },
    healthRelevance: {
      en: 'Digital hub suited to digital-health software and data services rather than manufacturing.',
      id: 'Pusat digital yang cocok untuk perangkat lunak dan layanan data kesehatan digital, bukan manufaktur.',
    },
  },
];

export const kekByCode: ReadonlyMap<string, SpecialEconomicZone> = new Map(
  SPECIAL_ECONOMIC_ZONES.map((zone) => [zone.code, zone]),
);
