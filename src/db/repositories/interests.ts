import { sql, type Kysely, type Transaction } from 'kysely';
import type { Modality } from '../../domain/codes.ts';
import {
  OPEN_STAGES,
  type DeclineReason,
  type Interest,
  type InterestFigures,
  type InterestInput,
  type InterestQuery,
  type InterestStage,
  type InterestTransition,
  type Likelihood,
  type NoteVisibility,
} from '../../domain/interests.ts';
import type { Database, InterestsTable } from '../schema.ts';
import type { Selectable } from 'kysely';
import { afterNewestFirst, newestFirstCursor, toPage } from './cursor.ts';
import { nowMs } from './opportunities.ts';

type Db = Kysely<Database> | Transaction<Database>;
type InterestRow = Selectable<InterestsTable>;

function toInterest(row: InterestRow): Interest {
  return {
    id: row.id,
    opportunityId: row.opportunity_id,
    investorId: row.investor_id,
    stage: row.stage as InterestStage,
    message: row.message,
    modalities: row.modalities as Modality[],
    contact: row.contact,
    contactErasedAt: row.contact_erased_at,
    expectedInvestmentUsd: row.expected_investment_usd === null ? null : Number(row.expected_investment_usd),
    expectedForeignSharePct: row.expected_foreign_share_pct,
    expectedJobs: row.expected_jobs,
    likelihood: row.likelihood as Likelihood | null,
    expectedGroundbreakingAt: row.expected_groundbreaking_at,
    groundbreakingAt: row.groundbreaking_at,
    declineReason: row.decline_reason as DeclineReason | null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    stageChangedAt: row.stage_changed_at,
  };
}

const figureColumns = (figures: Partial<InterestFigures>) => ({
  ...(figures.expectedInvestmentUsd !== undefined && { expected_investment_usd: figures.expectedInvestmentUsd }),
  ...(figures.expectedForeignSharePct !== undefined && { expected_foreign_share_pct: figures.expectedForeignSharePct }),
  ...(figures.expectedJobs !== undefined && { expected_jobs: figures.expectedJobs }),
  ...(figures.likelihood !== undefined && { likelihood: figures.likelihood }),
  ...(figures.expectedGroundbreakingAt !== undefined && { expected_groundbreaking_at: figures.expectedGroundbreakingAt }),
  ...(figures.groundbreakingAt !== undefined && { groundbreaking_at: figures.groundbreakingAt }),
});

export async function insertInterest(db: Db, input: InterestInput, at?: Date): Promise<Interest> {
  const row = await db
    .insertInto('interests')
    .values({
      opportunity_id: input.opportunityId,
      investor_id: input.investorId,
      message: input.message,
      modalities: input.modalities,
      contact: JSON.stringify(input.contact),
      ...(at && { created_at: at, stage_changed_at: at }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInterest(row);
}

export async function findInterest(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<Interest | undefined> {
  let query = db.selectFrom('interests').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toInterest(row);
}

export async function findOpenInterest(db: Db, opportunityId: string, investorId: string): Promise<Interest | undefined> {
  const row = await db
    .selectFrom('interests')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .where('investor_id', '=', investorId)
    .where('stage', 'in', OPEN_STAGES)
    .executeTakeFirst();
  return row && toInterest(row);
}

export interface InterestChanges extends Partial<InterestFigures> {
  stage?: InterestStage;
  declineReason?: DeclineReason | null;
}

/** Writes the changed fields and bumps the version; a stage change stamps when it happened. */
export async function updateInterest(db: Db, id: string, changes: InterestChanges): Promise<Interest> {
  const row = await db
    .updateTable('interests')
    .set({
      ...figureColumns(changes),
      ...(changes.stage && { stage: changes.stage, stage_changed_at: nowMs }),
      ...(changes.declineReason !== undefined && { decline_reason: changes.declineReason }),
      version: sql`version + 1`,
      updated_at: nowMs,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInterest(row);
}

export async function eraseInterestContact(db: Db, id: string): Promise<Interest> {
  const row = await db
    .updateTable('interests')
    .set({ contact: null, contact_erased_at: nowMs, version: sql`version + 1`, updated_at: nowMs })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInterest(row);
}

export interface NewTransition extends Omit<InterestTransition, 'at'> {
  interestId: string;
  at?: Date;
}

export async function insertTransition(db: Db, transition: NewTransition): Promise<void> {
  await db
    .insertInto('interest_transitions')
    .values({
      interest_id: transition.interestId,
      from_stage: transition.from,
      to_stage: transition.to,
      actor_key_id: transition.actorKeyId,
      actor_role: transition.actorRole,
      note: transition.note,
      note_visibility: transition.noteVisibility,
      reason: transition.reason,
      ...(transition.at && { at: transition.at }),
    })
    .execute();
}

/** The history of each interest, oldest move first. */
export async function historiesOf(db: Db, ids: readonly string[]): Promise<Map<string, InterestTransition[]>> {
  const histories = new Map<string, InterestTransition[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return histories;
  const rows = await db.selectFrom('interest_transitions').selectAll().where('interest_id', 'in', [...ids]).orderBy('id').execute();
  for (const row of rows) {
    histories.get(row.interest_id)?.push({
      from: row.from_stage as InterestStage | null,
      to: row.to_stage as InterestStage,
      at: row.at,
      actorKeyId: row.actor_key_id,
      actorRole: row.actor_role,
      note: row.note,
      noteVisibility: row.note_visibility as NoteVisibility,
      reason: row.reason as DeclineReason | null,
    });
  }
  return histories;
}

export async function searchInterests(db: Db, filter: InterestQuery, page: { limit: number; cursor?: string | undefined }) {
  let query = db.selectFrom('interests').selectAll();
  if (filter.stages?.length) query = query.where('stage', 'in', [...filter.stages]);
  if (filter.opportunityId) query = query.where('opportunity_id', '=', filter.opportunityId);
  if (filter.investorId) query = query.where('investor_id', '=', filter.investorId);
  if (page.cursor) query = query.where(afterNewestFirst(page.cursor));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
  const { rows: pageRows, nextCursor } = toPage(rows, page.limit, newestFirstCursor);
  return { items: pageRows.map(toInterest), nextCursor };
}

/** Open interests in an opportunity, locked for the caller's transaction. */
export async function lockOpenInterestsOf(trx: Transaction<Database>, opportunityId: string): Promise<Interest[]> {
  const rows = await trx
    .selectFrom('interests')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .where('stage', 'in', OPEN_STAGES)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map(toInterest);
}

/**
 * Unanswered interests filed before `filedBefore` (and, for warnings, not yet warned), claimed
 * so that only one instance handles each.
 */
export async function claimUnanswered(trx: Transaction<Database>, filedBefore: Date, options: { unwarned: boolean; limit: number }): Promise<Interest[]> {
  let query = trx.selectFrom('interests').selectAll().where('stage', '=', 'submitted').where('created_at', '<=', filedBefore);
  if (options.unwarned) query = query.where('expiry_warned_at', 'is', null);
  const rows = await query.orderBy('created_at').limit(options.limit).forUpdate().skipLocked().execute();
  return rows.map(toInterest);
}

export async function markExpiryWarned(db: Db, id: string): Promise<Interest> {
  const row = await db
    .updateTable('interests')
    .set({ expiry_warned_at: nowMs })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toInterest(row);
}
