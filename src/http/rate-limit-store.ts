import { LRUCache } from 'lru-cache';

/**
 * Atomically adds `n` to the bucket's counter in its current fixed window of `windowMs` and
 * returns the new count and the milliseconds left in that window.
 */
export type ReserveCount = (bucket: string, n: number, windowMs: number) => Promise<{ count: number; ttlMs: number }>;

export interface Counted {
  /** This request's number in the window; it is allowed iff `current <= max`. */
  current: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}

interface Lease {
  /** The next reserved number to hand out, and the last one reserved: empty once next > last. */
  next: number;
  last: number;
  /** The highest count this instance knows of in the window, raised locally by refusals. */
  known: number;
  /** Local time at which the window ends. */
  windowEnd: number;
  windowMs: number;
}

/** The most numbers one reservation takes: about one request in this many reaches the database. */
const MAX_BLOCK = 100;
/** A block is at most this fraction of what the window has left, which bounds early refusals. */
const BLOCK_DIVISOR = 8;

export interface ReservedCountersOptions {
  /** Buckets whose leases are kept in memory; others are recounted from the database. */
  maxBuckets?: number;
  now?: () => number;
}

/**
 * Fixed-window request counting shared by every instance of one database, in blocks of numbers
 * reserved ahead, as a PostgreSQL sequence with CACHE does: one atomic reservation hands this
 * instance the numbers `[count - n + 1 .. count]`, and requests then take them without I/O.
 *
 * A request is allowed iff its number is at most `max`, and every number is handed out once,
 * so no more than `max` requests are allowed per window across all instances. Numbers reserved
 * by one instance and left unused (say its traffic stops) are lost to the others, which may
 * then be refused early. A block is at most an eighth of what the window had left when it was
 * reserved (and at most 100 numbers), so that bounds what each instance can hold back; with
 * fewer than 16 numbers left every block is a single number, and counting is exact (so are
 * small limits, e.g. a few requests a minute).
 *
 * Once the window is known to be full, refusals are answered locally, so a client retrying
 * after a 429 costs no query. Requests arriving while a reservation is in flight wait for it
 * rather than reserving their own.
 */
export class ReservedCounters {
  private readonly leases: LRUCache<string, Lease>;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly now: () => number;

  constructor(
    private readonly reserve: ReserveCount,
    options: ReservedCountersOptions = {},
  ) {
    this.leases = new LRUCache({ max: options.maxBuckets ?? 10_000 });
    this.now = options.now ?? Date.now;
  }

  /** Counts one request; `max` unknown means every reservation is a single number. */
  async count(bucket: string, windowMs: number, max?: number): Promise<Counted> {
    for (;;) {
      const pending = this.inFlight.get(bucket);
      if (pending) {
        await pending;
        continue;
      }
      const now = this.now();
      const lease = this.leases.get(bucket);
      const current = lease && lease.windowMs === windowMs && now < lease.windowEnd ? lease : undefined;
      if (current && current.next <= current.last) return this.take(current, now);
      if (current && max !== undefined && current.known >= max) {
        current.known += 1;
        return { current: current.known, ttl: ttlOf(current, now) };
      }
      // A window new to this instance starts exact: nothing is known about its count yet.
      const n = current && max !== undefined ? Math.min(MAX_BLOCK, Math.max(1, Math.floor((max - current.known) / BLOCK_DIVISOR))) : 1;
      return this.reserveBlock(bucket, n, windowMs, now);
    }
  }

  private reserveBlock(bucket: string, n: number, windowMs: number, startedAt: number): Promise<Counted> {
    const reserved = this.reserve(bucket, n, windowMs)
      .then(({ count, ttlMs }) => {
        // Measured from when the reservation was sent, so the lease never outlives the database's window.
        const lease: Lease = { next: count - n + 1, last: count, known: count, windowEnd: startedAt + ttlMs, windowMs };
        this.leases.set(bucket, lease);
        // The first number goes to the request that reserved, even if the window ended meanwhile.
        return this.take(lease, this.now());
      })
      .finally(() => this.inFlight.delete(bucket));
    this.inFlight.set(bucket, reserved);
    return reserved;
  }

  private take(lease: Lease, now: number): Counted {
    const current = lease.next;
    lease.next += 1;
    return { current, ttl: ttlOf(lease, now) };
  }
}

const ttlOf = (lease: Lease, now: number) => Math.max(0, Math.ceil(lease.windowEnd - now));
