import type { Kysely } from 'kysely';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  findIdempotencyRecord,
  releaseIdempotencyKey,
  type IdempotencyClaim,
  type IdempotencyRecord,
} from '../db/repositories/idempotency.ts';
import type { Database } from '../db/schema.ts';

export type { IdempotencyClaim, IdempotencyRecord };

/** The stored `Idempotency-Key`s, shared by every instance; the HTTP layer decides when to use them. */
export class IdempotencyService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Undefined when another request holds or has used the key (see claimIdempotencyKey). */
  claim(owner: string, key: string, requestHash: string, abandonedAfterMs: number): Promise<IdempotencyClaim | undefined> {
    return claimIdempotencyKey(this.db, owner, key, requestHash, abandonedAfterMs);
  }

  find(owner: string, key: string): Promise<IdempotencyRecord | undefined> {
    return findIdempotencyRecord(this.db, owner, key);
  }

  /** False when the claim was taken over meanwhile and the outcome is not stored. */
  complete(claim: IdempotencyClaim, outcome: { status: number; response: unknown; headers: Record<string, string> }): Promise<boolean> {
    return completeIdempotencyKey(this.db, claim, outcome);
  }

  release(claim: IdempotencyClaim): Promise<void> {
    return releaseIdempotencyKey(this.db, claim);
  }

  deleteExpired(): Promise<void> {
    return deleteExpiredIdempotencyKeys(this.db);
  }
}
