import type { components } from '../../openapi/types.ts';

export type OpportunityCreate = components['schemas']['OpportunityCreateInput'];
export type InvestorCreate = components['schemas']['InvestorCreateInput'];

export function opportunityBody(overrides: Partial<OpportunityCreate> = {}): OpportunityCreate {
  return {
    title: { id: 'Pabrik kantong darah di Jawa Timur', en: 'Blood-bag plant in East Java' },
    summary: {
      id: 'Mitra dicari untuk produksi kantong darah bersama PMI.',
      en: 'A partner is sought to manufacture blood bags with the Indonesian Red Cross.',
    },
    sector: 'medical-consumables',
    technologies: ['blood-bag-manufacturing'],
    requiredTransferDepth: 'full-transfer',
    modalities: ['joint-venture'],
    location: { province: 'ID-JI', regency: 'Kabupaten Sidoarjo' },
    investmentUsd: { min: 10_000_000, max: 30_000_000 },
    sponsor: { name: 'Palang Merah Indonesia', kind: 'association' },
    contact: { name: 'Dewi Lestari', email: 'dewi@example.id' },
    ...overrides,
  };
}

export function investorBody(overrides: Partial<InvestorCreate> = {}): InvestorCreate {
  return {
    companyName: 'Hanbit Medical Polymers Co., Ltd.',
    country: 'KR',
    summary: { en: 'Maker of blood bags and infusion sets.' },
    sectors: ['medical-consumables'],
    technologies: ['blood-bag-manufacturing', 'polymer-disposables'],
    maxTransferDepth: 'full-transfer',
    modalities: ['joint-venture', 'contract-manufacturing'],
    preferredProvinces: ['ID-JI'],
    preferredIslandGroups: [],
    ticketUsd: { min: 5_000_000, max: 50_000_000 },
    languages: ['ko', 'en'],
    contact: { name: 'Kim Minji', email: 'minji@example.kr' },
    ...overrides,
  };
}
