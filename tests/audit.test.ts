import t from 'tap';
import { bearer, buildTestApp, clientFor, createKey } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

t.test('every change is audited: who, what before and after, when', async (t) => {
  // Review off, so the one staff key takes every step itself.
  const { app, api, database } = await buildTestApp(t, undefined, { REVIEW_REQUIRED: false });
  const staffKey = await createKey(app, { role: 'staff', label: 'BKPM desk' });
  const staff = clientFor(app, bearer(staffKey.key));
  const since = new Date(Date.now() - 1000).toISOString();

  const { data: opportunity } = await staff.POST('/v1/opportunities', { body: opportunityBody(), headers: { 'x-request-id': 'req-create-1' } });
  const path = { params: { path: { id: opportunity!.id } } };
  await staff.PATCH('/v1/opportunities/{id}', { ...path, body: { sector: 'vaccines' } });
  await staff.POST('/v1/opportunities/{id}/publish', path);
  await staff.POST('/v1/opportunities/{id}/close', path);
  const { data: investor } = await staff.POST('/v1/investors', { body: investorBody() });
  const investorKey = await createKey(app, { role: 'investor', investorId: investor!.id });
  const company = clientFor(app, bearer(investorKey.key));
  await company.PATCH('/v1/investors/{id}', { params: { path: { id: investor!.id } }, body: { country: 'JP' } });
  const { data: embedKey } = await staff.POST('/v1/api-keys', { body: { role: 'embed', label: 'JETRO', allowedOrigins: ['https://www.jetro.example'] } });
  await api.DELETE('/v1/api-keys/{id}', { params: { path: { id: embedKey!.id } } });
  await company.DELETE('/v1/investors/{id}', { params: { path: { id: investor!.id } } });

  // A refused change leaves no trace.
  await staff.PATCH('/v1/opportunities/{id}', { ...path, body: { sector: 'finished-drugs' } });

  t.test('an opportunity: create, update and each transition, by the staff key', async (t) => {
    const { data } = await api.GET('/v1/audit', { params: { query: { entity: ['opportunity'], entityId: opportunity!.id } } });
    const entries = data!.data;
    t.same(entries.map((e) => e.action), ['close', 'publish', 'update', 'create'], 'newest first');
    t.ok(entries.every((e) => e.actorKeyId === staffKey.id && e.actorRole === 'staff'));
    const [close, publish, update, create] = entries;
    t.equal(create!.before, null);
    t.equal(create!.after?.status, 'draft');
    t.equal(create!.requestId, 'req-create-1', 'the request that made it');
    t.equal(update!.before?.sector, 'medical-consumables');
    t.equal(update!.after?.sector, 'vaccines');
    t.equal(publish!.before?.status, 'draft');
    t.equal(publish!.after?.status, 'published');
    t.equal(close!.after?.status, 'closed');
    t.equal(close!.after?.version, 4);
    t.ok(Date.parse(create!.at) <= Date.parse(close!.at));
  });

  t.test('an investor profile: create by staff, update and delete by the company itself', async (t) => {
    const { data } = await api.GET('/v1/audit', { params: { query: { entity: ['investor'], entityId: investor!.id } } });
    t.same(data!.data.map((e) => [e.action, e.actorRole]), [['delete', 'investor'], ['update', 'investor'], ['create', 'staff']]);
    const [deleted, updated] = data!.data;
    t.equal(updated!.before?.country, 'KR');
    t.equal(updated!.after?.country, 'JP');
    t.equal(updated!.actorKeyId, investorKey.id);
    t.equal(deleted!.after, null);
  });

  t.test('API keys: created and revoked, never with their secret or hash', async (t) => {
    const { data } = await api.GET('/v1/audit', { params: { query: { entity: ['api-key'] } } });
    const embed = data!.data.filter((e) => e.entityId === embedKey!.id);
    t.same(embed.map((e) => [e.action, e.actorRole]), [['revoke', 'admin'], ['create', 'staff']]);
    t.equal(embed[1]!.after?.prefix, embedKey!.prefix);
    t.equal(embed[0]!.after?.revokedAt !== null, true);
    const revokedWithProfile = data!.data.find((e) => e.entityId === investorKey.id && e.action === 'revoke');
    t.ok(revokedWithProfile, "the company's key was revoked with its profile, and audited");
    const rows = await database.db.selectFrom('audit_log').selectAll().execute();
    const everything = JSON.stringify(rows);
    for (const secret of [staffKey.key, investorKey.key, embedKey!.key!]) t.notOk(everything.includes(secret), 'no key in the audit log');
    const hashes = await database.db.selectFrom('api_keys').select('secret_hash').execute();
    t.ok(hashes.every(({ secret_hash }) => !everything.includes(secret_hash)), 'no key hash either');
  });

  t.test('filters and pagination', async (t) => {
    const byActor = await api.GET('/v1/audit', { params: { query: { actorKeyId: investorKey.id } } });
    t.same(byActor.data!.data.map((e) => e.action), ['revoke', 'delete', 'update']);
    const publishes = await api.GET('/v1/audit', { params: { query: { action: ['publish', 'close'] } } });
    t.same(publishes.data!.data.map((e) => e.action), ['close', 'publish']);
    const future = await api.GET('/v1/audit', { params: { query: { since: new Date(Date.now() + 60_000).toISOString() } } });
    t.same(future.data!.data, []);
    const window = await api.GET('/v1/audit', { params: { query: { since, until: new Date(Date.now() + 60_000).toISOString() } } });
    const all = await api.GET('/v1/audit', { params: { query: { limit: 100 } } });
    t.same(window.data!.data.map((e) => e.id).slice(0, 10), all.data!.data.map((e) => e.id).slice(0, 10));

    const paged: number[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await api.GET('/v1/audit', { params: { query: { limit: 3, ...(cursor && { cursor }) } } });
      paged.push(...data!.data.map((e) => e.id));
      cursor = data!.nextCursor ?? undefined;
    } while (cursor);
    t.same(paged, all.data!.data.map((e) => e.id), 'pages neither repeat nor skip');
    t.same(paged, [...paged].sort((a, b) => b - a), 'newest first');

    const badRange = await api.GET('/v1/audit', { params: { query: { since: '2026-01-02T00:00:00Z', until: '2026-01-01T00:00:00Z' } } });
    t.equal(badRange.response.status, 400);
    t.equal((await api.GET('/v1/audit', { params: { query: { cursor: 'garbage' } } })).error?.code, 'invalid-cursor');
    t.equal((await company.GET('/v1/audit', {})).response.status, 401, 'a revoked key reads nothing');
  });
});
