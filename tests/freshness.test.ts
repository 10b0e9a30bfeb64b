import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_EXPIRING, DEMO_STALE, demoOpportunityId, seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { buildTestApp, openTestDatabase } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

t.test('freshness: verified dates, stale once past review, verify renews', async (t) => {
  const { app, inject, database } = await buildTestApp(t, undefined, { REVIEW_INTERVAL_DAYS: 30 });
  const created = await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody() });
  const id = created.json().id as string;
  t.equal(created.json().lastVerifiedAt, null, 'a draft was never verified');
  t.equal(created.json().stale, false);

  const published = (await inject({ method: 'POST', url: `/v1/opportunities/${id}/publish` })).json();
  const verifiedAt = Date.parse(published.lastVerifiedAt);
  t.ok(Math.abs(verifiedAt - Date.now()) < 60_000, 'publication verifies it');
  t.equal(Date.parse(published.reviewDueAt) - verifiedAt, 30 * DAY_MS, 'due REVIEW_INTERVAL_DAYS later');
  t.equal(published.stale, false);

  const staleEvents = () => database.db.selectFrom('events').select(['type', 'data']).where('entity_id', '=', id).where('type', '=', 'opportunity.stale').execute();
  await app.services.background.drain();
  t.equal((await staleEvents()).length, 0, 'nothing is stale yet');

  await database.db.updateTable('opportunities').set({ review_due_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
  const read = await app.inject({ method: 'GET', url: `/v1/opportunities/${id}` });
  t.equal(read.json().stale, true, 'past reviewDueAt it is stale, for anyone reading it');
  const listed = await app.inject({ method: 'GET', url: '/v1/opportunities' });
  t.equal(listed.json().data.find((o: { id: string }) => o.id === id).stale, true, 'in lists too');

  await Promise.all([app.services.opportunities.sweepFreshness(), app.services.opportunities.sweepFreshness()]);
  await app.services.background.drain();
  await app.services.background.drain();
  const reported = await staleEvents();
  t.equal(reported.length, 1, 'opportunity.stale fires once, however often the sweep runs');
  t.equal((reported[0]!.data as { lastVerifiedAt: string }).lastVerifiedAt, published.lastVerifiedAt, 'saying when it was last verified');

  const verified = await inject({ method: 'POST', url: `/v1/opportunities/${id}/verify` });
  t.equal(verified.statusCode, 200);
  t.equal(verified.json().stale, false, 'verification renews it');
  t.ok(Date.parse(verified.json().reviewDueAt) > Date.now() + 29 * DAY_MS);
  const audit = await inject({ method: 'GET', url: `/v1/audit?entity=opportunity&entityId=${id}&action=verify` });
  t.equal(audit.json().data.length, 1, 'verification is audited');

  await database.db.updateTable('opportunities').set({ review_due_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
  await app.services.background.drain();
  t.equal((await staleEvents()).length, 2, 'a new review period can fall stale again');

  const draft = await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody() });
  const verifyDraft = await inject({ method: 'POST', url: `/v1/opportunities/${draft.json().id}/verify` });
  t.equal(verifyDraft.statusCode, 409, 'only published opportunities are verified');
});

t.test('expiresAt closes a published opportunity by itself, reason expired', async (t) => {
  const { app, inject, database } = await buildTestApp(t);
  const expiresAt = new Date(Date.now() + 1500).toISOString();
  const created = await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody({ expiresAt } as never) });
  t.equal(created.statusCode, 201, created.body);
  t.equal(created.json().expiresAt, expiresAt);
  const id = created.json().id as string;
  await inject({ method: 'POST', url: `/v1/opportunities/${id}/publish` });
  const later = await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody({ expiresAt: new Date(Date.now() + DAY_MS).toISOString() } as never) });
  await inject({ method: 'POST', url: `/v1/opportunities/${later.json().id}/publish` });

  await sleep(1600);
  await app.services.background.run('opportunity-freshness');
  await app.services.background.drain();
  t.equal((await inject({ method: 'GET', url: `/v1/opportunities/${id}` })).json().status, 'closed', 'closed once expired');
  t.equal((await inject({ method: 'GET', url: `/v1/opportunities/${later.json().id}` })).json().status, 'published', 'one not yet due stays');
  const closed = await database.db.selectFrom('events').select(['type', 'data', 'action']).where('entity_id', '=', id).where('type', '=', 'opportunity.closed').execute();
  t.equal(closed.length, 1);
  t.equal((closed[0]!.data as { reason: string }).reason, 'expired');
  t.equal(closed[0]!.action, 'expire');

  const cleared = await inject({
    method: 'PATCH',
    url: `/v1/opportunities/${later.json().id}`,
    payload: JSON.stringify({ expiresAt: null }),
    headers: { 'content-type': 'application/merge-patch+json' },
  });
  t.notOk('expiresAt' in cleared.json(), 'a merge patch removes the expiry');
});

t.test('the demo shows freshness on a fresh start: verified at load, a few stale, one about to expire', async (t) => {
  const database = await openTestDatabase(t);
  await seedDemoDataIfEmpty(database);
  const { app } = await buildTestApp(t, database);
  const all = [];
  for (let cursor: string | undefined, first = true; first || cursor; first = false) {
    const page = (await app.inject({ method: 'GET', url: `/v1/opportunities?limit=100${cursor ? `&cursor=${cursor}` : ''}` })).json();
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  }
  t.ok(all.every((o: { lastVerifiedAt: string | null }) => o.lastVerifiedAt !== null), 'every published demo opportunity is verified');
  t.same(all.filter((o: { stale: boolean }) => o.stale).map((o: { id: string }) => o.id).sort(), DEMO_STALE.map(demoOpportunityId).sort(), 'the stale ones');
  const expiring = all.filter((o: { expiresAt?: string }) => o.expiresAt);
  t.same(expiring.map((o: { id: string }) => o.id), [demoOpportunityId(DEMO_EXPIRING)]);
  t.ok(Date.parse(expiring[0].expiresAt) - Date.now() < 4 * DAY_MS, 'about to expire');
});

t.test('matching shows staleness openly: a freshness factor with the last-verified date, contributions still add up', async (t) => {
  const { app, inject, database } = await buildTestApp(t);
  const investor = (await inject({ method: 'POST', url: '/v1/investors', payload: investorBody() })).json();
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const id = (await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody() })).json().id as string;
    await inject({ method: 'POST', url: `/v1/opportunities/${id}/publish` });
    ids.push(id);
  }
  const [fresh, stale] = ids as [string, string];
  await database.db.updateTable('opportunities').set({ review_due_at: new Date(Date.now() - 1000) }).where('id', '=', stale).execute();
  await app.services.background.drain();

  type Match = { opportunityId: string; score: number; freshness?: { factor: number; lastVerifiedAt: string; text: string }; factors: { contribution: number }[] };
  const matches = async (language = 'en') =>
    (await inject({ method: 'GET', url: `/v1/investors/${investor.id}/matches?limit=10`, headers: { 'accept-language': language } })).json().data as Match[];
  const data = await matches();
  const [first, second] = data;
  t.equal(first!.opportunityId, fresh, 'the verified one ranks first');
  t.equal(second!.opportunityId, stale);
  t.notOk(first!.freshness, 'no factor on a fresh opportunity');
  const published = (await inject({ method: 'GET', url: `/v1/opportunities/${stale}` })).json();
  t.same(second!.freshness && { factor: second!.freshness.factor, lastVerifiedAt: second!.freshness.lastVerifiedAt }, { factor: 0.9, lastVerifiedAt: published.lastVerifiedAt });
  t.match(second!.freshness!.text, new RegExp(`Not verified since ${published.lastVerifiedAt.slice(0, 10)}: score × 0.9`));
  t.ok(Math.abs(second!.score - first!.score * 0.9) <= 0.011, `${second!.score} is ${first!.score} × 0.9`);
  const sum = second!.factors.reduce((total, f) => total + f.contribution, 0);
  t.ok(Math.abs(sum - second!.score) <= 0.03, `contributions ${sum} add up to the score ${second!.score}`);
  t.match((await matches('id'))[1]!.freshness!.text, /Belum diverifikasi sejak/);

  const model = (await app.inject({ method: 'GET', url: '/v1/matching/model' })).json();
  t.equal(model.freshness.factor, 0.9, 'the factor is published with the model');

  await inject({ method: 'POST', url: `/v1/opportunities/${stale}/verify` });
  const after = await matches();
  t.notOk(after.find((m) => m.opportunityId === stale)!.freshness, 'verification lifts the factor');
  t.equal(after.find((m) => m.opportunityId === stale)!.score, first!.score);
});
