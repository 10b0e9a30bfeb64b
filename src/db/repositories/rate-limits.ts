import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Adds `n` requests to the bucket's current fixed window and returns the new count and the
 * milliseconds left in the window, so the caller owns the numbers `count - n + 1 .. count`. One
 * atomic upsert, so instances sharing the database share the count; the window comes from the
 * database clock, so instances agree on it too.
 */
export async function reserveCount(db: Kysely<Database>, bucket: string, n: number, windowMs: number): Promise<{ count: number; ttlMs: number }> {
  const result = await sql<{ count: number; ttl_ms: number }>`
    insert into rate_limit_counters as c (bucket, window_start, count)
    values (${bucket}, to_timestamp(floor(extract(epoch from clock_timestamp()) * 1000 / ${windowMs}::float8) * ${windowMs}::float8 / 1000), ${n}::integer)
    on conflict (bucket, window_start) do update set count = c.count + excluded.count
    returning c.count, greatest(0, extract(epoch from c.window_start) * 1000 + ${windowMs}::float8 - extract(epoch from clock_timestamp()) * 1000)::float8 as ttl_ms`.execute(db);
  const row = result.rows[0]!;
  return { count: Number(row.count), ttlMs: Math.ceil(Number(row.ttl_ms)) };
}

/** Drops windows that ended before `before`. */
export async function deleteExpiredCounters(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('window_start', '<', before).execute();
}
