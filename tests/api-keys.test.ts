import t from 'tap';
import { DEMO_API_KEYS } from '../db/demo/api-keys.ts';
import { DEMO_INVESTORS } from '../db/demo/investors.ts';
import { SYSTEM_ACTOR } from '../src/domain/access.ts';
import { hashKey } from '../src/domain/api-keys.ts';
import { seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { bearer, buildTestApp, clientFor, createKey } from './helpers/app.ts';
import { investorBody } from './helpers/fixtures.ts';

t.test('API keys: issued once, stored as a hash, listed, revoked', async (t) => {
  const { app, api, database, inject } = await buildTestApp(t);
  const { data: investor } = await api.POST('/v1/investors', { body: investorBody() });

  t.test('a new key is shown once and only its hash is stored', async (t) => {
    const created = await api.POST('/v1/api-keys', { body: { role: 'investor', label: 'Hanbit', investorId: investor!.id } });
    t.equal(created.response.status, 201);
    const key = created.data!.key!;
    t.match(key, /^pk_investor_[A-Za-z0-9]{40}$/);
    t.equal(created.data!.prefix, key.slice(0, 'pk_investor_'.length + 6));
    t.equal(created.response.headers.get('location'), `/v1/api-keys/${created.data!.id}`);
    t.equal(created.response.headers.get('cache-control'), 'no-store');

    const read = await api.GET('/v1/api-keys/{id}', { params: { path: { id: created.data!.id } } });
    t.notOk('key' in read.data!, 'never shown again');
    const { key: _shown, ...metadata } = created.data!;
    t.same(read.data, metadata);
    const row = await database.db.selectFrom('api_keys').selectAll().where('id', '=', created.data!.id).executeTakeFirstOrThrow();
    t.equal(row.secret_hash, hashKey(key));
    t.notOk(JSON.stringify(row).includes(key), 'the key itself is nowhere in the row');

    const asInvestor = clientFor(app, bearer(key));
    t.equal((await asInvestor.GET('/v1/investors/{id}', { params: { path: { id: investor!.id } } })).response.status, 200, 'the key works');
  });

  t.test('bindings: investor keys need a live profile, embed keys need origins, others neither', async (t) => {
    const cases: [string, Record<string, unknown>, number, string, string?][] = [
      ['investor key without investorId', { role: 'investor', label: 'x' }, 400, 'validation-failed', 'investorId'],
      ['investor key for an unknown profile', { role: 'investor', label: 'x', investorId: '00000000-0000-4000-8000-000000000000' }, 422, 'unknown-investor', 'investorId'],
      ['embed key without origins', { role: 'embed', label: 'x' }, 400, 'validation-failed', 'allowedOrigins'],
      ['embed key with no origin', { role: 'embed', label: 'x', allowedOrigins: [] }, 400, 'validation-failed', 'allowedOrigins'],
      ['origin with a path', { role: 'embed', label: 'x', allowedOrigins: ['https://kotra.example/jobs'] }, 400, 'validation-failed', 'allowedOrigins.0'],
      ['origin in upper case', { role: 'embed', label: 'x', allowedOrigins: ['https://KOTRA.example'] }, 400, 'validation-failed', 'allowedOrigins.0'],
      ['origin not on the web', { role: 'embed', label: 'x', allowedOrigins: ['ftp://kotra.example'] }, 400, 'validation-failed', 'allowedOrigins.0'],
      ['a wildcard origin', { role: 'embed', label: 'x', allowedOrigins: ['*'] }, 400, 'validation-failed', 'allowedOrigins.0'],
      ['21 origins', { role: 'embed', label: 'x', allowedOrigins: Array.from({ length: 21 }, (_, i) => `https://s${i}.example`) }, 400, 'validation-failed', 'allowedOrigins'],
      ['embed key bound to an investor', { role: 'embed', label: 'x', allowedOrigins: ['https://a.example'], investorId: investor!.id }, 400, 'validation-failed', 'investorId'],
      ['staff key bound to an investor', { role: 'staff', label: 'x', investorId: investor!.id }, 400, 'validation-failed', 'investorId'],
      ['admin key with origins', { role: 'admin', label: 'x', allowedOrigins: ['https://a.example'] }, 400, 'validation-failed', 'allowedOrigins'],
      ['unknown role', { role: 'root', label: 'x' }, 400, 'validation-failed', 'role'],
      ['no label', { role: 'staff' }, 400, 'validation-failed', 'label'],
      ['choosing the key', { role: 'staff', label: 'x', key: 'pk_staff_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, 400, 'validation-failed', 'key'],
      ['setting the id', { role: 'staff', label: 'x', id: '00000000-0000-4000-8000-000000000000' }, 400, 'validation-failed', 'id'],
    ];
    const count = async () => Number((await database.db.selectFrom('api_keys').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    for (const [name, body, status, code, field] of cases) {
      const response = await inject({ method: 'POST', url: '/v1/api-keys', payload: body });
      t.equal(response.statusCode, status, `${name} → ${status}`);
      t.equal(response.json().code, code, `${name} → ${code}`);
      if (field) t.ok(response.json().errors?.some((e: { field: string }) => e.field === field), `${name} names ${field}`);
    }
    t.equal(await count(), before, 'no key was created by a refused request');
  });

  t.test('list with filters and cursor pagination, newest first', async (t) => {
    const embed = await api.POST('/v1/api-keys', { body: { role: 'embed', label: 'KOTRA', allowedOrigins: ['https://www.kotra.example', 'http://localhost:8080'] } });
    t.same(embed.data!.allowedOrigins, ['https://www.kotra.example', 'http://localhost:8080']);
    const embeds = await api.GET('/v1/api-keys', { params: { query: { role: 'embed' } } });
    t.same(embeds.data!.data.map((k) => k.id), [embed.data!.id]);
    const forInvestor = await api.GET('/v1/api-keys', { params: { query: { investorId: investor!.id } } });
    t.ok(forInvestor.data!.data.every((k) => k.investorId === investor!.id && k.role === 'investor'));

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await api.GET('/v1/api-keys', { params: { query: { limit: 2, ...(cursor && { cursor }) } } });
      seen.push(...data!.data.map((k) => k.id));
      cursor = data!.nextCursor ?? undefined;
    } while (cursor);
    const all = await api.GET('/v1/api-keys', { params: { query: { limit: 100 } } });
    t.same(seen, all.data!.data.map((k) => k.id), 'pages neither repeat nor skip');
    t.notOk(JSON.stringify(all.data).includes('"key"'), 'lists never carry keys');
    const bad = await api.GET('/v1/api-keys', { params: { query: { cursor: 'garbage' } } });
    t.equal(bad.error?.code, 'invalid-cursor');
  });

  t.test('revoked keys stop working at once, and stay listed', async (t) => {
    const staff = await createKey(app, { role: 'staff', label: 'leaving' });
    const asStaff = clientFor(app, bearer(staff.key));
    t.equal((await asStaff.GET('/v1/opportunities', { params: { query: { status: ['draft'] } } })).response.status, 200);
    const revoked = await api.DELETE('/v1/api-keys/{id}', { params: { path: { id: staff.id } } });
    t.equal(revoked.response.status, 200);
    t.type(revoked.data!.revokedAt, 'string');
    const denied = await asStaff.GET('/v1/opportunities', {});
    t.equal(denied.response.status, 401);
    t.equal(denied.error?.code, 'invalid-api-key');
    t.notOk(JSON.stringify(denied.error).includes(staff.key), 'the problem never repeats the key');
    const again = await api.DELETE('/v1/api-keys/{id}', { params: { path: { id: staff.id } } });
    t.equal(again.data!.revokedAt, revoked.data!.revokedAt, 'revoking twice changes nothing');
    t.equal((await api.DELETE('/v1/api-keys/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } })).response.status, 404);
  });

  t.test('the last working admin key cannot be revoked', async (t) => {
    const { app } = await buildTestApp(t);
    const admins = await app.services.apiKeys.search({ role: 'admin', limit: 10 });
    const [only] = admins.items;
    t.equal(admins.items.length, 1);
    const response = await app.inject({ method: 'DELETE', url: `/v1/api-keys/${only!.id}`, headers: bearer((await createKey(app, { role: 'admin' })).key) });
    t.equal(response.statusCode, 200, 'fine while another admin key exists');
    const last = await app.services.apiKeys.search({ role: 'admin', limit: 10 });
    const lastKey = last.items.find((k) => !k.revokedAt)!;
    await t.rejects(app.services.apiKeys.revoke(lastKey.id, SYSTEM_ACTOR), { code: 'last-admin-key' });
  });

  t.test('malformed Authorization headers are refused like bad keys', async (t) => {
    for (const authorization of ['Basic YWxhZGRpbjpvcGVuc2VzYW1l', 'Bearer', 'Bearer ', 'pk_admin_x', 'Bearer a b', 'Bearer pk_admin_short', 'Bearer pk_root_0000000000000000000000000000000000000000']) {
      const response = await app.inject({ method: 'GET', url: '/v1/sectors', headers: { authorization } });
      t.equal(response.statusCode, 401, `${JSON.stringify(authorization)} → 401`);
      t.equal(response.json().code, 'invalid-api-key');
      t.match(response.headers['www-authenticate'], /^Bearer realm="peluang", error="invalid_token"$/);
    }
    const lower = await app.inject({ method: 'GET', url: '/v1/api-keys', headers: { authorization: `bearer ${(await createKey(app, { role: 'admin' })).key}` } });
    t.equal(lower.statusCode, 200, 'the scheme name is case-insensitive');
    const missing = await app.inject({ method: 'GET', url: '/v1/api-keys' });
    t.equal(missing.json().code, 'authentication-required');
    t.equal(missing.headers['www-authenticate'], 'Bearer realm="peluang"');
  });

  t.test('last use is recorded, at most once a minute', async (t) => {
    const key = await createKey(app, { role: 'staff' });
    const lastUsed = async () =>
      (await database.db.selectFrom('api_keys').select('last_used_at').where('id', '=', key.id).executeTakeFirstOrThrow()).last_used_at;
    t.equal(await lastUsed(), null);
    await app.inject({ method: 'GET', url: '/v1/sectors', headers: bearer(key.key) });
    let first: Date | null = null;
    for (let i = 0; i < 50 && !first; i += 1) {
      first = await lastUsed();
      if (!first) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    t.ok(first, 'recorded after the first use');
    await app.inject({ method: 'GET', url: '/v1/sectors', headers: bearer(key.key) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    t.same(await lastUsed(), first, 'not rewritten within the minute');
    // A minute on: the row says so, and the instance's memory of the key has expired.
    await database.db.updateTable('api_keys').set({ last_used_at: new Date(Date.now() - 120_000) }).where('id', '=', key.id).execute();
    app.services.apiKeys.resync();
    await app.inject({ method: 'GET', url: '/v1/sectors', headers: bearer(key.key) });
    let later: Date | null = null;
    for (let i = 0; i < 50; i += 1) {
      later = await lastUsed();
      if (later && later.getTime() > Date.now() - 60_000) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    t.ok(later && later.getTime() > Date.now() - 60_000, 'rewritten once a minute has passed');
  });

  t.test('a recognised key is served from memory until a key change or its minute is up', async (t) => {
    const key = await createKey(app, { role: 'admin' });
    const use = async () => (await app.inject({ method: 'GET', url: '/v1/api-keys', headers: bearer(key.key) })).statusCode;
    t.equal(await use(), 200);
    // Revoked behind the service's back (no notification): only memory can still say yes.
    await database.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', key.id).execute();
    t.equal(await use(), 200, 'no query per request');
    app.services.apiKeys.resync();
    t.equal(await use(), 401, 'read again from the database');

    const other = await createKey(app, { role: 'admin' });
    t.equal((await app.inject({ method: 'GET', url: '/v1/api-keys', headers: bearer(other.key) })).statusCode, 200);
    await database.db.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', other.id).execute();
    await createKey(app, { role: 'embed', allowedOrigins: ['https://site.example'] });
    t.equal((await app.inject({ method: 'GET', url: '/v1/api-keys', headers: bearer(other.key) })).statusCode, 401, 'any key change forgets recognised keys');
  });

  t.test('an investor key stops working when its profile is deleted', async (t) => {
    const { data: company } = await api.POST('/v1/investors', { body: investorBody({ companyName: 'Departing Co.' }) });
    const key = await createKey(app, { role: 'investor', investorId: company!.id });
    const own = clientFor(app, bearer(key.key));
    t.equal((await own.DELETE('/v1/investors/{id}', { params: { path: { id: company!.id } } })).response.status, 204, 'a company may delete its own profile');
    t.equal((await own.GET('/v1/investors/{id}', { params: { path: { id: company!.id } } })).response.status, 401, 'and its key is revoked with it');
  });
});

t.test('the first admin key: BOOTSTRAP_ADMIN_KEY', async (t) => {
  const { app } = await buildTestApp(t);
  const chosen = 'pk_admin_Bootstrap0000000000000000000000000000000';
  t.equal(await app.services.apiKeys.ensureBootstrapAdminKey(chosen), null, 'not stored while an admin key exists');

  const { app: fresh } = await buildTestApp(t);
  const freshDb = fresh.database.db;
  await freshDb.updateTable('api_keys').set({ revoked_at: new Date() }).execute();
  const stored = await fresh.services.apiKeys.ensureBootstrapAdminKey(chosen);
  t.equal(stored?.role, 'admin', 'stored when no working admin key exists');
  t.equal((await fresh.inject({ method: 'GET', url: '/v1/api-keys', headers: bearer(chosen) })).statusCode, 200, 'and it works');
  t.equal(await fresh.services.apiKeys.ensureBootstrapAdminKey(chosen), null, 'stored once');
  await freshDb.updateTable('api_keys').set({ revoked_at: new Date() }).execute();
  t.equal(await fresh.services.apiKeys.ensureBootstrapAdminKey(chosen), null, 'a revoked bootstrap key is never brought back');
  await t.rejects(fresh.services.apiKeys.ensureBootstrapAdminKey('pk_staff_Bootstrap0000000000000000000000000000000'));
});

t.test('the demo database has a documented key for each role', async (t) => {
  const { app, database } = await buildTestApp(t);
  await seedDemoDataIfEmpty(database);
  const key = (role: string) => DEMO_API_KEYS.find((k) => k.role === role)!.key;
  const investors = await app.inject({ method: 'GET', url: '/v1/investors', headers: bearer(key('investor')) });
  t.same(
    investors.json().data.map((i: { companyName: string }) => i.companyName),
    [DEMO_INVESTORS.find((i) => i.key === 'kr-blood-bag-maker')!.companyName],
    'the demo investor key acts for the Korean blood-bag maker',
  );
  t.equal((await app.inject({ method: 'GET', url: '/v1/api-keys', headers: bearer(key('admin')) })).statusCode, 200);
  t.equal((await app.inject({ method: 'GET', url: '/v1/opportunities?status=draft', headers: bearer(key('staff')) })).statusCode, 200);
  for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000']) {
    const embed = await app.inject({ method: 'POST', url: '/v1/matches/preview', payload: { profile: { sectors: ['vaccines'] } }, headers: { ...bearer(key('embed')), origin } });
    t.equal(embed.statusCode, 200, `the demo embed key works from ${origin}`);
  }
});
