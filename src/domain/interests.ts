import type { Modality } from './codes.ts';
import type { Contact } from './opportunity.ts';

/**
 * An investor's expression of interest, moved through the pipeline words BKPM uses:
 * submitted → acknowledged → exploring (penjajakan) → negotiating (negosiasi) → committed (laku)
 * → groundbreaking, or out: declined, withdrawn, expired.
 */
export const PIPELINE_STAGES = ['submitted', 'acknowledged', 'exploring', 'negotiating', 'committed', 'groundbreaking'] as const;
export const EXIT_STAGES = ['declined', 'withdrawn', 'expired'] as const;
export const INTEREST_STAGES = [...PIPELINE_STAGES, ...EXIT_STAGES] as const;
export type InterestStage = (typeof INTEREST_STAGES)[number];

export const DECLINE_REASONS = ['not-eligible', 'not-a-fit', 'opportunity-unavailable', 'investor-unresponsive', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const LIKELIHOODS = ['low', 'medium', 'high'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const NOTE_VISIBILITIES = ['internal', 'shared'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/** Where staff may move an interest from each stage; final stages have no moves. */
const STAFF_MOVES: Record<InterestStage, readonly InterestStage[]> = {
  submitted: ['acknowledged', 'declined'],
  acknowledged: ['exploring', 'declined'],
  exploring: ['negotiating', 'declined'],
  negotiating: ['committed', 'exploring', 'declined'],
  committed: ['groundbreaking', 'declined'],
  groundbreaking: [],
  declined: [],
  withdrawn: [],
  expired: [],
};

export const isOpen = (stage: InterestStage) => STAFF_MOVES[stage].length > 0;
export const OPEN_STAGES = INTEREST_STAGES.filter(isOpen);

/** Who moves an interest: BKPM staff, or the investor it belongs to. */
export type Mover = 'staff' | 'investor';

export function allowedMoves(stage: InterestStage, mover: Mover): readonly InterestStage[] {
  if (mover === 'staff') return STAFF_MOVES[stage];
  return isOpen(stage) ? ['withdrawn'] : [];
}

/** What an investment agency counts; a transition or an edit may set them. */
export interface InterestFigures {
  expectedInvestmentUsd: number | null;
  expectedForeignSharePct: number | null;
  expectedJobs: number | null;
  likelihood: Likelihood | null;
  expectedGroundbreakingAt: string | null;
  groundbreakingAt: string | null;
}
export type FigureField = keyof InterestFigures;

const stageIndex = (stage: InterestStage) => PIPELINE_STAGES.indexOf(stage as (typeof PIPELINE_STAGES)[number]);

/** Stage gates: from negotiating on, the expected investment and jobs; groundbreaking needs its date. */
export function unmetRequirements(figures: InterestFigures, to: InterestStage): FigureField[] {
  const unmet: FigureField[] = [];
  if (stageIndex(to) >= stageIndex('negotiating')) {
    if (figures.expectedInvestmentUsd === null) unmet.push('expectedInvestmentUsd');
    if (figures.expectedJobs === null) unmet.push('expectedJobs');
  }
  if (to === 'groundbreaking' && figures.groundbreakingAt === null) unmet.push('groundbreakingAt');
  return unmet;
}

export interface InterestInput {
  opportunityId: string;
  investorId: string;
  message: string;
  modalities: Modality[];
  contact: Contact;
}

export interface Interest extends InterestFigures {
  id: string;
  opportunityId: string;
  investorId: string;
  stage: InterestStage;
  message: string;
  modalities: Modality[];
  /** Null once erased at the person's request (UU PDP 27/2022). */
  contact: Contact | null;
  contactErasedAt: Date | null;
  declineReason: DeclineReason | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  stageChangedAt: Date;
}

export interface InterestTransition {
  from: InterestStage | null;
  to: InterestStage;
  at: Date;
  actorKeyId: string | null;
  actorRole: string;
  note: string | null;
  noteVisibility: NoteVisibility;
  reason: DeclineReason | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** `interest.expiring` goes out this long before an unanswered interest expires. */
export const EXPIRY_WARNING_MS = 48 * 60 * 60 * 1000;

/** An interest nobody answered expires this long after it was filed. */
export const responseWindowMs = (responseDays: number) => responseDays * DAY_MS;
export const respondBy = (createdAt: Date, responseDays: number) => new Date(createdAt.getTime() + responseWindowMs(responseDays));

/** Which interests a listing returns; every field narrows it. */
export interface InterestQuery {
  stages?: readonly InterestStage[];
  opportunityId?: string;
  investorId?: string;
}
