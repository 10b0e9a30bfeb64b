import t from 'tap';
import { bearer, buildTestApp, clientFor, createKey } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

/** One app for the file (an embedded database takes a while to start); each test makes its own records. */
const shared = buildTestApp(t);

async function setup(_t: unknown) {
  const test = await shared;
  const { app, api } = test;
  const { data: opportunity } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  await api.POST('/v1/opportunities/{id}/publish', { params: { path: { id: opportunity!.id } } });
  const { data: draft } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  const { data: investor } = await api.POST('/v1/investors', { body: investorBody() });
  const { data: other } = await api.POST('/v1/investors', { body: investorBody({ companyName: 'Other Co.' }) });
  const staffKey = await createKey(app, { role: 'staff' });
  const investorKey = await createKey(app, { role: 'investor', investorId: investor!.id });
  const otherKey = await createKey(app, { role: 'investor', investorId: other!.id });
  const embedKey = await createKey(app, { role: 'embed', allowedOrigins: ['https://partner.example'] });
  return {
    ...test,
    opportunityId: opportunity!.id,
    draftId: draft!.id,
    investorId: investor!.id,
    otherId: other!.id,
    staff: clientFor(app, bearer(staffKey.key)),
    staffKey,
    company: clientFor(app, bearer(investorKey.key)),
    rival: clientFor(app, bearer(otherKey.key)),
    embed: embedKey,
  };
}

const interestBody = (opportunityId: string, extra: Record<string, unknown> = {}) => ({
  opportunityId,
  message: 'We would like to discuss a joint venture for blood bags.',
  modalities: ['joint-venture' as const],
  contact: { name: 'Kim Minji', email: 'minji@example.kr' },
  ...extra,
});

async function file(test: Awaited<ReturnType<typeof setup>>) {
  const { data, response } = await test.company.POST('/v1/interests', { body: interestBody(test.opportunityId) });
  if (response.status !== 201) throw new Error(`filing failed: ${response.status}`);
  return data!;
}

t.test('an investor files interest and staff move it to committed, with its history kept', async (t) => {
  const test = await setup(t);
  const interest = await file(test);
  t.equal(interest.stage, 'submitted');
  t.equal(interest.investorId, test.investorId, 'filed for its own profile');
  t.ok(interest.respondBy, 'says when it expires unanswered');
  const path = { params: { path: { id: interest.id } } };

  for (const to of ['acknowledged', 'exploring'] as const) {
    const { response } = await test.staff.POST('/v1/interests/{id}/transitions', { ...path, body: { to, note: `moved to ${to}`, noteVisibility: 'shared' } });
    t.equal(response.status, 200, to);
  }
  const gate = await test.staff.POST('/v1/interests/{id}/transitions', { ...path, body: { to: 'negotiating' } });
  t.equal(gate.response.status, 409, 'a gate: negotiating needs the figures');
  t.equal(gate.error?.code, 'stage-requirements-unmet');
  t.same(gate.error?.errors?.map((e) => e.field), ['expectedInvestmentUsd', 'expectedJobs'], 'each missing field named');

  const negotiating = await test.staff.POST('/v1/interests/{id}/transitions', {
    ...path,
    body: { to: 'negotiating', expectedInvestmentUsd: 25_000_000, expectedJobs: 180, likelihood: 'medium', note: 'term sheet drafted, internal' },
  });
  t.equal(negotiating.data?.stage, 'negotiating');
  t.equal(negotiating.data?.expectedInvestmentUsd, 25_000_000);
  const committed = await test.staff.POST('/v1/interests/{id}/transitions', { ...path, body: { to: 'committed' } });
  t.equal(committed.data?.stage, 'committed');

  const invalid = await test.staff.POST('/v1/interests/{id}/transitions', { ...path, body: { to: 'acknowledged' } });
  t.equal(invalid.response.status, 409, 'an invalid move');
  t.equal(invalid.error?.code, 'invalid-transition');
  t.same(invalid.error?.allowed, ['groundbreaking', 'declined'], 'lists the allowed moves');
  t.equal(invalid.error?.errors?.[0]?.field, 'to');

  const groundbreaking = await test.staff.POST('/v1/interests/{id}/transitions', { ...path, body: { to: 'groundbreaking' } });
  t.same(groundbreaking.error?.errors?.map((e) => e.field), ['groundbreakingAt']);

  const staffView = await test.staff.GET('/v1/interests/{id}', path);
  t.same(staffView.data!.history.map((h) => [h.from, h.to]), [
    [null, 'submitted'], ['submitted', 'acknowledged'], ['acknowledged', 'exploring'], ['exploring', 'negotiating'], ['negotiating', 'committed'],
  ]);
  t.equal(staffView.data!.history[3]!.note, 'term sheet drafted, internal');
  t.equal(staffView.data!.history[3]!.actorKeyId, test.staffKey.id, 'staff see which key moved it');

  const investorView = await test.company.GET('/v1/interests/{id}', path);
  const moves = investorView.data!.history;
  t.same(moves.map((h) => h.by), ['investor', 'BKPM', 'BKPM', 'BKPM', 'BKPM'], 'the investor sees BKPM, not key ids');
  t.notOk(moves.some((h) => 'actorKeyId' in h), 'no key ids');
  t.equal(moves[1]!.note, 'moved to acknowledged', 'shared notes shown');
  t.equal(moves[3]!.note, null, 'internal notes hidden');

  const audit = await test.api.GET('/v1/audit', { params: { query: { entity: ['interest'], entityId: interest.id } } });
  t.same(audit.data!.data.map((e) => e.action), ['transition', 'transition', 'transition', 'transition', 'create'], 'the audit log has every move');
});

t.test('who may file, see and move', async (t) => {
  const test = await setup(t);
  const interest = await file(test);
  const path = { params: { path: { id: interest.id } } };

  const again = await test.company.POST('/v1/interests', { body: interestBody(test.opportunityId) });
  t.equal(again.response.status, 409);
  t.equal(again.error?.code, 'interest-exists');
  t.equal(again.error?.existingId, interest.id);

  t.equal((await test.rival.GET('/v1/interests/{id}', path)).response.status, 404, "another investor cannot see it");
  const rivalMove = await test.rival.POST('/v1/interests/{id}/transitions', { ...path, body: { to: 'withdrawn' } });
  t.equal(rivalMove.response.status, 404, 'nor move it');
  t.same((await test.rival.GET('/v1/interests', {})).data!.data, [], "another investor's list is empty");
  const rivalFilter = await test.rival.GET('/v1/interests', { params: { query: { investorId: test.investorId } } });
  t.same(rivalFilter.data!.data, [], "filtering by another's profile shows nothing");
  t.equal((await test.company.GET('/v1/interests', {})).data!.data.length, 1);

  const foreign = await test.company.POST('/v1/interests', { body: interestBody(test.opportunityId, { investorId: test.otherId }) });
  t.equal(foreign.response.status, 403, 'a foreign profile');
  t.equal(foreign.error?.errors?.[0]?.field, 'investorId');

  const self = await test.company.POST('/v1/interests/{id}/transitions', { ...path, body: { to: 'acknowledged' } });
  t.equal(self.response.status, 403, 'an investor may only withdraw');

  const draftByInvestor = await test.company.POST('/v1/interests', { body: interestBody(test.draftId) });
  t.equal(draftByInvestor.response.status, 404, 'a draft does not exist for an investor');
  const draftByStaff = await test.staff.POST('/v1/interests', { body: interestBody(test.draftId, { investorId: test.investorId }) });
  t.equal(draftByStaff.response.status, 409);
  t.equal(draftByStaff.error?.code, 'opportunity-not-published');
  const noInvestor = await test.staff.POST('/v1/interests', { body: interestBody(test.opportunityId) });
  t.equal(noInvestor.error?.errors?.[0]?.field, 'investorId', 'staff must name the investor');

  const onBehalf = await test.staff.POST('/v1/interests', { body: interestBody(test.opportunityId, { investorId: test.otherId }) });
  t.equal(onBehalf.response.status, 201, 'staff file on behalf of an investor');

  const embed = await test.app.inject({ method: 'GET', url: '/v1/interests', headers: { ...bearer(test.embed.key), origin: 'https://partner.example' } });
  t.equal(embed.statusCode, 403, 'embed keys never see interest');
  t.equal((await test.app.inject({ method: 'GET', url: '/v1/interests' })).statusCode, 401, 'anonymous callers neither');
  const publicOpportunity = await test.app.inject({ method: 'GET', url: `/v1/opportunities/${test.opportunityId}` });
  t.notOk(publicOpportunity.body.includes('interest'), 'nothing about interest in public answers');

  const withdrawn = await test.company.POST('/v1/interests/{id}/transitions', { ...path, body: { to: 'withdrawn', note: 'Budget moved', noteVisibility: 'shared' } });
  t.equal(withdrawn.data?.stage, 'withdrawn', 'the investor withdraws its own');
  const refile = await test.company.POST('/v1/interests', { body: interestBody(test.opportunityId) });
  t.equal(refile.response.status, 201, 'a closed interest does not block a new one');
  const final = await test.staff.POST('/v1/interests/{id}/transitions', { ...path, body: { to: 'acknowledged' } });
  t.same(final.error?.allowed, [], 'final stages allow nothing');
});

t.test('bad input is a 4xx naming the field', async (t) => {
  const test = await setup(t);
  const interest = await file(test);
  const url = `/v1/interests/${interest.id}/transitions`;
  const cases: [string, unknown, number, string][] = [
    ['unknown stage', { to: 'teleported' }, 400, 'to'],
    ['decline without reason', { to: 'declined' }, 400, 'reason'],
    ['unknown reason', { to: 'declined', reason: 'bored' }, 400, 'reason'],
    ['unreachable stage', { to: 'committed' }, 409, 'to'],
    ['bad amount', { to: 'acknowledged', expectedInvestmentUsd: -5 }, 400, 'expectedInvestmentUsd'],
    ['bad date', { to: 'acknowledged', groundbreakingAt: '2027-13-45' }, 400, 'groundbreakingAt'],
    ['unknown field', { to: 'acknowledged', budget: 1 }, 400, 'budget'],
  ];
  for (const [name, payload, status, field] of cases) {
    const response = await test.inject({ method: 'POST', url, payload: payload as object });
    t.equal(response.statusCode, status, name);
    t.equal(response.json().errors?.[0]?.field, field, `${name}: names ${field}`);
  }
  const badCreate = await test.company.POST('/v1/interests', { body: { ...interestBody(test.opportunityId), contact: { name: 'x', email: 'not-an-email' } } });
  t.equal(badCreate.error?.errors?.[0]?.field, 'contact.email');
  const unknownOpportunity = await test.company.POST('/v1/interests', { body: interestBody('0195f7e2-5b4c-7c3e-9a51-2f1d8c6b7a10') });
  t.equal(unknownOpportunity.response.status, 404);
  const staleWrite = await test.inject({ method: 'PATCH', url: `/v1/interests/${interest.id}`, headers: { 'if-match': '"v99"' }, payload: { expectedJobs: 5 } });
  t.equal(staleWrite.statusCode, 412);
  t.equal((await test.inject({ method: 'GET', url: '/v1/interests/not-a-uuid' })).statusCode, 400);
});

t.test('staff set figures with merge semantics; an admin erases contact details, keeping the history', async (t) => {
  const test = await setup(t);
  const interest = await file(test);
  const path = { params: { path: { id: interest.id } } };
  const first = await test.staff.PATCH('/v1/interests/{id}', { ...path, body: { expectedJobs: 40, likelihood: 'high' }, headers: { 'if-match': `"v${interest.version}"` } });
  const second = await test.staff.PATCH('/v1/interests/{id}', { ...path, body: { expectedInvestmentUsd: 9_000_000 } });
  t.same([second.data?.expectedJobs, second.data?.likelihood, second.data?.expectedInvestmentUsd], [40, 'high', 9_000_000], 'fields left out stay');
  t.equal(first.response.headers.get('etag'), `"v${interest.version + 1}"`);
  t.equal((await test.company.PATCH('/v1/interests/{id}', { ...path, body: { expectedJobs: 1 } })).response.status, 403, 'investors do not set figures');

  t.equal((await test.staff.POST('/v1/interests/{id}/erase-contact', path)).response.status, 403, 'admins only');
  const erased = await test.api.POST('/v1/interests/{id}/erase-contact', path);
  t.equal(erased.data?.contact, null);
  t.ok(erased.data?.contactErasedAt);
  t.equal(erased.data?.history.length, 1, 'the history stays');
  const rows = await test.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', interest.id).execute();
  t.same(rows.map((r) => r.action).sort(), ['create', 'erase-contact', 'update', 'update']);
  t.notOk(JSON.stringify(rows).includes('minji@example.kr'), 'the audit log keeps no trace of the contact');
});

t.test('an unanswered interest warns 48 hours ahead, then expires by itself', async (t) => {
  const test = await setup(t);
  const interest = await file(test);
  const service = test.app.services.interests;
  const backdate = (days: number) =>
    test.database.db.updateTable('interests').set({ created_at: new Date(Date.now() - days * 86_400_000) }).where('id', '=', interest.id).execute();
  const types = async () =>
    (await test.database.db.selectFrom('events').select('type').where('entity_id', '=', interest.id).orderBy('id').execute()).map((e) => e.type);

  await service.expireUnanswered();
  t.same(await types(), ['interest.created'], 'nothing yet');
  await backdate(service.responseDays - 1);
  await service.expireUnanswered();
  await service.expireUnanswered();
  t.same(await types(), ['interest.created', 'interest.expiring'], 'warned once');
  await backdate(service.responseDays + 1);
  await service.expireUnanswered();
  const { data } = await test.company.GET('/v1/interests/{id}', { params: { path: { id: interest.id } } });
  t.equal(data?.stage, 'expired');
  t.equal(data?.respondBy, null);
  t.same(await types(), ['interest.created', 'interest.expiring', 'interest.stage_changed']);
});

t.test('withdrawing an opportunity declines its open interests', async (t) => {
  const test = await setup(t);
  const interest = await file(test);
  await test.api.POST('/v1/opportunities/{id}/withdraw', { params: { path: { id: test.opportunityId } } });
  await test.app.services.background.drain();
  const { data } = await test.company.GET('/v1/interests/{id}', { params: { path: { id: interest.id } } });
  t.equal(data?.stage, 'declined');
  t.equal(data?.declineReason, 'opportunity-unavailable');
  t.equal(data?.history.at(-1)?.by, 'BKPM');
});
