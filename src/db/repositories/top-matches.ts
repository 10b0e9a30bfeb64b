import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface TopMatchRow {
  investorId: string;
  rank: number;
  opportunityId: string;
  score: number;
}

/** Replaces the stored top matches of the given investors with a fresh computation. */
export async function replaceTopMatches(db: Db, investorIds: readonly string[], rows: readonly TopMatchRow[], modelVersion: string, computedAt: Date): Promise<void> {
  if (investorIds.length > 0) await db.deleteFrom('investor_top_matches').where('investor_id', 'in', [...investorIds]).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('investor_top_matches')
    .values(rows.map((row) => ({ investor_id: row.investorId, rank: row.rank, opportunity_id: row.opportunityId, score: row.score, model_version: modelVersion, computed_at: computedAt })))
    .execute();
}

/** Drops rows of investors that no longer exist or were deleted since the last run. */
export async function deleteStaleTopMatches(db: Db, computedAt: Date): Promise<void> {
  await db.deleteFrom('investor_top_matches').where('computed_at', '<', computedAt).execute();
}
