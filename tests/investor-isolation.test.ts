import t from 'tap';
import { bearer, buildTestApp, clientFor, createKey } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

/** OWASP API1 (broken object-level authorisation) and API3 (mass assignment), per role. */
t.test('an investor key reaches its own profile and matches, and nothing else', async (t) => {
  const { app, api } = await buildTestApp(t);
  const { data: mine } = await api.POST('/v1/investors', { body: investorBody({ companyName: 'Mine Co.' }) });
  const { data: theirs } = await api.POST('/v1/investors', { body: investorBody({ companyName: 'Theirs Co.' }) });
  const { data: draft } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  const own = clientFor(app, bearer((await createKey(app, { role: 'investor', investorId: mine!.id })).key));
  const theirPath = { params: { path: { id: theirs!.id } } };

  t.test('another profile does not exist for it: 404, never 403', async (t) => {
    const attempts = [
      await own.GET('/v1/investors/{id}', theirPath),
      await own.PATCH('/v1/investors/{id}', { ...theirPath, body: { companyName: 'Hijacked' } }),
      await own.DELETE('/v1/investors/{id}', theirPath),
      await own.GET('/v1/investors/{id}/matches', theirPath),
    ];
    for (const { response, error } of attempts) {
      t.equal(response.status, 404);
      t.equal(error?.code, 'not-found');
    }
    const unknown = await own.GET('/v1/investors/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    t.same({ ...attempts[0]!.error, instance: '', detail: '', requestId: '' }, { ...unknown.error, instance: '', detail: '', requestId: '' }, 'indistinguishable from an id that does not exist');
    const after = await api.GET('/v1/investors/{id}', theirPath);
    t.equal(after.data?.companyName, 'Theirs Co.', 'the other profile is unchanged');
    t.equal(after.data?.version, 1);
  });

  t.test('listing shows its own profile only', async (t) => {
    const { data } = await own.GET('/v1/investors', { params: { query: { limit: 100 } } });
    t.same(data?.data.map((i) => i.id), [mine!.id]);
    const filtered = await own.GET('/v1/investors', { params: { query: { country: ['KR'] } } });
    t.same(filtered.data?.data.map((i) => i.id), [mine!.id]);
  });

  t.test('its own profile and matches are open to it', async (t) => {
    const mePath = { params: { path: { id: mine!.id } } };
    t.equal((await own.GET('/v1/investors/{id}', mePath)).response.status, 200);
    const changed = await own.PATCH('/v1/investors/{id}', { ...mePath, body: { country: 'JP', website: 'https://mine.example.jp' } });
    t.equal(changed.response.status, 200);
    t.equal(changed.data?.country, 'JP');
    t.equal((await own.GET('/v1/investors/{id}/matches', mePath)).response.status, 200);
  });

  t.test('published opportunities only; drafts are 404 and other statuses 403', async (t) => {
    t.equal((await own.GET('/v1/opportunities/{id}', { params: { path: { id: draft!.id } } })).response.status, 404);
    const drafts = await own.GET('/v1/opportunities', { params: { query: { status: ['draft'] } } });
    t.equal(drafts.response.status, 403);
    t.equal(drafts.error?.code, 'forbidden');
    t.equal(drafts.error?.errors?.[0]?.field, 'status');
    t.equal((await own.GET('/v1/opportunities', { params: { query: { status: ['published'] } } })).response.status, 200, 'asking for published is fine');
    t.equal((await own.GET('/v1/opportunities/{id}/matches', { params: { path: { id: draft!.id } } })).response.status, 403, 'investors ranked for an opportunity are for staff');
  });
});

t.test('mass assignment: fields a caller may not set are rejected, whatever the role', async (t) => {
  const { app, api } = await buildTestApp(t);
  const { data: investor } = await api.POST('/v1/investors', { body: investorBody() });
  const { data: opportunity } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  const investorKey = bearer((await createKey(app, { role: 'investor', investorId: investor!.id })).key);
  const staffKey = bearer((await createKey(app, { role: 'staff' })).key);
  const someone = '00000000-0000-4000-8000-000000000000';

  const cases: [string, Record<string, string>, 'PATCH' | 'POST', string, Record<string, unknown>, string][] = [
    ['investor: own id', investorKey, 'PATCH', `/v1/investors/${investor!.id}`, { id: someone }, 'id'],
    ['investor: version', investorKey, 'PATCH', `/v1/investors/${investor!.id}`, { version: 9 }, 'version'],
    ['investor: owner key', investorKey, 'PATCH', `/v1/investors/${investor!.id}`, { ownerKeyId: someone }, 'ownerKeyId'],
    ['investor: timestamps', investorKey, 'PATCH', `/v1/investors/${investor!.id}`, { createdAt: '2020-01-01T00:00:00Z' }, 'createdAt'],
    ['investor: deletion', investorKey, 'PATCH', `/v1/investors/${investor!.id}`, { deletedAt: null }, 'deletedAt'],
    ['staff: status through PATCH', staffKey, 'PATCH', `/v1/opportunities/${opportunity!.id}`, { status: 'published' }, 'status'],
    ['staff: version', staffKey, 'PATCH', `/v1/opportunities/${opportunity!.id}`, { version: 1 }, 'version'],
    ['staff: publication date', staffKey, 'PATCH', `/v1/opportunities/${opportunity!.id}`, { publishedAt: '2020-01-01T00:00:00Z' }, 'publishedAt'],
    ['staff: create as published', staffKey, 'POST', '/v1/opportunities', { ...opportunityBody(), status: 'published' }, 'status'],
    ['staff: choose the id', staffKey, 'POST', '/v1/opportunities', { ...opportunityBody(), id: someone }, 'id'],
    ['staff: investor owner', staffKey, 'POST', '/v1/investors', { ...investorBody(), id: someone }, 'id'],
    ['staff: key with a chosen hash', staffKey, 'POST', '/v1/api-keys', { role: 'embed', label: 'x', allowedOrigins: ['https://a.example'], secretHash: 'x' }, 'secretHash'],
  ];
  for (const [name, headers, method, url, payload, field] of cases) {
    const response = await app.inject({ method, url, payload, headers });
    t.equal(response.statusCode, 400, `${name} → 400`);
    t.ok(response.json().errors?.some((e: { field: string }) => e.field === field), `${name} names ${field}`);
  }
  const unchanged = await api.GET('/v1/investors/{id}', { params: { path: { id: investor!.id } } });
  t.equal(unchanged.data?.version, 1, 'nothing was written');
  const stillDraft = await api.GET('/v1/opportunities/{id}', { params: { path: { id: opportunity!.id } } });
  t.equal(stillDraft.data?.status, 'draft');

  const allowed = await app.inject({ method: 'PATCH', url: `/v1/investors/${investor!.id}`, payload: { country: 'JP' }, headers: investorKey });
  t.equal(allowed.statusCode, 200, 'an investor changes its own profile fields');

  const staffCreatesAdmin = await app.inject({ method: 'POST', url: '/v1/api-keys', payload: { role: 'admin', label: 'escalate' }, headers: staffKey });
  t.equal(staffCreatesAdmin.statusCode, 403, 'staff cannot raise itself to admin');
  t.equal(staffCreatesAdmin.json().code, 'forbidden');
  const staffCreatesStaff = await app.inject({ method: 'POST', url: '/v1/api-keys', payload: { role: 'staff', label: 'copy' }, headers: staffKey });
  t.equal(staffCreatesStaff.statusCode, 403, 'nor make more staff keys');
});
