import type {
  IslandGroup,
  Modality,
  OpportunityStatus,
  ProvinceCode,
  SectorCode,
  SectorLeaf,
  Technology,
  TransferDepth,
} from './codes.ts';
import type { UsdRange } from './matching/types.ts';
import type { Incentive } from './reference/incentives.ts';
import type { LandStatus, OpportunityDecisionFacts } from './investment-facts.ts';
import type { LocalizedText } from './text.ts';

/** Orders a search may ask for; `relevance` ranks by the text query. */
export const OPPORTUNITY_SORTS = [
  'relevance',
  '-createdAt',
  'createdAt',
  '-updatedAt',
  'updatedAt',
  'investmentMin',
  '-investmentMin',
  'investmentMax',
  '-investmentMax',
] as const;
export type OpportunitySort = (typeof OPPORTUNITY_SORTS)[number];

/** A search as services take it: list filters match any of their values, different filters must all match. */
export interface OpportunityQuery {
  text?: string | undefined;
  sectors?: readonly SectorCode[] | undefined;
  provinces?: readonly ProvinceCode[] | undefined;
  islandGroups?: readonly IslandGroup[] | undefined;
  technologies?: readonly Technology[] | undefined;
  modalities?: readonly Modality[] | undefined;
  minUsd?: number | undefined;
  maxUsd?: number | undefined;
  /** Default: published only. */
  statuses?: readonly OpportunityStatus[] | undefined;
  kbliCodes?: readonly string[] | undefined;
  landStatuses?: readonly LandStatus[] | undefined;
  incentives?: readonly Incentive[] | undefined;
  sort?: OpportunitySort | undefined;
  limit: number;
  cursor?: string | undefined;
}

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
