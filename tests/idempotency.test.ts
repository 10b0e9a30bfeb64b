import { randomUUID } from 'node:crypto';
import t from 'tap';
import { bearer, buildTestApp, clientFor, createKey } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

t.test('Idempotency-Key on creates', async (t) => {
  const { app, api, database, auth, inject } = await buildTestApp(t);
  const count = async (table: 'opportunities' | 'investors' | 'api_keys') =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  t.test('a retry returns the original response and creates nothing more', async (t) => {
    const key = randomUUID();
    const before = await count('opportunities');
    const first = await api.POST('/v1/opportunities', { body: opportunityBody(), headers: { 'idempotency-key': key } });
    t.equal(first.response.status, 201);
    t.notOk(first.response.headers.get('idempotent-replayed'));
    const retry = await api.POST('/v1/opportunities', { body: opportunityBody(), headers: { 'idempotency-key': key } });
    t.equal(retry.response.status, 201, 'the original status');
    t.same(retry.data, first.data, 'the original body');
    t.equal(retry.response.headers.get('location'), first.response.headers.get('location'), 'the original Location');
    t.equal(retry.response.headers.get('etag'), first.response.headers.get('etag'));
    t.equal(retry.response.headers.get('idempotent-replayed'), 'true');
    t.equal(await count('opportunities'), before + 1, 'created once');
  });

  t.test('the same body in another key order is the same request', async (t) => {
    const key = randomUUID();
    const body = investorBody();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const first = await inject({ method: 'POST', url: '/v1/investors', payload: body, headers: { 'idempotency-key': key } });
    const again = await inject({ method: 'POST', url: '/v1/investors', payload: reordered, headers: { 'idempotency-key': key } });
    t.equal(again.statusCode, 201);
    t.equal(again.headers['idempotent-replayed'], 'true');
    t.same(again.json(), first.json());
  });

  t.test('the same key with another body or path is refused', async (t) => {
    const key = randomUUID();
    await api.POST('/v1/opportunities', { body: opportunityBody(), headers: { 'idempotency-key': key } });
    const before = await count('opportunities');
    const other = await api.POST('/v1/opportunities', { body: opportunityBody({ sector: 'vaccines' }), headers: { 'idempotency-key': key } });
    t.equal(other.response.status, 422);
    t.equal(other.error?.code, 'idempotency-key-reused');
    t.equal(other.error?.errors?.[0]?.field, 'idempotency-key');
    const elsewhere = await api.POST('/v1/investors', { body: investorBody(), headers: { 'idempotency-key': key } });
    t.equal(elsewhere.error?.code, 'idempotency-key-reused', 'a key names one request, whatever the path');
    t.equal(await count('opportunities'), before);
  });

  t.test('keys belong to the API key that used them', async (t) => {
    const key = randomUUID();
    const other = clientFor(app, bearer((await createKey(app, { role: 'staff' })).key));
    const mine = await api.POST('/v1/opportunities', { body: opportunityBody(), headers: { 'idempotency-key': key } });
    const theirs = await other.POST('/v1/opportunities', { body: opportunityBody(), headers: { 'idempotency-key': key } });
    t.equal(theirs.response.status, 201);
    t.notOk(theirs.response.headers.get('idempotent-replayed'), 'another caller with the same key is a different request');
    t.not(theirs.data?.id, mine.data?.id);
  });

  t.test('a duplicate sent while the first is still running gets 409', async (t) => {
    const key = randomUUID();
    await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody(), headers: { 'idempotency-key': key } });
    // As if that request had claimed the key and not finished yet.
    await database.db.updateTable('idempotency_keys').set({ status: 0, response: null, headers: null }).where('idempotency_key', '=', key).execute();
    const before = await count('opportunities');
    const duplicate = await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody(), headers: { ...auth, 'idempotency-key': key } });
    t.equal(duplicate.statusCode, 409);
    t.equal(duplicate.json().code, 'idempotency-key-in-progress');
    t.equal(await count('opportunities'), before);

    const racing = randomUUID();
    const before2 = await count('opportunities');
    const results = await Promise.all(
      [1, 2, 3].map(() => api.POST('/v1/opportunities', { body: opportunityBody(), headers: { 'idempotency-key': racing } })),
    );
    t.equal(await count('opportunities'), before2 + 1, 'concurrent duplicates create once');
    const created = results.filter((r) => r.response.status === 201);
    t.ok(created.length >= 1);
    t.ok(created.every((r) => r.data?.id === created[0]!.data?.id), 'every success names the same opportunity');
    t.ok(results.every((r) => r.response.status === 201 || r.error?.code === 'idempotency-key-in-progress'));
  });

  t.test('refusals are remembered too; invalid requests are not', async (t) => {
    const key = randomUUID();
    const unknown = { role: 'investor' as const, label: 'x', investorId: '00000000-0000-4000-8000-000000000000' };
    const first = await api.POST('/v1/api-keys', { body: unknown, headers: { 'idempotency-key': key } });
    t.equal(first.response.status, 422);
    const retry = await api.POST('/v1/api-keys', { body: unknown, headers: { 'idempotency-key': key } });
    t.equal(retry.response.status, 422);
    t.equal(retry.response.headers.get('idempotent-replayed'), 'true');

    const invalidKey = randomUUID();
    const invalid = await inject({ method: 'POST', url: '/v1/opportunities', payload: { title: 'x' }, headers: { 'idempotency-key': invalidKey } });
    t.equal(invalid.statusCode, 400);
    const fixed = await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody(), headers: { 'idempotency-key': invalidKey } });
    t.equal(fixed.statusCode, 201, 'a request that failed validation can be corrected under the same key');
  });

  t.test('an API key is issued once, and its secret is never kept for a replay', async (t) => {
    const key = randomUUID();
    const before = await count('api_keys');
    const body = { role: 'embed' as const, label: 'Portal', allowedOrigins: ['https://portal.example'] };
    const first = await api.POST('/v1/api-keys', { body, headers: { 'idempotency-key': key } });
    const retry = await api.POST('/v1/api-keys', { body, headers: { 'idempotency-key': key } });
    t.equal(retry.response.headers.get('idempotent-replayed'), 'true');
    t.equal(retry.data?.id, first.data?.id, 'the same key record');
    t.equal(retry.data?.key, null, 'without the secret');
    t.match(first.data?.key, /^pk_embed_/);
    t.equal(await count('api_keys'), before + 1);
    const stored = await database.db.selectFrom('idempotency_keys').select('response').where('idempotency_key', '=', key).executeTakeFirstOrThrow();
    t.notOk(JSON.stringify(stored.response).includes(first.data!.key!), 'the secret is not in the idempotency record');
  });

  t.test('the header is validated', async (t) => {
    for (const value of ['x'.repeat(256), 'tab\tinside', 'ünïcode']) {
      const response = await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody(), headers: { 'idempotency-key': value } });
      t.equal(response.statusCode, 400, `${JSON.stringify(value.slice(0, 20))} → 400`);
      t.same(response.json().errors.map((e: { in: string; field: string }) => [e.in, e.field]), [['headers', 'idempotency-key']]);
    }
  });

  t.test('kept in PostgreSQL: a restarted instance on the same database replays', async (t) => {
    const key = randomUUID();
    const first = await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody(), headers: { 'idempotency-key': key } });
    const restarted = await buildTestApp(t, database);
    const before = await count('opportunities');
    const retry = await restarted.app.inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody(), headers: { ...auth, 'idempotency-key': key } });
    t.equal(retry.statusCode, 201);
    t.equal(retry.headers['idempotent-replayed'], 'true');
    t.same(retry.json(), first.json());
    t.equal(await count('opportunities'), before);
  });

  t.test('keys expire after 24 hours', async (t) => {
    const key = randomUUID();
    const first = await api.POST('/v1/opportunities', { body: opportunityBody(), headers: { 'idempotency-key': key } });
    await database.db.updateTable('idempotency_keys').set({ created_at: new Date(Date.now() - 25 * 3600_000) }).where('idempotency_key', '=', key).execute();
    const later = await api.POST('/v1/opportunities', { body: opportunityBody({ sector: 'vaccines' }), headers: { 'idempotency-key': key } });
    t.equal(later.response.status, 201, 'an expired key is a new request');
    t.not(later.data?.id, first.data?.id);
  });
});
