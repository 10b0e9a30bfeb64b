import type { BilingualText } from './i18n.ts';

export type HealthPartnerKind = 'health-mou' | 'strategic-health-partnership';

export interface HealthPartner {
  /** ISO 3166-1 alpha-2. */
  country: string;
  kind: HealthPartnerKind;
  /** Year of the earliest bilateral health instrument that could be confirmed. */
  since?: number;
  note: BilingualText;
  /** Short textual citation: issuing body or outlet, and year. */
  source: string;
}

export const HEALTH_PARTNERS_SOURCE_NOTE =
  'Countries with which the Indonesian government (usually the Ministry of Health) has signed a ' +
  'bilateral health MoU, memorandum of cooperation or health agreement, compiled from Ministry of ' +
  'Health releases and press reports of the signings. It is not an official register: instruments ' +
  'expire and are renewed, and some signings may be missing. It is shown as context on a match ' +
  'and never changes a score.';

export const HEALTH_PARTNERS: readonly HealthPartner[] = [
  {
    country: 'KR',
    kind: 'health-mou',
    since: 2017,
    note: {
      en: 'Health MoU signed in Bogor on 9 November 2017, covering pharmaceuticals and medical devices among other areas; its plan of action includes blood-bag production and plasma fractionation. Further agreement at the G20 Health Ministerial Meeting in 2022.',
      id: 'MoU kesehatan ditandatangani di Bogor pada 9 November 2017, antara lain mencakup farmasi dan alat kesehatan; rencana aksinya meliputi produksi kantong darah dan fraksionasi plasma. Kesepakatan lanjutan pada Pertemuan Menteri Kesehatan G20 tahun 2022.',
    },
    source: 'Kementerian Kesehatan RI (Biro Kerja Sama Luar Negeri), 2018; ANTARA, 2022',
  },
  {
    country: 'JP',
    kind: 'health-mou',
    since: 2020,
    note: {
      en: 'Memorandum of Cooperation in health signed on 19 October 2020; its seven areas include pharmaceuticals and medical devices.',
      id: 'Memorandum of Cooperation bidang kesehatan ditandatangani 19 Oktober 2020; tujuh bidangnya termasuk farmasi dan alat kesehatan.',
    },
    source: 'Kementerian Kesehatan RI press release, 2020',
  },
  {
    country: 'CN',
    kind: 'health-mou',
    since: 2017,
    note: {
      en: 'Health MoU signed in Surakarta on 27 November 2017, with a 2020–2022 plan of action; a later MoU (2022) got an action plan in July 2023, alongside private MoUs on vaccine technology transfer and diagnostics.',
      id: 'MoU kesehatan ditandatangani di Surakarta pada 27 November 2017 dengan rencana aksi 2020–2022; MoU berikutnya (2022) dilengkapi rencana aksi pada Juli 2023, bersama MoU swasta tentang alih teknologi vaksin dan alat diagnostik.',
    },
    source: 'Kementerian Kesehatan RI, 2020; Kementerian Luar Negeri RI via ANTARA, 2023',
  },
  {
    country: 'DK',
    kind: 'health-mou',
    since: 2017,
    note: {
      en: 'Health MoU first signed at the World Health Assembly in May 2017 and signed again on 25 June 2021; areas include pharmacy and medical devices and non-communicable diseases.',
      id: 'MoU kesehatan pertama kali ditandatangani di World Health Assembly Mei 2017 dan ditandatangani kembali pada 25 Juni 2021; bidangnya antara lain kefarmasian dan alat kesehatan serta penyakit tidak menular.',
    },
    source: 'Kementerian Kesehatan RI press release, 2021',
  },
  {
    country: 'TR',
    kind: 'health-mou',
    since: 2025,
    note: {
      en: 'An intergovernmental agreement on cooperation in health and medical sciences, one of 13 documents signed in Bogor on 12 February 2025 at the first High Level Strategic Cooperation Council.',
      id: 'Perjanjian antarpemerintah tentang kerja sama bidang kesehatan dan ilmu kedokteran, salah satu dari 13 dokumen yang ditandatangani di Bogor pada 12 Februari 2025 dalam High Level Strategic Cooperation Council pertama.',
    },
    source: 'ANTARA, 2025',
  },
  {
    country: 'SA',
    kind: 'health-mou',
    since: 2017,
    note: {
      en: 'Health MoU signed in Bogor on 1 March 2017 during the King\'s state visit; a further MoU on health workforce and digital vaccine certificates was signed in Jakarta on 24 February 2025.',
      id: 'MoU kesehatan ditandatangani di Bogor pada 1 Maret 2017 saat kunjungan kenegaraan Raja Salman; MoU lanjutan tentang SDM kesehatan dan sertifikat vaksin digital ditandatangani di Jakarta pada 24 Februari 2025.',
    },
    source: 'Kementerian Kesehatan RI statement reported by Tempo, 2017; Tempo, 2025',
  },
  {
    country: 'QA',
    kind: 'health-mou',
    since: 2017,
    note: {
      en: 'A health MoU was one of five MoUs signed in Bogor on 18 October 2017 during the Emir\'s state visit.',
      id: 'MoU kesehatan adalah salah satu dari lima MoU yang ditandatangani di Bogor pada 18 Oktober 2017 saat kunjungan kenegaraan Emir Qatar.',
    },
    source: 'Tempo, 2017',
  },
  {
    country: 'BN',
    kind: 'health-mou',
    since: 2015,
    note: {
      en: 'Health MoU signed by the two health ministers in February 2015; a plan of action, including traditional medicine and product regulation, followed in July 2019.',
      id: 'MoU kesehatan ditandatangani kedua menteri kesehatan pada Februari 2015; rencana aksi, termasuk obat tradisional dan regulasi produk, disepakati Juli 2019.',
    },
    source: 'Kementerian Kesehatan RI, 2019',
  },
  {
    country: 'TL',
    kind: 'health-mou',
    since: 2010,
    note: {
      en: 'Health MoU first signed on 25 March 2010 and extended in 2013; a new MoU for 2017–2020, including pharmacy and medical devices, was signed on 24 May 2017. Whether it has been renewed since could not be confirmed.',
      id: 'MoU kesehatan pertama ditandatangani 25 Maret 2010 dan diperpanjang 2013; MoU baru periode 2017–2020, termasuk farmasi dan alat kesehatan, ditandatangani 24 Mei 2017. Perpanjangan sesudahnya belum dapat dikonfirmasi.',
    },
    source: 'Kementerian Kesehatan RI, 2017; ANTARA, 2013',
  },
  {
    country: 'VN',
    kind: 'health-mou',
    since: 2019,
    note: {
      en: 'Health MoU signed on 29 August 2019 at the ASEAN Health Ministers Meeting, renewing a 1992 MoU; areas include pharmaceuticals and medical devices and traditional medicine.',
      id: 'MoU kesehatan ditandatangani 29 Agustus 2019 pada Pertemuan Menteri Kesehatan ASEAN, memperbarui MoU tahun 1992; bidangnya antara lain kefarmasian dan alat kesehatan serta obat tradisional.',
    },
    source: 'Kementerian Kesehatan RI, 2019',
  },
  {
    country: 'CU',
    kind: 'health-mou',
    since: 2025,
    note: {
      en: 'Renewed health MoU signed at the World Health Assembly in May 2025, covering health security (vaccines, therapeutics, diagnostics) and biotechnology; the date of the earlier MoU could not be confirmed.',
      id: 'MoU kesehatan yang diperbarui ditandatangani pada World Health Assembly Mei 2025, mencakup ketahanan kesehatan (vaksin, terapi, diagnostik) dan bioteknologi; tanggal MoU sebelumnya belum dapat dikonfirmasi.',
    },
    source: 'Kementerian Kesehatan RI press release, 2025',
  },
  {
    country: 'SG',
    kind: 'health-mou',
    since: 2019,
    note: {
      en: 'Health cooperation MoU signed in Geneva on 22 May 2019, covering disease control, healthy living and human resources.',
      id: 'MoU kerja sama kesehatan ditandatangani di Jenewa pada 22 Mei 2019, mencakup pengendalian penyakit, hidup sehat dan SDM.',
    },
    source: 'Ministry of Health Singapore statement reported by The Straits Times, 2019',
  },
  {
    country: 'AE',
    kind: 'health-mou',
    since: 2020,
    note: {
      en: 'Health MoU signed in Abu Dhabi on 12 January 2020, with a joint action plan covering pharmaceuticals and medical devices; a further health MoU was signed in November 2024.',
      id: 'MoU kesehatan ditandatangani di Abu Dhabi pada 12 Januari 2020, dengan rencana aksi bersama yang mencakup kefarmasian dan alat kesehatan; MoU kesehatan berikutnya ditandatangani November 2024.',
    },
    source: 'Kementerian Kesehatan RI, 2020; ANTARA, 2024',
  },
  {
    country: 'IN',
    kind: 'health-mou',
    since: 2025,
    note: {
      en: 'Health MoU signed during the state visit to New Delhi in January 2025, covering health workforce, pharmaceutical technology transfer, vaccines and diagnostics. India\'s cabinet had approved an earlier health MoU in 2018; its signing was not confirmed.',
      id: 'MoU kesehatan ditandatangani saat kunjungan kenegaraan ke New Delhi Januari 2025, mencakup SDM kesehatan, alih teknologi farmasi, vaksin dan alat diagnostik. Kabinet India menyetujui MoU kesehatan sebelumnya pada 2018; penandatanganannya belum dikonfirmasi.',
    },
    source: 'Kementerian Kesehatan RI statement, 2025',
  },
  {
    country: 'GB',
    kind: 'health-mou',
    note: {
      en: 'Updated health MoU signed at the World Health Assembly in May 2025, covering primary care, disease control, genomics, pharmaceuticals and medical technology; the year of the original MoU could not be confirmed.',
      id: 'MoU kesehatan yang diperbarui ditandatangani pada World Health Assembly Mei 2025, mencakup layanan primer, pengendalian penyakit, genomik, farmasi dan teknologi alat kesehatan; tahun MoU awal belum dapat dikonfirmasi.',
    },
    source: 'Kementerian Kesehatan RI statement, 2025',
  },
  {
    country: 'NL',
    kind: 'health-mou',
    since: 2018,
    note: {
      en: 'Health MoU signed in Bali at the Global Health Security Agenda ministerial meeting in 2018, covering health systems, antimicrobial resistance and global health security.',
      id: 'MoU kesehatan ditandatangani di Bali pada pertemuan tingkat menteri Global Health Security Agenda tahun 2018, mencakup sistem kesehatan, resistensi antimikroba dan ketahanan kesehatan global.',
    },
    source: 'ANTARA, 2018',
  },
  {
    country: 'LA',
    kind: 'health-mou',
    since: 2019,
    note: {
      en: 'Health MoU signed on 29 August 2019 at the ASEAN Health Ministers Meeting, including pharmacy and medical devices.',
      id: 'MoU kesehatan ditandatangani 29 Agustus 2019 pada Pertemuan Menteri Kesehatan ASEAN, termasuk kefarmasian dan alat kesehatan.',
    },
    source: 'Kementerian Kesehatan RI, 2019',
  },
  {
    country: 'SD',
    kind: 'health-mou',
    since: 2024,
    note: {
      en: 'Health MoU signed at the Indonesia–Africa Forum in Bali in September 2024, including pharmaceuticals and medical devices.',
      id: 'MoU kesehatan ditandatangani pada Indonesia–Africa Forum di Bali, September 2024, termasuk farmasi dan alat kesehatan.',
    },
    source: 'ANTARA, 2024',
  },
  {
    country: 'ZW',
    kind: 'health-mou',
    since: 2024,
    note: {
      en: 'Health MoU signed at the Indonesia–Africa Forum in Bali in September 2024, covering primary and secondary care and emergency preparedness.',
      id: 'MoU kesehatan ditandatangani pada Indonesia–Africa Forum di Bali, September 2024, mencakup layanan primer dan sekunder serta kesiapsiagaan darurat.',
    },
    source: 'ANTARA, 2024',
  },
];

export const healthPartnerByCountry: ReadonlyMap<string, HealthPartner> = new Map(
  HEALTH_PARTNERS.map((partner) => [partner.country, partner]),
);
