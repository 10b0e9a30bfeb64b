import type { IslandGroup, Modality, ProvinceCode, SectorCode, SectorLeaf, Technology, TransferDepth } from '../../src/domain/codes.ts';
export interface LocalizedText { id: string; en: string; ko?: string; ja?: string; zh?: string }
export interface DemoOpportunity {
  key: string;                        // stable slug, unique
  status: 'draft' | 'published' | 'withdrawn' | 'closed';
  title: LocalizedText;               // <= 200 chars each
  summary: LocalizedText;             // 1–3 sentences, <= 2000 chars
  sector: SectorLeaf;
  technologies: Technology[];         // sought, 0–4
  requiredTransferDepth: TransferDepth;
  modalities: Modality[];             // 1–3
  location: { province: ProvinceCode; regency?: string; specialEconomicZone?: string };
  investmentUsd: { min: number; max: number };
  sponsor: { name: string; kind: 'state-owned' | 'private' | 'public-agency' | 'university' | 'association' };
  contact: { name: string; email: string; phone?: string };
}
export interface DemoInvestor {
  key: string;
  companyName: string;
  country: string;                    // ISO 3166-1 alpha-2
  summary: { en: string; id?: string; ko?: string; ja?: string; zh?: string };
  sectors: SectorCode[];              // leaves or parents; [] = no preference
  technologies: Technology[];         // held
  maxTransferDepth: TransferDepth | null;   // null = not stated
  modalities: Modality[];             // [] = no preference
  preferredProvinces: ProvinceCode[];
  preferredIslandGroups: IslandGroup[];
  ticketUsd: { min: number; max: number } | null;
  languages: string[];                // ISO 639-1, e.g. ['ko','en']
  contact: { name: string; email: string; phone?: string };
  website?: string;
}
