import type { InvestorDecisionFacts, OpportunityDecisionFacts } from '../../src/domain/investment-facts.ts';
import type { DemoOpportunity } from './types.ts';

/**
 * What investors decide on, for the demo opportunities and investors (by key): KBLI codes,
 * regency, land, financials, incentives, TKDN, halal and the local investment office. Figures
 * are illustrative, chosen to be plausible for each project.
 */
type OpportunityFacts = Partial<OpportunityDecisionFacts> & { regencyCode?: string; specialEconomicZone?: string };

const dpmptsp = (office: string, email: string) => ({ office, email });

export const DEMO_OPPORTUNITY_FACTS: Readonly<Record<string, OpportunityFacts>> = {
  'plasma-fractionation-plant': {
    kbliCodes: ['21011', '21012'],
    regencyCode: '32.15',
    land: { status: 'hgb', areaHa: 8, industrialEstate: 'Karawang International Industrial City', readyAt: '2027-06-30' },
    financials: { projectValueUsd: 180_000_000, irrPct: 13.5, paybackYears: 8, preFeasibilityStudy: true },
    incentives: ['tax-holiday'],
    tkdnTargetPct: 40,
    halal: { relevance: 'required', category: 'biological-products' },
    localGovernmentContact: dpmptsp('DPMPTSP Kabupaten Karawang', 'dpmptsp@karawangkab.example.go.id'),
  },
  'biofarma-tb-vaccine': {
    kbliCodes: ['21011', '21012'],
    regencyCode: '32.73',
    land: { status: 'hgb', areaHa: 2.5 },
    halal: { relevance: 'required', category: 'biological-products' },
  },
  'api-paracetamol-cikarang': {
    kbliCodes: ['21011'],
    regencyCode: '32.16',
    land: { status: 'hgb', areaHa: 5, industrialEstate: 'Kawasan Industri Jababeka' },
    financials: { projectValueUsd: 60_000_000, irrPct: 15, npvUsd: 18_000_000, paybackYears: 7, preFeasibilityStudy: true },
    incentives: ['tax-holiday', 'rnd-super-deduction'],
    tkdnTargetPct: 60,
    halal: { relevance: 'required', category: 'over-the-counter-drugs' },
    localGovernmentContact: dpmptsp('DPMPTSP Kabupaten Bekasi', 'dpmptsp@bekasikab.example.go.id'),
  },
  'api-amoxicillin-banten': {
    kbliCodes: ['21011'],
    regencyCode: '36.04',
    land: { status: 'in-acquisition', areaHa: 6 },
    halal: { relevance: 'required', category: 'prescription-drugs' },
  },
  'api-cardiovascular-kendal': {
    kbliCodes: ['21011'],
    regencyCode: '33.24',
    specialEconomicZone: 'kek-kendal',
    land: { status: 'hpl-estate', areaHa: 4, industrialEstate: 'KEK Kendal' },
    incentives: ['kek-facilities', 'tax-holiday'],
    localGovernmentContact: dpmptsp('DPMPTSP Kabupaten Kendal', 'dpmptsp@kendalkab.example.go.id'),
  },
  'api-omeprazole-candesartan-gresik': {
    kbliCodes: ['21011'],
    regencyCode: '35.25',
    specialEconomicZone: 'kek-gresik',
    land: { status: 'hpl-estate', areaHa: 3, industrialEstate: 'KEK Gresik (JIIPE)' },
    incentives: ['kek-facilities'],
  },
  'jakarta-teleradiology': { kbliCodes: ['26601'], regencyCode: '31.74', land: { status: 'lease' } },
  'yogya-electromedical': { kbliCodes: ['26602'], regencyCode: '34.02', land: { status: 'hgb', areaHa: 1.2 }, tkdnTargetPct: 35 },
  'batam-xray-imaging': {
    kbliCodes: ['26601'],
    regencyCode: '21.71',
    land: { status: 'lease', areaHa: 2, industrialEstate: 'Batamindo Industrial Park' },
    financials: { projectValueUsd: 40_000_000, irrPct: 17, paybackYears: 6, preFeasibilityStudy: true },
    incentives: ['tax-holiday'],
    tkdnTargetPct: 40,
    localGovernmentContact: dpmptsp('DPMPTSP Kota Batam', 'dpmptsp@batam.example.go.id'),
  },
  'jateng-hospital-beds': { kbliCodes: ['32501'], regencyCode: '33.10', land: { status: 'hgb', areaHa: 1.5 }, tkdnTargetPct: 50 },
  'banten-syringes-iv-sets': { kbliCodes: ['32502'], regencyCode: '36.04', land: { status: 'unknown' }, tkdnTargetPct: 45 },
  'sumut-latex-gloves': { kbliCodes: ['22194'], regencyCode: '12.08', land: { status: 'hgb', areaHa: 10 } },
  'riau-surgical-gloves': { kbliCodes: ['22194'], regencyCode: '14.71' },
  'kalbar-herbal-extraction': { kbliCodes: ['21021'], halal: { relevance: 'required', category: 'traditional-medicine-supplements' } },
  'jatim-blood-bags': { regencyCode: '35.14', halal: { relevance: 'not-required' } },
};

/** Two more: a jamu plant reserved to domestic capital, and a workshop below the PMA minimum. */
export const DEMO_DECISION_OPPORTUNITIES: readonly (DemoOpportunity & { facts: OpportunityFacts })[] = [
  {
    key: 'sukoharjo-jamu-products',
    status: 'published',
    title: { id: 'Perluasan pabrik jamu siap minum di Sukoharjo', en: 'Ready-to-drink jamu plant expansion in Sukoharjo' },
    summary: {
      id: 'Koperasi produsen jamu mencari mitra modal dalam negeri untuk lini jamu siap minum berstandar CPOTB. Produk obat tradisional (KBLI 21022) hanya terbuka bagi modal dalam negeri.',
      en: 'A cooperative of jamu makers seeks domestic partners for a ready-to-drink jamu line to CPOTB standards. Traditional-medicine products (KBLI 21022) are open to domestic capital only.',
    },
    sector: 'traditional-medicine',
    technologies: ['herbal-extraction'],
    requiredTransferDepth: 'none',
    modalities: ['joint-venture'],
    location: { province: 'ID-JT', regency: 'Kabupaten Sukoharjo' },
    investmentUsd: { min: 1_500_000, max: 4_000_000 },
    sponsor: { name: 'Koperasi Jamu Sukoharjo', kind: 'association' },
    contact: { name: 'Sri Wahyuni', email: 'sri.wahyuni@jamu-sukoharjo.example.id' },
    facts: {
      kbliCodes: ['21022'],
      regencyCode: '33.11',
      land: { status: 'hgb', areaHa: 0.8 },
      halal: { relevance: 'required', category: 'traditional-medicine-supplements' },
    },
  },
  {
    key: 'sleman-dental-instruments',
    status: 'published',
    title: { id: 'Bengkel instrumen kedokteran gigi di Sleman', en: 'Dental instrument workshop in Sleman', ko: '슬레만 치과 기구 공방', ja: 'スレマンの歯科器具工房' },
    summary: {
      id: 'Usaha kecil yang membuat instrumen tangan kedokteran gigi untuk rumah sakit pendidikan mencari mitra untuk mesin CNC dan sertifikasi CPAKB.',
      en: 'A small maker of dental hand instruments for teaching hospitals seeks a partner for CNC machining and CPAKB certification.',
    },
    sector: 'medical-dental-equipment',
    technologies: [],
    requiredTransferDepth: 'licensing',
    modalities: ['joint-venture', 'licensing'],
    location: { province: 'ID-YO', regency: 'Kabupaten Sleman' },
    investmentUsd: { min: 250_000, max: 600_000 },
    sponsor: { name: 'CV Dentika Mandiri', kind: 'private' },
    contact: { name: 'Bagus Prasetyo', email: 'bagus@dentika.example.id' },
    facts: { kbliCodes: ['32502'], regencyCode: '34.04', land: { status: 'lease', areaHa: 0.1 }, tkdnTargetPct: 55 },
  },
];

export const DEMO_INVESTOR_FACTS: Readonly<Record<string, Partial<InvestorDecisionFacts>>> = {
  'kr-blood-bag-maker': { ownershipIntent: 'majority', certifications: ['iso-13485', 'cdakb'], halalCapable: false },
  'kr-plasma-fractionator': { ownershipIntent: 'majority', certifications: ['pic-s-gmp', 'eu-gmp'], halalCapable: true },
  'kr-api-cdmo': { ownershipIntent: 'minority', certifications: ['pic-s-gmp', 'cpob'] },
  'jp-imaging-devices': { ownershipIntent: 'majority', certifications: ['iso-13485'], preferredRegencies: ['21.71'] },
  'jp-sterile-injectables': { ownershipIntent: 'full', certifications: ['pic-s-gmp', 'us-fda-cgmp'], halalCapable: true },
  'jp-botanical-extracts': { ownershipIntent: 'majority', certifications: ['iso-9001'], halalCapable: true },
  'cn-api-producer': { ownershipIntent: 'full', certifications: ['who-gmp'], halalCapable: false },
  'dk-recombinant-insulin': { ownershipIntent: 'majority', certifications: ['eu-gmp', 'pic-s-gmp'], halalCapable: true },
  'de-electromedical': { ownershipIntent: 'majority', certifications: ['iso-13485'], preferredRegencies: ['34.04', '33.74'] },
};
