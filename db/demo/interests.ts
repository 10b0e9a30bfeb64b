import type { DeclineReason, InterestFigures, InterestStage } from '../../src/domain/interests.ts';
import type { Modality } from '../../src/domain/codes.ts';

export interface DemoInterest {
  opportunity: string;
  investor: string;
  filedDaysAgo: number;
  message: string;
  modalities: Modality[];
  figures?: Partial<InterestFigures>;
  /** Moves after filing, each some days after it; notes are BKPM's, in Indonesian. */
  moves: { to: InterestStage; afterDays: number; note?: string; shared?: boolean; reason?: DeclineReason }[];
}

/**
 * Demo expressions of interest at every pipeline stage, so the pipeline and the funnel show
 * something on a fresh start. Fictional, like the companies; contacts are the profiles' own.
 */
export const DEMO_INTERESTS: readonly DemoInterest[] = [
  {
    opportunity: 'jatim-blood-bags',
    investor: 'kr-blood-bag-maker',
    filedDaysAgo: 400,
    message: 'We make blood bags for Korean blood services and would like to set up a joint venture in East Java.',
    modalities: ['joint-venture'],
    figures: { expectedInvestmentUsd: 32_000_000, expectedForeignSharePct: 60, expectedJobs: 240, likelihood: 'high', expectedGroundbreakingAt: '2026-03-01', groundbreakingAt: '2026-03-12' },
    moves: [
      { to: 'acknowledged', afterDays: 3, note: 'Investor sudah dihubungi; rapat daring dijadwalkan minggu depan.', shared: true },
      { to: 'exploring', afterDays: 20, note: 'Kunjungan lapangan ke Sidoarjo bersama PMI sudah dilakukan.', shared: true },
      { to: 'negotiating', afterDays: 75, note: 'Draf term sheet sedang dibahas kedua pihak.' },
      { to: 'committed', afterDays: 160, note: 'Perjanjian usaha patungan ditandatangani.', shared: true },
      { to: 'groundbreaking', afterDays: 280, note: 'Peletakan batu pertama di Sidoarjo.', shared: true },
    ],
  },
  {
    opportunity: 'plasma-fractionation-plant',
    investor: 'kr-plasma-fractionator',
    filedDaysAgo: 210,
    message: 'We are interested in the plasma fractionation plant and can transfer our fractionation process in full.',
    modalities: ['joint-venture', 'licensing'],
    figures: { expectedInvestmentUsd: 150_000_000, expectedForeignSharePct: 49, expectedJobs: 320, likelihood: 'high', expectedGroundbreakingAt: '2027-09-01' },
    moves: [
      { to: 'acknowledged', afterDays: 2 },
      { to: 'exploring', afterDays: 15, note: 'Kajian kebutuhan plasma nasional dibagikan kepada investor.', shared: true },
      { to: 'negotiating', afterDays: 60, note: 'Negosiasi porsi kepemilikan masih berjalan.' },
      { to: 'committed', afterDays: 150, note: 'Komitmen investasi ditandatangani; menunggu izin lokasi.', shared: true },
    ],
  },
  {
    opportunity: 'api-paracetamol-cikarang',
    investor: 'cn-api-producer',
    filedDaysAgo: 90,
    message: 'We produce paracetamol API at scale and want to discuss local production in Cikarang.',
    modalities: ['joint-venture'],
    figures: { expectedInvestmentUsd: 45_000_000, expectedJobs: 150, likelihood: 'medium' },
    moves: [
      { to: 'acknowledged', afterDays: 4 },
      { to: 'exploring', afterDays: 18, note: 'Investor meminta data pasokan bahan baku dari dalam negeri.', shared: true },
      { to: 'negotiating', afterDays: 50 },
    ],
  },
  {
    opportunity: 'jateng-hospital-beds',
    investor: 'jp-hospital-beds',
    filedDaysAgo: 70,
    message: 'Our hospital beds are sold across Japan; we would consider assembly in Central Java with a local partner.',
    modalities: ['joint-venture', 'contract-manufacturing'],
    figures: { expectedInvestmentUsd: 9_000_000, expectedJobs: 85, likelihood: 'medium' },
    moves: [
      { to: 'acknowledged', afterDays: 5 },
      { to: 'exploring', afterDays: 21 },
      { to: 'negotiating', afterDays: 45, note: 'Menunggu hasil audit pabrik mitra lokal.' },
    ],
  },
  {
    opportunity: 'biofarma-tb-vaccine',
    investor: 'kr-tb-vaccine-developer',
    filedDaysAgo: 45,
    message: 'We are developing a tuberculosis vaccine and would like to explore co-development and local production.',
    modalities: ['rnd-collaboration', 'licensing'],
    moves: [
      { to: 'acknowledged', afterDays: 3 },
      { to: 'exploring', afterDays: 16, note: 'Pertemuan teknis dengan tim riset dijadwalkan.', shared: true },
    ],
  },
  {
    opportunity: 'sumut-latex-gloves',
    investor: 'cn-glove-maker',
    filedDaysAgo: 40,
    message: 'We would like to explore a glove plant close to the latex supply in North Sumatra.',
    modalities: ['greenfield'],
    moves: [
      { to: 'acknowledged', afterDays: 6 },
      { to: 'exploring', afterDays: 25 },
    ],
  },
  {
    opportunity: 'jakarta-pcr-reagents',
    investor: 'nl-molecular-diagnostics',
    filedDaysAgo: 12,
    message: 'We make PCR reagents and can license our formulations to a Jakarta manufacturer.',
    modalities: ['licensing'],
    moves: [{ to: 'acknowledged', afterDays: 2, note: 'Terima kasih; tim kami akan menghubungi Anda untuk jadwal pertemuan.', shared: true }],
  },
  {
    opportunity: 'batam-xray-imaging',
    investor: 'jp-imaging-devices',
    filedDaysAgo: 9,
    message: 'We are interested in X-ray assembly in Batam for export to the region.',
    modalities: ['joint-venture'],
    moves: [{ to: 'acknowledged', afterDays: 1 }],
  },
  {
    opportunity: 'kalbar-herbal-extraction',
    investor: 'jp-botanical-extracts',
    filedDaysAgo: 3,
    message: 'We buy standardised botanical extracts and would like to learn more about this project.',
    modalities: ['contract-manufacturing'],
    moves: [],
  },
  {
    opportunity: 'kalbar-herbal-extraction',
    investor: 'de-phyto-extracts',
    filedDaysAgo: 60,
    message: 'We are interested in sourcing extracts from West Kalimantan.',
    modalities: ['contract-manufacturing'],
    moves: [
      { to: 'acknowledged', afterDays: 4 },
      { to: 'withdrawn', afterDays: 30 },
    ],
  },
  {
    opportunity: 'jakarta-pcr-reagents',
    investor: 'kr-diagnostics-maker',
    filedDaysAgo: 30,
    message: 'Please send us more information on the PCR reagent project.',
    modalities: ['licensing'],
    moves: [{ to: 'expired', afterDays: 14 }],
  },
  {
    opportunity: 'insulin-recombinant-pulogadung',
    investor: 'dk-recombinant-insulin',
    filedDaysAgo: 120,
    message: 'We could license our insulin process, but only for a minority stake.',
    modalities: ['licensing'],
    moves: [
      { to: 'acknowledged', afterDays: 3 },
      { to: 'declined', afterDays: 40, reason: 'not-a-fit', note: 'Skema lisensi tanpa alih teknologi penuh tidak sesuai dengan kebutuhan proyek.', shared: true },
    ],
  },
  {
    opportunity: 'riau-surgical-gloves',
    investor: 'cn-glove-maker',
    filedDaysAgo: 100,
    message: 'We are interested in the surgical glove project in Riau.',
    modalities: ['greenfield'],
    moves: [
      { to: 'acknowledged', afterDays: 5 },
      { to: 'declined', afterDays: 30, reason: 'opportunity-unavailable', note: 'Peluang ini ditarik oleh pemrakarsa.', shared: true },
    ],
  },
];
