import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import { bearer, buildTestApp, openTestDatabase } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

/** Polls until `check` passes; other instances hear of a write through LISTEN/NOTIFY, within moments. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(25);
  }
  return false;
}

t.test('two instances on one database: a write on one reaches the matches of the other', async (t) => {
  const database = await openTestDatabase(t);
  const a = await buildTestApp(t, database);
  const b = await buildTestApp(t, database);

  const { data: investor } = await a.api.POST('/v1/investors', {
    body: investorBody({ sectors: ['vaccines'], technologies: ['viral-vector'], preferredProvinces: ['ID-MA'] }),
  });
  const matchesOnB = () => b.api.GET('/v1/investors/{id}/matches', { params: { path: { id: investor!.id }, query: { limit: 5 } } });
  t.ok(await eventually(async () => (await matchesOnB()).response.status === 200), 'a profile created on A is matched on B');

  const { data: opportunity } = await a.api.POST('/v1/opportunities', {
    body: opportunityBody({ sector: 'vaccines', technologies: ['viral-vector'], location: { province: 'ID-MA' } }),
  });
  await a.api.POST('/v1/opportunities/{id}/publish', { params: { path: { id: opportunity!.id } } });
  t.ok(
    await eventually(async () => (await matchesOnB()).data?.data[0]?.opportunityId === opportunity!.id),
    'an opportunity published on A ranks first on B',
  );

  await a.api.POST('/v1/opportunities/{id}/withdraw', { params: { path: { id: opportunity!.id } } });
  t.ok(
    await eventually(async () => !(await matchesOnB()).data?.data.some((m) => m.opportunityId === opportunity!.id)),
    'withdrawn on A, gone on B',
  );

  await a.api.DELETE('/v1/investors/{id}', { params: { path: { id: investor!.id } } });
  t.ok(await eventually(async () => (await matchesOnB()).response.status === 404), 'deleted on A, unknown on B');
});

t.test('two instances on one database: a key revoked on one stops working on the other', async (t) => {
  const database = await openTestDatabase(t);
  const a = await buildTestApp(t, database);
  const b = await buildTestApp(t, database);
  const { data: created } = await a.api.POST('/v1/api-keys', { body: { role: 'staff', label: 'travelling' } });
  const onB = async () => (await b.app.inject({ method: 'GET', url: '/v1/opportunities?status=draft', headers: bearer(created!.key!) })).statusCode;
  t.equal(await onB(), 200, 'B recognises the key (and now keeps it in memory)');
  await a.api.DELETE('/v1/api-keys/{id}', { params: { path: { id: created!.id } } });
  t.ok(await eventually(async () => (await onB()) === 401), 'revoked on A, refused on B');
});
