import type { Kysely } from 'kysely';
import { deleteExpiredCounters, reserveCount } from '../db/repositories/rate-limits.ts';
import type { Database } from '../db/schema.ts';

/** Request counters in the database, so every instance enforces one shared limit. */
export class RateLimitCounters {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds `n` to the bucket's current window: the new count and the milliseconds the window has left. */
  reserve(bucket: string, n: number, windowMs: number): Promise<{ count: number; ttlMs: number }> {
    return reserveCount(this.db, bucket, n, windowMs);
  }

  deleteWindowsBefore(before: Date): Promise<void> {
    return deleteExpiredCounters(this.db, before);
  }
}
