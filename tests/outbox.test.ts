import t from 'tap';
import { buildTestApp } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';
import { EVENT_MAP, EVENT_TYPES, eventOf } from '../src/domain/events.ts';

t.test('every change writes one typed event in its own transaction', async (t) => {
  const { api, database } = await buildTestApp(t);
  const events = () => database.db.selectFrom('events').select(['type', 'entity', 'entity_id', 'action', 'data', 'investor_id']).orderBy('id').execute();
  const start = (await events()).length;

  const { data: opportunity } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  const path = { params: { path: { id: opportunity!.id } } };
  await api.PATCH('/v1/opportunities/{id}', { ...path, body: { sector: 'vaccines' } });
  await api.POST('/v1/opportunities/{id}/publish', path);
  const { data: investor } = await api.POST('/v1/investors', { body: investorBody() });
  await api.POST('/v1/opportunities/{id}/close', path);

  const written = (await events()).slice(start);
  t.same(
    written.map((e) => e.type),
    ['opportunity.created', 'opportunity.updated', 'opportunity.published', 'investor.created', 'opportunity.closed'],
  );
  const published = written[2]!;
  t.same(published.data, { opportunityId: opportunity!.id, status: 'published', version: 3 }, 'a thin payload: ids and what happened');
  t.same(written[4]!.data, { opportunityId: opportunity!.id, status: 'closed', version: 4, reason: 'closed' }, 'closing says why');
  t.equal(written[3]!.investor_id, investor!.id, 'an event about a profile names it, for its own subscriptions');
  t.notOk(JSON.stringify(written.map((e) => e.data)).includes('dewi@example.id'), 'no contact details in payloads');

  const refused = await api.PATCH('/v1/opportunities/{id}', { ...path, body: { sector: 'finished-drugs' } });
  t.equal(refused.response.status, 409);
  t.equal((await events()).length, start + 5, 'a refused change writes no event');

  const audit = await api.GET('/v1/audit', { params: { query: { entityId: opportunity!.id } } });
  t.same(audit.data!.data.map((e) => e.action), ['close', 'publish', 'update', 'create'], 'the audit log reads the same events');
});

t.test('the vocabulary: every (entity, action) names a known type, and the actions another workflow records are ready', async (t) => {
  for (const [entity, actions] of Object.entries(EVENT_MAP)) {
    for (const [action, mapping] of Object.entries(actions)) {
      t.ok((EVENT_TYPES as readonly string[]).includes(mapping.type), `${entity} ${action} → ${mapping.type}`);
    }
  }
  t.equal(eventOf('opportunity', 'submit').type, 'opportunity.submitted');
  t.equal(eventOf('opportunity', 'request-changes').type, 'opportunity.changes_requested');
  t.equal(eventOf('opportunity', 'stale').type, 'opportunity.stale');
  t.same(eventOf('opportunity', 'expire'), { type: 'opportunity.closed', reason: 'expired' });
  t.throws(() => eventOf('opportunity', 'teleport'), /No event type/);
});
