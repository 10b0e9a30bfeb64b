import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface IdempotencyRecord {
  requestHash: string;
  /** 0 while the first request is still being handled. */
  status: number;
  response: unknown;
  headers: Record<string, string>;
}

/** How long a key is remembered, and how long an unfinished first request holds it. */
const EXPIRY = sql`interval '24 hours'`;

/** One claim of a key by one request; the token tells it from a later claim of the same key. */
export interface IdempotencyClaim {
  owner: string;
  key: string;
  token: string;
}

/**
 * Claims the key for this request, in its own statement (and so its own transaction), before
 * any work is done. Returns the claim, or undefined when another request holds or has used
 * it. An expired record, or one whose request has outlived the request timeout
 * (`abandonedAfterMs`), is taken over with a new token.
 */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  owner: string,
  key: string,
  requestHash: string,
  abandonedAfterMs: number,
): Promise<IdempotencyClaim | undefined> {
  const token = randomUUID();
  const result = await sql<{ claimed: boolean }>`
    insert into idempotency_keys as k (key_owner, idempotency_key, request_hash, claim_token)
    values (${owner}, ${key}, ${requestHash}, ${token})
    on conflict (key_owner, idempotency_key) do update
      set request_hash = excluded.request_hash, claim_token = excluded.claim_token, status = 0, response = null, headers = null,
          created_at = date_trunc('milliseconds', now())
      where k.created_at < now() - ${EXPIRY}
         or (k.status = 0 and k.created_at < now() - make_interval(secs => ${abandonedAfterMs / 1000}))
    returning true as claimed`.execute(db);
  return result.rows.length > 0 ? { owner, key, token } : undefined;
}

export async function findIdempotencyRecord(db: Kysely<Database>, owner: string, key: string): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status', 'response', 'headers'])
    .where('key_owner', '=', owner)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row && { requestHash: row.request_hash, status: row.status, response: row.response, headers: row.headers ?? {} };
}

/** Stores the response for replays; false when the claim was taken over meanwhile (nothing stored). */
export async function completeIdempotencyKey(
  db: Kysely<Database>,
  claim: IdempotencyClaim,
  outcome: { status: number; response: unknown; headers: Record<string, string> },
): Promise<boolean> {
  const result = await db
    .updateTable('idempotency_keys')
    .set({ status: outcome.status, response: JSON.stringify(outcome.response), headers: JSON.stringify(outcome.headers) })
    .where('key_owner', '=', claim.owner)
    .where('idempotency_key', '=', claim.key)
    .where('claim_token', '=', claim.token)
    .where('status', '=', 0)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Forgets a claim whose request failed on our side, so a retry can run it again. */
export async function releaseIdempotencyKey(db: Kysely<Database>, claim: IdempotencyClaim): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('key_owner', '=', claim.owner)
    .where('idempotency_key', '=', claim.key)
    .where('claim_token', '=', claim.token)
    .where('status', '=', 0)
    .execute();
}

export async function deleteExpiredIdempotencyKeys(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('idempotency_keys').where(sql<boolean>`created_at < now() - ${EXPIRY}`).execute();
}
