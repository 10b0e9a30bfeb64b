import type { Kysely } from 'kysely';

/**
 * Each claim of an idempotency key gets a token: a claim taken over after its request timed
 * out leaves the first holder's token stale, so that holder can no longer store its result.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('claim_token', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').dropColumn('claim_token').execute();
}
