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
 * which is how staff discard it without deleting anything. A draft goes to review and comes
 * back from it, or is published; who may publish which way is `publication` below.
 */
const TRANSITIONS: Record<OpportunityStatus, readonly OpportunityStatus[]> = {
  draft: ['in_review', 'published', 'withdrawn'],
  in_review: ['draft', 'published', 'withdrawn'],
  published: ['withdrawn', 'closed'],
  withdrawn: [],
  closed: [],
};

export function canTransition(from: OpportunityStatus, to: OpportunityStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Drafts and published opportunities are edited; one in review is frozen, so what is approved is what was submitted. */
export function isEditable(status: OpportunityStatus): boolean {
  return status === 'draft' || status === 'published';
}

/**
 * How a publication goes: `reviewed` approves a submitted version, `direct` publishes a draft
 * where review is switched off, and `without-review` is an admin (or the operator) skipping a
 * required review, which the audit log records as such.
 */
export type Publication = 'reviewed' | 'direct' | 'without-review';

export interface PublicationRequest {
  from: OpportunityStatus;
  reviewRequired: boolean;
  actor: { keyId: string | null; role: string };
  /** The key that submitted the version in review; null for the operator. */
  submittedBy: string | null;
}

/** How the caller may publish, or the problem code why not (the caller first checks canTransition). */
export function publication(request: PublicationRequest): Publication | 'review-required' | 'four-eyes-required' {
  const { from, reviewRequired, actor, submittedBy } = request;
  if (from === 'in_review') return reviewRequired && actor.keyId !== null && actor.keyId === submittedBy ? 'four-eyes-required' : 'reviewed';
  if (!reviewRequired) return 'direct';
  return actor.role === 'admin' || actor.role === 'system' ? 'without-review' : 'review-required';
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function reviewDueAfter(verifiedAt: Date, intervalDays: number): Date {
  return new Date(verifiedAt.getTime() + intervalDays * DAY_MS);
}

/** Published and past its review date: nobody has confirmed it is still accurate. */
export function isStale(opportunity: Pick<Opportunity, 'status' | 'reviewDueAt'>, now: Date): boolean {
  return opportunity.status === 'published' && opportunity.reviewDueAt !== null && opportunity.reviewDueAt.getTime() <= now.getTime();
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
  /** When staff last confirmed it is accurate (publication counts); null until first published. */
  lastVerifiedAt: Date | null;
  /** When it falls stale unless verified again. */
  reviewDueAt: Date | null;
  /** ISO timestamp at which a published opportunity closes by itself. */
  expiresAt?: string;
}

export interface Contact {
  name: string;
  email: string;
  phone?: string;
}

/** The fields a caller writes; the rest (id, status, version, timestamps) the service owns. */
export type OpportunityInput = Omit<Opportunity, ServiceOwned | keyof OpportunityDecisionFacts> & Partial<OpportunityDecisionFacts>;

/** Fields the service sets and callers never write. */
export type ServiceOwned = 'id' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'publishedAt' | 'lastVerifiedAt' | 'reviewDueAt';

const SERVICE_OWNED: ReadonlySet<string> = new Set<ServiceOwned>(['id', 'status', 'version', 'createdAt', 'updatedAt', 'publishedAt', 'lastVerifiedAt', 'reviewDueAt']);

/** A stored opportunity as a caller would send it: what merge patches and spreadsheet rows apply to. */
export function writableFields(opportunity: Opportunity): Record<string, unknown> {
  return Object.fromEntries(Object.entries(opportunity).filter(([key]) => !SERVICE_OWNED.has(key)));
}
