import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const REVIEW_ACTIONS = ['submit', 'request-changes', 'publish', 'publish-without-review'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** One step of an opportunity's review, kept with it. */
export interface ReviewStep {
  action: ReviewAction;
  version: number;
  comment: string | null;
  actorKeyId: string | null;
  actorRole: string;
  at: Date;
}

const toStep = (row: { action: string; version: number; comment: string | null; actor_key_id: string | null; actor_role: string; at: Date }): ReviewStep => ({
  action: row.action as ReviewAction,
  version: row.version,
  comment: row.comment,
  actorKeyId: row.actor_key_id,
  actorRole: row.actor_role,
  at: row.at,
});

const COLUMNS = ['action', 'version', 'comment', 'actor_key_id', 'actor_role', 'at'] as const;

export async function insertReviewStep(db: Db, opportunityId: string, step: Omit<ReviewStep, 'at'>): Promise<ReviewStep> {
  const row = await db
    .insertInto('opportunity_reviews')
    .values({ opportunity_id: opportunityId, action: step.action, version: step.version, comment: step.comment, actor_key_id: step.actorKeyId, actor_role: step.actorRole })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toStep(row);
}

/** Oldest first. */
export async function listReviewSteps(db: Db, opportunityId: string): Promise<ReviewStep[]> {
  const rows = await db.selectFrom('opportunity_reviews').select(COLUMNS).where('opportunity_id', '=', opportunityId).orderBy('id').execute();
  return rows.map(toStep);
}

/** The latest submission: who sent the version now in review. */
export async function lastSubmission(db: Db, opportunityId: string): Promise<ReviewStep | undefined> {
  const row = await db
    .selectFrom('opportunity_reviews')
    .select(COLUMNS)
    .where('opportunity_id', '=', opportunityId)
    .where('action', '=', 'submit')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toStep(row);
}
