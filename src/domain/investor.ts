import type { IslandGroup, Modality, ProvinceCode, SectorCode, Technology, TransferDepth } from './codes.ts';
import type { UsdRange } from './matching/types.ts';
import type { InvestorDecisionFacts } from './investment-facts.ts';
import type { Contact } from './opportunity.ts';
import type { LocalizedText } from './text.ts';

export interface Investor extends InvestorDecisionFacts {
  id: string;
  companyName: string;
  country: string;
  summary: Partial<LocalizedText> & { en: string };
  sectors: SectorCode[];
  technologies: Technology[];
  maxTransferDepth: TransferDepth | null;
  modalities: Modality[];
  preferredProvinces: ProvinceCode[];
  preferredIslandGroups: IslandGroup[];
  ticketUsd: UsdRange | null;
  languages: string[];
  contact: Contact;
  website: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type InvestorInput = Omit<Investor, 'id' | 'version' | 'createdAt' | 'updatedAt' | keyof InvestorDecisionFacts> & Partial<InvestorDecisionFacts>;

/** A listing as services take it; sectors match their parents and leaves too. */
export interface InvestorQuery {
  countries?: readonly string[] | undefined;
  sectors?: readonly SectorCode[] | undefined;
  technologies?: readonly Technology[] | undefined;
  limit: number;
  cursor?: string | undefined;
}
