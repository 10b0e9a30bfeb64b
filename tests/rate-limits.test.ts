import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { bearer, buildTestApp, createKey, openTestDatabase } from './helpers/app.ts';

const limits = { RATE_LIMIT_ANONYMOUS_PER_MINUTE: 3, RATE_LIMIT_KEY_PER_MINUTE: 4 };

/** Windows are whole minutes; a test that straddles one would see its counts reset. */
async function awayFromWindowEdge(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await sleep(left + 200);
}

t.test('rate limits', async (t) => {
  const database = await openTestDatabase(t);
  const { app } = await buildTestApp(t, database, limits);

  t.test('anonymous callers: per IP, with standard headers and a 429 problem', async (t) => {
    await awayFromWindowEdge();
    const ip = '203.0.113.7';
    for (let i = 1; i <= 3; i += 1) {
      const response = await app.inject({ method: 'GET', url: '/v1/sectors', remoteAddress: ip });
      t.equal(response.statusCode, 200);
      t.equal(response.headers['x-ratelimit-limit'], '3');
      t.equal(response.headers['x-ratelimit-remaining'], String(3 - i));
      const reset = Number(response.headers['x-ratelimit-reset']);
      t.ok(reset >= 1 && reset <= 60, `reset in ${reset} s`);
    }
    const refused = await app.inject({ method: 'GET', url: '/v1/sectors', remoteAddress: ip });
    t.equal(refused.statusCode, 429);
    t.match(refused.headers['content-type'], /^application\/problem\+json/);
    t.equal(refused.json().code, 'rate-limited');
    t.equal(refused.json().status, 429);
    const retryAfter = Number(refused.headers['retry-after']);
    t.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
    t.equal(refused.headers['x-ratelimit-remaining'], '0');
    t.equal(refused.headers['access-control-allow-origin'], '*', 'a browser can read why');

    const otherIp = await app.inject({ method: 'GET', url: '/v1/sectors', remoteAddress: '203.0.113.8' });
    t.equal(otherIp.statusCode, 200, 'another IP has its own budget');
    const withKey = await app.inject({ method: 'GET', url: '/v1/sectors', remoteAddress: ip, headers: bearer((await createKey(app, { role: 'staff' })).key) });
    t.equal(withKey.statusCode, 200, 'a key is counted on its own, not by IP');
    t.equal(withKey.headers['x-ratelimit-limit'], '4', 'with the key limit');

    for (let i = 0; i < 3; i += 1) {
      t.equal((await app.inject({ method: 'GET', url: '/health', remoteAddress: ip })).statusCode, 200, 'health checks are never limited');
    }
  });

  t.test('keys: per key, whatever the IP; embed keys per key and visitor', async (t) => {
    await awayFromWindowEdge();
    const staff = bearer((await createKey(app, { role: 'staff' })).key);
    const statuses = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await app.inject({ method: 'GET', url: '/v1/opportunities', headers: staff, remoteAddress: `198.51.100.${i}` })).statusCode);
    }
    t.same(statuses, [200, 200, 200, 200, 429]);
    const otherKey = bearer((await createKey(app, { role: 'staff' })).key);
    t.equal((await app.inject({ method: 'GET', url: '/v1/opportunities', headers: otherKey })).statusCode, 200, 'another key has its own budget');

    const embed = { ...bearer((await createKey(app, { role: 'embed', allowedOrigins: ['https://site.example'] })).key), origin: 'https://site.example' };
    for (let i = 0; i < 4; i += 1) await app.inject({ method: 'GET', url: '/v1/opportunities', headers: embed, remoteAddress: '192.0.2.1' });
    t.equal((await app.inject({ method: 'GET', url: '/v1/opportunities', headers: embed, remoteAddress: '192.0.2.1' })).statusCode, 429);
    t.equal((await app.inject({ method: 'GET', url: '/v1/opportunities', headers: embed, remoteAddress: '192.0.2.2' })).statusCode, 200, "one visitor cannot use up a site's embed key");
  });

  t.test('bad keys are counted against the IP, so guessing is limited too', async (t) => {
    await awayFromWindowEdge();
    const guess = bearer('pk_admin_guess0000000000000000000000000000000000');
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await app.inject({ method: 'GET', url: '/v1/sectors', headers: guess, remoteAddress: '203.0.113.99' })).statusCode);
    t.same(statuses, [401, 401, 401, 429]);
  });

  t.test('two instances on one database share the counters', async (t) => {
    await awayFromWindowEdge();
    const other = await buildTestApp(t, database, limits);
    const ip = '203.0.113.50';
    const statuses = [];
    for (const instance of [app, other.app, app, other.app]) statuses.push((await instance.inject({ method: 'GET', url: '/v1/sectors', remoteAddress: ip })).statusCode);
    t.same(statuses, [200, 200, 200, 429], 'the fourth request is refused, whichever instance gets it');
  });

  t.test('a large limit is counted in reserved blocks, not a query per request', async (t) => {
    await awayFromWindowEdge();
    const { app: generous } = await buildTestApp(t, database, { RATE_LIMIT_ANONYMOUS_PER_MINUTE: 3, RATE_LIMIT_KEY_PER_MINUTE: 1000 });
    const key = await createKey(generous, { role: 'staff' });
    const remaining = [];
    for (let i = 0; i < 60; i += 1) {
      const response = await generous.inject({ method: 'GET', url: '/v1/sectors', headers: bearer(key.key) });
      t.equal(response.statusCode, 200);
      remaining.push(Number(response.headers['x-ratelimit-remaining']));
    }
    t.same(remaining, Array.from({ length: 60 }, (_, i) => 999 - i), 'down by exactly one per request');
    const row = await database.db.selectFrom('rate_limit_counters').select('count').where('bucket', '=', `key:${key.id}`).executeTakeFirstOrThrow();
    // A query per request would have left 60. Reserving one number for the new window, then a
    // block of min(100, floor(999 / 8)), leaves 101: two queries served all 60 requests.
    t.equal(row.count, 101, 'the counter moved in two reservations: 1, then 100');
  });

  t.test('concurrent requests on one instance: exactly the limit is allowed', async (t) => {
    await awayFromWindowEdge();
    const { app: busy } = await buildTestApp(t, database, { RATE_LIMIT_ANONYMOUS_PER_MINUTE: 3, RATE_LIMIT_KEY_PER_MINUTE: 20 });
    const key = bearer((await createKey(busy, { role: 'staff' })).key);
    const responses = await Promise.all(Array.from({ length: 30 }, () => busy.inject({ method: 'GET', url: '/v1/sectors', headers: key })));
    t.equal(responses.filter((r) => r.statusCode === 200).length, 20);
    t.equal(responses.filter((r) => r.statusCode === 429).length, 10);
  });

  t.test('two instances with a larger limit: never more than the limit, few refused early', async (t) => {
    await awayFromWindowEdge();
    const forty = { RATE_LIMIT_ANONYMOUS_PER_MINUTE: 3, RATE_LIMIT_KEY_PER_MINUTE: 40 };
    const [one, two] = [await buildTestApp(t, database, forty), await buildTestApp(t, database, forty)];
    const key = await createKey(one.app, { role: 'staff' });
    let allowed = 0;
    let refused = 0;
    for (let i = 0; refused < 6 && i < 100; i += 1) {
      const instance = i % 2 === 0 ? one.app : two.app;
      const response = await instance.inject({ method: 'GET', url: '/v1/sectors', headers: bearer(key.key) });
      if (response.statusCode === 200) allowed += 1;
      else if (response.statusCode === 429) refused += 1;
      else t.fail(`unexpected status ${response.statusCode}`);
    }
    t.ok(allowed <= 40, `${allowed} allowed: no more than the limit`);
    t.ok(allowed >= 35, `${allowed} allowed: numbers held by the other instance refuse only a few early`);
    const row = await database.db.selectFrom('rate_limit_counters').select('count').where('bucket', '=', `key:${key.id}`).executeTakeFirstOrThrow();
    // A query per refusal would have pushed it to allowed + refused; each instance reserves at most once past the limit.
    t.ok(row.count <= 42, `the counter stopped at ${row.count}: refusals past the limit are answered locally`);
  });

  t.test('a limit of 0 switches limiting off', async (t) => {
    const { app: unlimited } = await buildTestApp(t, database, { RATE_LIMIT_ANONYMOUS_PER_MINUTE: 0, RATE_LIMIT_KEY_PER_MINUTE: 0 });
    for (let i = 0; i < 6; i += 1) {
      const response = await unlimited.inject({ method: 'GET', url: '/v1/sectors', remoteAddress: '203.0.113.7' });
      t.equal(response.statusCode, 200);
      t.notOk(response.headers['x-ratelimit-limit']);
    }
  });

  t.test('old windows are swept', async (t) => {
    await database.db.insertInto('rate_limit_counters').values({ bucket: 'ip:old', window_start: new Date(Date.now() - 3_600_000), count: 9 }).execute();
    const { app: fresh } = await buildTestApp(t, database, limits);
    await fresh.inject({ method: 'GET', url: '/v1/sectors', remoteAddress: '203.0.113.200' });
    let gone = false;
    for (let i = 0; i < 50 && !gone; i += 1) {
      gone = !(await database.db.selectFrom('rate_limit_counters').select('bucket').where('bucket', '=', 'ip:old').executeTakeFirst());
      if (!gone) await sleep(20);
    }
    t.ok(gone, 'a window from an hour ago is deleted');
  });
});
