import type {
  Modality,
  OpportunityStatus,
  ProvinceCode,
  SectorLeaf,
  Technology,
  TransferDepth,
} from './codes.ts';
import type { UsdRange } from './matching/types.ts';
import type { OpportunityDecisionFacts } from './investment-facts.ts';
import type { LocalizedText } from './text.ts';

export const SPONSOR_KINDS = ['state-owned', 'private', 'public-agency', 'university', 'association'] as const;

/**
 * Allowed lifecycle moves. Withdrawn and closed are final; a draft may be withdrawn,
 * which is how staff discard it without deleting anything.
 */
const TRANSITIONS: Record<OpportunityStatus, readonly OpportunityStatus[]> = {
  draft: ['published', 'withdrawn'],
  published: ['withdrawn', 'closed'],
  withdrawn: [],
  closed: [],
};

export function canTransition(from: OpportunityStatus, to: OpportunityStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Withdrawn and closed opportunities are kept for the record and no longer edited. */
export function isEditable(status: OpportunityStatus): boolean {
  return TRANSITIONS[status].length > 0;
}

export interface OpportunityLocation {
  province: ProvinceCode;
  regency?: string;
  /** Kemendagri code of the regency or city, inside `province`. */
  regencyCode?: string;
  specialEconomicZone?: string;
}

export type SponsorKind = (typeof SPONSOR_KINDS)[number];

export interface Opportunity extends OpportunityDecisionFacts {
  id: string;
  /** The reference a spreadsheet knows it by, unique: what a bulk upsert matches rows on. */
  externalRef?: string;
  status: OpportunityStatus;
  title: LocalizedText;
  summary: LocalizedText;
  sector: SectorLeaf;
  technologies: Technology[];
  requiredTransferDepth: TransferDepth;
  modalities: Modality[];
  location: OpportunityLocation;
  investmentUsd: UsdRange;
  sponsor: { name: string; kind: SponsorKind };
  contact: Contact;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

export interface Contact {
  name: string;
  email: string;
  phone?: string;
}

/** The fields a caller writes; the rest (id, status, version, timestamps) the service owns. */
export type OpportunityInput = Omit<Opportunity, 'id' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'publishedAt' | keyof OpportunityDecisionFacts> &
  Partial<OpportunityDecisionFacts>;
