import t from 'tap';
import { ReservedCounters } from '../src/http/rate-limit-store.ts';

const WINDOW = 60_000;

/**
 * One shared counter per bucket and window, as the database keeps it, with a clock the test
 * moves; records every reservation.
 */
function fakeDatabase() {
  const clock = { now: 1_000_000 * WINDOW + 5_000 };
  const counts = new Map<string, number>();
  const calls: { bucket: string; n: number }[] = [];
  let gate: Promise<void> | undefined;
  let failWith: Error | undefined;
  const reserve = async (bucket: string, n: number, windowMs: number) => {
    calls.push({ bucket, n });
    await gate;
    if (failWith) throw failWith;
    const windowStart = Math.floor(clock.now / windowMs) * windowMs;
    const key = `${bucket}@${windowStart}`;
    const count = (counts.get(key) ?? 0) + n;
    counts.set(key, count);
    return { count, ttlMs: windowStart + windowMs - clock.now };
  };
  return {
    clock,
    calls,
    reserve,
    countOf: (bucket: string) => counts.get(`${bucket}@${Math.floor(clock.now / WINDOW) * WINDOW}`) ?? 0,
    /** Holds reservations until the returned function is called. */
    hold(): () => void {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    fail(error: Error | undefined) {
      failWith = error;
    },
  };
}

const instance = (db: ReturnType<typeof fakeDatabase>) => new ReservedCounters(db.reserve, { now: () => db.clock.now });

t.test('a large limit reserves in blocks: about one reservation per 100 requests, numbers exact', async (t) => {
  const db = fakeDatabase();
  const counters = instance(db);
  const numbers = [];
  for (let i = 0; i < 250; i += 1) numbers.push((await counters.count('b', WINDOW, 1_000_000)).current);
  t.same(numbers, Array.from({ length: 250 }, (_, i) => i + 1), 'every request gets the next number');
  t.same(db.calls.map((c) => c.n), [1, 100, 100, 100], 'a new window starts with one number, then blocks of 100');
});

t.test('block sizes shrink to an eighth of what is left, and to one near the limit', async (t) => {
  const db = fakeDatabase();
  const counters = instance(db);
  const numbers = [];
  for (let i = 0; i < 60; i += 1) numbers.push((await counters.count('b', WINDOW, 50)).current);
  t.same(numbers.slice(0, 50), Array.from({ length: 50 }, (_, i) => i + 1));
  t.ok(numbers.slice(50).every((n) => n > 50), 'past the limit every request is refused');
  const sizes = db.calls.map((c) => c.n);
  t.same(sizes, [1, 6, 5, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 'floor((50 - known) / 8), at least 1');
  t.equal(db.countOf('b'), 50, 'nothing reserved past the limit');
});

t.test('small limits count exactly, one reservation per request', async (t) => {
  const db = fakeDatabase();
  const counters = instance(db);
  const numbers = [];
  for (let i = 0; i < 4; i += 1) numbers.push((await counters.count('b', WINDOW, 3)).current);
  t.same(numbers, [1, 2, 3, 4]);
  t.same(db.calls.map((c) => c.n), [1, 1, 1], 'the fourth is refused without a reservation');
});

t.test('once the window is full, refusals are answered locally', async (t) => {
  const db = fakeDatabase();
  const counters = instance(db);
  for (let i = 0; i < 3; i += 1) await counters.count('b', WINDOW, 3);
  const before = db.calls.length;
  const refused = [];
  for (let i = 0; i < 100; i += 1) refused.push(await counters.count('b', WINDOW, 3));
  t.equal(db.calls.length, before, 'no reservation while hammering after a refusal');
  t.same(refused.map((r) => r.current), Array.from({ length: 100 }, (_, i) => i + 4));
  t.ok(refused.every((r) => r.ttl > 0 && r.ttl <= WINDOW));

  // Filled by someone else: the first refusal is learned from the database, the rest are local.
  const other = instance(db);
  t.equal((await other.count('b', WINDOW, 3)).current, 4);
  const calls = db.calls.length;
  t.equal((await other.count('b', WINDOW, 3)).current, 5);
  t.equal(db.calls.length, calls);
});

t.test('a new window starts over with a single number', async (t) => {
  const db = fakeDatabase();
  const counters = instance(db);
  for (let i = 0; i < 5; i += 1) await counters.count('b', WINDOW, 3);
  const first = await counters.count('c', WINDOW, 1000);
  await counters.count('c', WINDOW, 1000); // reserves a block of 100 ahead
  t.ok(first.ttl <= 55_000 && first.ttl > 54_000, `ttl ${first.ttl} is what is left of the window`);

  db.clock.now += 55_000;
  const calls = db.calls.length;
  const again = await counters.count('b', WINDOW, 3);
  t.equal(again.current, 1, 'the refused bucket is allowed again');
  t.ok(again.ttl > 59_000, 'for the whole new window');
  const c = await counters.count('c', WINDOW, 1000);
  t.equal(c.current, 1, 'numbers reserved in the old window are not used in the new one');
  t.same(db.calls.slice(calls).map((c) => c.n), [1, 1]);
});

t.test('concurrent requests share one reservation in flight', async (t) => {
  const db = fakeDatabase();
  const counters = instance(db);
  const release = db.hold();
  const pending = Array.from({ length: 20 }, () => counters.count('b', WINDOW, 1_000_000));
  await new Promise((resolve) => setImmediate(resolve));
  t.equal(db.calls.length, 1, 'one reservation while the first is in flight');
  release();
  const numbers = (await Promise.all(pending)).map((r) => r.current).sort((a, b) => a - b);
  t.same(numbers, Array.from({ length: 20 }, (_, i) => i + 1), 'each gets its own number');
  t.same(db.calls.map((c) => c.n), [1, 100], 'the waiters needed one more block, reserved once');

  // Near the limit blocks are single numbers: waiters reserve one after another, never at once.
  const exact = instance(db);
  const held = db.hold();
  const small = Array.from({ length: 5 }, () => exact.count('x', WINDOW, 3));
  await new Promise((resolve) => setImmediate(resolve));
  t.equal(db.calls.filter((c) => c.bucket === 'x').length, 1);
  held();
  t.same((await Promise.all(small)).map((r) => r.current).sort(), [1, 2, 3, 4, 5]);
});

t.test('a failed reservation fails the requests waiting on it; the next one tries again', async (t) => {
  const db = fakeDatabase();
  const counters = instance(db);
  const release = db.hold();
  db.fail(new Error('database down'));
  const pending = Array.from({ length: 3 }, () => counters.count('b', WINDOW, 10));
  await new Promise((resolve) => setImmediate(resolve));
  release();
  const results = await Promise.allSettled(pending);
  t.ok(results.every((r) => r.status === 'rejected' && (r.reason as Error).message === 'database down'));
  t.equal(db.calls.length, 1);
  db.fail(undefined);
  t.equal((await counters.count('b', WINDOW, 10)).current, 1);
});

t.test('instances never allow more than the limit together, and refuse early by little', async (t) => {
  for (const max of [10, 40, 1000, 5000]) {
    const db = fakeDatabase();
    const instances = [instance(db), instance(db), instance(db)];
    let allowed = 0;
    for (let i = 0; i < max * 2; i += 1) {
      // The third instance sees a few requests early on, then none: its unused numbers are lost.
      const which = i % 7 === 6 && i < max / 2 ? 2 : i % 2;
      if ((await instances[which]!.count('b', WINDOW, max)).current <= max) allowed += 1;
    }
    t.ok(allowed <= max, `limit ${max}: ${allowed} allowed`);
    t.ok(allowed >= max - Math.floor(max / 8), `limit ${max}: at most an eighth refused early`);
  }
});

t.test('leases are kept for a bounded number of buckets', async (t) => {
  const db = fakeDatabase();
  const counters = new ReservedCounters(db.reserve, { now: () => db.clock.now, maxBuckets: 2 });
  for (const bucket of ['a', 'b', 'c']) {
    await counters.count(bucket, WINDOW, 1000);
    await counters.count(bucket, WINDOW, 1000);
  }
  const calls = db.calls.length;
  // 'a' held 2..101 when it was forgotten; its next number comes from a new reservation.
  t.equal((await counters.count('a', WINDOW, 1000)).current, 102, 'a forgotten bucket is counted again from the database');
  t.equal(db.calls.length, calls + 1);
  t.equal((await counters.count('c', WINDOW, 1000)).current, 3, 'a remembered one needs no reservation');
  t.equal(db.calls.length, calls + 1);
});
