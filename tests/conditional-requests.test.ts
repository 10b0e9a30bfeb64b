import t from 'tap';
import { bearer, buildTestApp, createKey } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

t.test('ETag, If-None-Match and If-Match', async (t) => {
  const { app, api, inject } = await buildTestApp(t);

  t.test('single resources carry their version as a strong ETag; a current copy gets 304', async (t) => {
    const created = await api.POST('/v1/opportunities', { body: opportunityBody() });
    t.equal(created.response.headers.get('etag'), '"v1"', 'on create');
    const path = { params: { path: { id: created.data!.id } } };
    const read = await api.GET('/v1/opportunities/{id}', path);
    t.equal(read.response.headers.get('etag'), '"v1"');

    for (const tag of ['"v1"', 'W/"v1"', '"v7", "v1"', '*']) {
      const cached = await inject({ method: 'GET', url: `/v1/opportunities/${created.data!.id}`, headers: { 'if-none-match': tag } });
      t.equal(cached.statusCode, 304, `If-None-Match: ${tag} → 304`);
      t.equal(cached.body, '', 'without a body');
      t.equal(cached.headers.etag, '"v1"');
    }
    const stale = await inject({ method: 'GET', url: `/v1/opportunities/${created.data!.id}`, headers: { 'if-none-match': '"v0"' } });
    t.equal(stale.statusCode, 200);

    const patched = await api.PATCH('/v1/opportunities/{id}', { ...path, body: { sector: 'vaccines' } });
    t.equal(patched.response.headers.get('etag'), '"v2"', 'on update');
    const published = await api.POST('/v1/opportunities/{id}/publish', path);
    t.equal(published.response.headers.get('etag'), '"v3"', 'on a transition');
    const old = await inject({ method: 'GET', url: `/v1/opportunities/${created.data!.id}`, headers: { 'if-none-match': '"v1"' } });
    t.equal(old.statusCode, 200, 'an old copy gets the new version');

    const investor = await api.POST('/v1/investors', { body: investorBody() });
    const investorRead = await inject({ method: 'GET', url: `/v1/investors/${investor.data!.id}`, headers: { 'if-none-match': '"v1"' } });
    t.equal(investorRead.statusCode, 304, 'investor profiles too');
  });

  t.test('If-Match: a stale write is refused with 412 and changes nothing', async (t) => {
    const { data } = await api.POST('/v1/opportunities', { body: opportunityBody() });
    const url = `/v1/opportunities/${data!.id}`;
    const stale = await inject({ method: 'PATCH', url, payload: { sector: 'vaccines' }, headers: { 'if-match': '"v0"' } });
    t.equal(stale.statusCode, 412);
    t.equal(stale.json().code, 'precondition-failed');
    t.same(stale.json().errors.map((e: { in: string; field: string }) => [e.in, e.field]), [['headers', 'if-match']]);
    t.match(stale.json().detail, /version 1/, 'says what the current version is');
    t.equal((await api.GET('/v1/opportunities/{id}', { params: { path: { id: data!.id } } })).data?.version, 1);

    const weak = await inject({ method: 'PATCH', url, payload: { sector: 'vaccines' }, headers: { 'if-match': 'W/"v1"' } });
    t.equal(weak.statusCode, 412, 'a weak tag never matches a write');
    const current = await inject({ method: 'PATCH', url, payload: { sector: 'vaccines' }, headers: { 'if-match': '"v1"' } });
    t.equal(current.statusCode, 200);
    t.equal(current.headers.etag, '"v2"');
    const any = await inject({ method: 'POST', url: `${url}/publish`, headers: { 'if-match': '*' } });
    t.equal(any.statusCode, 200, '* matches any version');
    const staleTransition = await inject({ method: 'POST', url: `${url}/close`, headers: { 'if-match': '"v2"' } });
    t.equal(staleTransition.statusCode, 412, 'transitions too');
    const unconditional = await inject({ method: 'POST', url: `${url}/close` });
    t.equal(unconditional.statusCode, 200, 'If-Match is optional');

    const missing = await inject({ method: 'PATCH', url: '/v1/opportunities/00000000-0000-4000-8000-000000000000', payload: { sector: 'vaccines' }, headers: { 'if-match': '"v1"' } });
    t.equal(missing.statusCode, 404, 'an unknown resource is 404, not 412');
    const garbage = await inject({ method: 'PATCH', url, payload: { sector: 'vaccines' }, headers: { 'if-match': 'v1' } });
    t.equal(garbage.statusCode, 400, 'an If-Match that is not a list of entity tags is a bad request');
    t.equal(garbage.json().errors[0].field, 'if-match');
  });

  t.test('investor profiles: If-Match on update and delete', async (t) => {
    const { data } = await api.POST('/v1/investors', { body: investorBody() });
    const url = `/v1/investors/${data!.id}`;
    t.equal((await inject({ method: 'PATCH', url, payload: { country: 'JP' }, headers: { 'if-match': '"v9"' } })).statusCode, 412);
    t.equal((await inject({ method: 'DELETE', url, headers: { 'if-match': '"v9"' } })).statusCode, 412);
    const own = bearer((await createKey(app, { role: 'investor', investorId: data!.id })).key);
    const ownUpdate = await inject({ method: 'PATCH', url, payload: { country: 'JP' }, headers: { ...own, 'if-match': '"v1"' } });
    t.equal(ownUpdate.statusCode, 200, 'the company itself edits with the same rules');
    t.equal((await inject({ method: 'DELETE', url, headers: { 'if-match': '"v2"' } })).statusCode, 204);
  });

  t.test('two writers with the same ETag: exactly one wins, the other gets 412', async (t) => {
    const staff = [bearer((await createKey(app, { role: 'staff' })).key), bearer((await createKey(app, { role: 'staff' })).key)];
    for (let round = 0; round < 5; round += 1) {
      const { data } = await api.POST('/v1/opportunities', { body: opportunityBody() });
      const url = `/v1/opportunities/${data!.id}`;
      const results = await Promise.all([
        inject({ method: 'PATCH', url, payload: { sector: 'vaccines' }, headers: { ...staff[0], 'if-match': '"v1"' } }),
        inject({ method: 'PATCH', url, payload: { sector: 'finished-drugs' }, headers: { ...staff[1], 'if-match': '"v1"' } }),
      ]);
      const statuses = results.map((r) => r.statusCode).sort();
      t.same(statuses, [200, 412], `round ${round}: one 200, one 412`);
      const winner = results.find((r) => r.statusCode === 200)!.json();
      const after = await api.GET('/v1/opportunities/{id}', { params: { path: { id: data!.id } } });
      t.equal(after.data?.version, 2, 'one write happened');
      t.equal(after.data?.sector, winner.sector, "and it is the winner's");
    }

    const { data } = await api.POST('/v1/investors', { body: investorBody() });
    const url = `/v1/investors/${data!.id}`;
    const racing = await Promise.all(
      ['JP', 'CN', 'DK'].map((country, i) => inject({ method: 'PATCH', url, payload: { country }, headers: { ...staff[i % 2], 'if-match': '"v1"' } })),
    );
    t.same(racing.map((r) => r.statusCode).sort(), [200, 412, 412], 'three writers on a profile: one wins');
  });
});
