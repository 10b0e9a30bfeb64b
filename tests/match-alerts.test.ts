import t from 'tap';
import { STRONG_MATCH_SCORE } from '../src/domain/match-alerts.ts';
import { bearer, buildTestApp, clientFor, createKey } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';
import { startReceiver } from './helpers/receiver.ts';

type MatchEvent = { type: string; data: { opportunityId: string; investorId: string; score: number; band: string; reasons: { factor: string; text: string }[] } };

t.test('match alerts: from the outbox, once per pair until its band changes', async (t) => {
  const { app, api } = await buildTestApp(t, undefined, { WEBHOOK_ALLOW_PRIVATE_TARGETS: true });
  const receiver = await startReceiver(t);
  const drain = () => app.services.background.drain();

  // Scores against the default opportunity: strong 100, picky about 85, mid about 46 (90 once the opportunity moves to North Sumatra), poor 40.
  const profiles = {
    strong: investorBody({ companyName: 'Strong fit' }),
    mid: investorBody({ companyName: 'Mid fit', technologies: ['polymer-disposables'], preferredProvinces: ['ID-SU'], modalities: ['licensing'] }),
    poor: investorBody({ companyName: 'Poor fit', sectors: ['vaccines'], technologies: ['viral-vector'] }),
    unsubscribed: investorBody({ companyName: 'Not subscribed' }),
    picky: investorBody({ companyName: 'Wants 90 or more', preferredProvinces: ['ID-PA'] }),
  };
  const ids: Record<string, string> = {};
  for (const [name, body] of Object.entries(profiles)) {
    const { data } = await api.POST('/v1/investors', { body });
    ids[name] = data!.id;
    if (name === 'unsubscribed') continue;
    const client = clientFor(app, bearer((await createKey(app, { role: 'investor', investorId: data!.id })).key));
    const minScore = name === 'mid' ? 40 : name === 'picky' ? 90 : undefined;
    const created = await client.POST('/v1/webhooks', { body: { url: receiver.url(`/${name}`), events: ['match.new'], ...(minScore !== undefined && { minScore }) } });
    t.equal(created.response.status, 201, `${name} subscribes`);
  }
  const alerts = (name: string) => receiver.bodies(`/${name}`) as unknown as MatchEvent[];

  const { data: opportunity } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  const path = { params: { path: { id: opportunity!.id } } };
  const published = await api.POST('/v1/opportunities/{id}/publish', path);
  t.equal(published.response.status, 200);
  t.same(receiver.received, [], 'nothing is scored in the publish request');
  await drain();

  const [strong] = alerts('strong');
  t.equal(alerts('strong').length, 1);
  t.equal(strong!.type, 'match.new');
  t.equal(strong!.data.opportunityId, opportunity!.id);
  t.equal(strong!.data.investorId, ids.strong);
  t.ok(strong!.data.score >= STRONG_MATCH_SCORE, 'at least the strong band by default');
  t.equal(strong!.data.band, 'strong');
  t.ok(strong!.data.reasons.length > 0 && strong!.data.reasons.every((r) => r.text.length > 0), 'with its top reasons');
  const { data: ranked } = await api.GET('/v1/opportunities/{id}/matches', { params: { path: { id: opportunity!.id }, query: { limit: 10 } } });
  t.equal(strong!.data.score, ranked!.data.find((m) => m.investor.id === ids.strong)!.score, 'the score the matching service gives');

  t.equal(alerts('mid').length, 1, 'a lower minScore of its own');
  t.equal(alerts('mid')[0]!.data.band, 'weak');
  t.same(alerts('poor'), [], 'below the threshold: nothing');
  t.same(alerts('picky'), [], 'above its own minScore only');
  const events = await app.services.audit.search({ entities: ['match'] }, { limit: 100 });
  t.notOk(events.items.some((e) => (e.after as { investorId?: string }).investorId === ids.unsubscribed), 'no alert without a subscription');

  await api.PATCH('/v1/opportunities/{id}', { ...path, body: { summary: { id: 'Ringkasan baru.', en: 'A new summary.' } } });
  await drain();
  t.equal(alerts('strong').length, 1, 'an edit that keeps the band alerts nobody again');

  await api.PATCH('/v1/opportunities/{id}', { ...path, body: { technologies: ['polymer-disposables'], location: { province: 'ID-SU' } } });
  await drain();
  t.equal(alerts('mid').length, 2, "the mid investor's band changed: alerted again");
  t.equal(alerts('mid')[1]!.data.band, 'strong');
  t.equal(alerts('strong').length, 1, 'still strong: not again');
});
