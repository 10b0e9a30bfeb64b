import t from 'tap';
import { Webhook as Verifier } from 'standardwebhooks';
import { parseRetryAfter, parseRetrySchedule, retryDelay } from '../src/domain/webhooks.ts';
import { bearer, buildTestApp, clientFor, createKey, openTestDatabase } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';
import { startReceiver } from './helpers/receiver.ts';

const CONFIG = { WEBHOOK_ALLOW_PRIVATE_TARGETS: true, WEBHOOK_RETRY_SCHEDULE: [20, 20, 20] };

/** One app for the file (an embedded database takes a while to start); each test removes its subscriptions. */
const shared = buildTestApp(t, undefined, CONFIG, {
  // A name only these tests know: delivery must connect to the address the check resolved.
  resolveHost: async (host) => (host === 'receiver.test' ? [{ address: '127.0.0.1', family: 4 }] : []),
});

async function setup(t: Parameters<typeof buildTestApp>[0]) {
  const test = await shared;
  const receiver = await startReceiver(t);
  const drain = () => test.app.services.background.drain();
  t.teardown(async () => {
    for (const hook of (await test.api.GET('/v1/webhooks', { params: { query: { limit: 100 } } })).data!.data) {
      await test.api.DELETE('/v1/webhooks/{id}', { params: { path: { id: hook.id } } });
    }
  });
  const publish = async () => {
    const { data } = await test.api.POST('/v1/opportunities', { body: opportunityBody() });
    await test.api.POST('/v1/opportunities/{id}/publish', { params: { path: { id: data!.id } } });
    return data!.id;
  };
  return { ...test, receiver, drain, publish };
}

t.test('a published opportunity reaches a subscribed receiver, signed as Standard Webhooks says', async (t) => {
  const { api, receiver, drain, publish } = await setup(t);
  await publish();
  const { data: hook, response } = await api.POST('/v1/webhooks', { body: { url: `http://receiver.test:${receiver.port}/hook`, events: ['opportunity.*'] } });
  t.equal(response.status, 201);
  t.match(hook!.secret, /^whsec_/);
  await drain();
  t.equal(receiver.received.length, 0, 'creating sends nothing, not even earlier events');
  t.equal((await api.GET('/v1/webhooks/{id}', { params: { path: { id: hook!.id } } })).data!.secret, undefined, 'the secret is shown once');

  const opportunityId = await publish();
  await drain();
  t.equal(receiver.received.length, 1, 'only the publication: drafts are not subscribable');
  const [request] = receiver.received;
  const payload = new Verifier(hook!.secret!).verify(request!.body, request!.headers as Record<string, string>) as { type: string; timestamp: string; data: { opportunityId: string } };
  t.equal(payload.type, 'opportunity.published');
  t.equal(payload.data.opportunityId, opportunityId);
  t.ok(Date.parse(payload.timestamp), 'an ISO 8601 timestamp');
  t.match(request!.headers['webhook-id'], /^msg_/);
  t.throws(() => new Verifier('whsec_' + Buffer.from('wrong secret, wrong signature').toString('base64')).verify(request!.body, request!.headers as Record<string, string>));

  const deliveries = await api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: hook!.id } } });
  t.match(deliveries.data!.data, [{ eventType: 'opportunity.published', state: 'delivered', attempts: 1, lastStatus: 200, nextAttemptAt: null }]);

  await api.POST('/v1/webhooks/{id}/test', { params: { path: { id: hook!.id } } });
  await drain();
  t.equal(receiver.bodies().at(-1)?.type, 'webhook.ping', 'a test ping');

  const rotated = await api.POST('/v1/webhooks/{id}/rotate-secret', { params: { path: { id: hook!.id } } });
  t.not(rotated.data!.secret, hook!.secret);
  await api.POST('/v1/webhooks/{id}/test', { params: { path: { id: hook!.id } } });
  await drain();
  const afterRotation = receiver.received.at(-1)!;
  t.equal(String(afterRotation.headers['webhook-signature']).split(' ').length, 2, 'two signatures for a day');
  for (const secret of [hook!.secret!, rotated.data!.secret!]) {
    t.ok(new Verifier(secret).verify(afterRotation.body, afterRotation.headers as Record<string, string>), 'old and new secret both verify');
  }
});

t.test('retries: the same webhook-id on every attempt; failed deliveries are listed and redelivered', async (t) => {
  const { api, receiver, drain, publish } = await setup(t);
  const { data: hook } = await api.POST('/v1/webhooks', { body: { url: receiver.url(), events: ['opportunity.published'] } });
  receiver.answer({ status: 500 }, { status: 503, headers: { 'retry-after': '0' } });
  await publish();
  await drain();
  t.equal(receiver.received.length, 3, 'failed twice, then succeeded');
  const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
  t.equal(ids.size, 1, 'the same webhook-id on the third attempt');
  for (const r of receiver.received) t.ok(new Verifier(hook!.secret!).verify(r.body, r.headers as Record<string, string>), 'each attempt signed anew');
  t.match((await api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: hook!.id } } })).data!.data[0], { state: 'delivered', attempts: 3 });

  receiver.answer({ status: 500 }, { status: 500 }, { status: 302, headers: { location: '/elsewhere' } }, { status: 500 });
  await publish();
  await drain();
  const { data } = await api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: hook!.id } } });
  const failed = data!.data[0]!;
  t.match(failed, { state: 'failed', attempts: 4, lastStatus: 500, nextAttemptAt: null }, 'failed after the last retry');
  t.notOk(receiver.received.some((r) => r.path === '/elsewhere'), 'a redirect is a failure, never followed');

  const redelivered = await api.POST('/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id: hook!.id, deliveryId: failed.id } } });
  t.equal(redelivered.response.status, 202);
  await drain();
  const last = receiver.received.at(-1)!;
  t.equal(last.headers['webhook-id'], failed.messageId, 'redelivery keeps the webhook-id');
  t.match((await api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: hook!.id } } })).data!.data[0], { state: 'delivered' });
  const again = await api.POST('/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id: hook!.id, deliveryId: '0195f7e2-5b4c-7c3e-9a51-2f1d8c6b7a10' } } });
  t.equal(again.response.status, 404);
});

t.test('a 410 disables the endpoint until it is enabled again', async (t) => {
  const { api, receiver, drain, publish } = await setup(t);
  const { data: hook } = await api.POST('/v1/webhooks', { body: { url: receiver.url(), events: ['opportunity.published'] } });
  receiver.answer({ status: 410 });
  await publish();
  await drain();
  const { data: gone } = await api.GET('/v1/webhooks/{id}', { params: { path: { id: hook!.id } } });
  t.match(gone, { enabled: false, disabledReason: 'gone' });
  await publish();
  await drain();
  t.equal(receiver.received.length, 1, 'nothing more is sent');
  const { data: enabled } = await api.PATCH('/v1/webhooks/{id}', { params: { path: { id: hook!.id } }, body: { enabled: true } });
  t.match(enabled, { enabled: true, disabledReason: null });
  await publish();
  await drain();
  t.equal(receiver.received.length, 2, 'events after re-enabling are delivered; none were queued while it was gone');
});

t.test('investor keys: match.new and their own interest events only', async (t) => {
  const { app, api, receiver, drain, publish } = await setup(t);
  const opportunityId = await publish();
  await drain();
  const { data: investor } = await api.POST('/v1/investors', { body: investorBody() });
  const { data: other } = await api.POST('/v1/investors', { body: investorBody({ companyName: 'Other' }) });
  const own = clientFor(app, bearer((await createKey(app, { role: 'investor', investorId: investor!.id })).key));
  const rival = clientFor(app, bearer((await createKey(app, { role: 'investor', investorId: other!.id })).key));
  const { data: ownHook } = await own.POST('/v1/webhooks', { body: { url: receiver.url('/own'), events: ['interest.*', 'match.new'] } });
  const { data: rivalHook } = await rival.POST('/v1/webhooks', { body: { url: receiver.url('/rival'), events: ['interest.*'] } });

  const forbidden = await own.POST('/v1/webhooks', { body: { url: receiver.url(), events: ['interest.created', 'opportunity.*'] } });
  t.equal(forbidden.response.status, 403);
  t.equal(forbidden.error?.errors?.[0]?.field, 'events.1');
  const staffMatch = await api.POST('/v1/webhooks', { body: { url: receiver.url(), events: ['match.new'] } });
  t.equal(staffMatch.response.status, 403, 'staff do not subscribe to match.new');
  t.equal((await rival.GET('/v1/webhooks/{id}', { params: { path: { id: ownHook!.id } } })).response.status, 404, "another investor's webhook is 404");
  t.same((await rival.GET('/v1/webhooks', {})).data!.data.map((w) => w.id), [rivalHook!.id]);

  await own.POST('/v1/interests', { body: { opportunityId, message: 'Interested.', contact: { name: 'Kim', email: 'kim@example.kr' } } });
  await drain();
  t.same(receiver.bodies('/own').map((b) => b.type), ['interest.created']);
  t.same(receiver.bodies('/rival'), [], "nothing of another investor's interest");
  t.notOk(JSON.stringify(receiver.bodies('/own')).includes('kim@example.kr'), 'thin payloads: no contact');
});

t.test('bad input is a 4xx problem naming the field', async (t) => {
  const { inject, receiver } = await setup(t);
  const cases: [string, object, number, string][] = [
    ['unknown event type', { url: receiver.url(), events: ['opportunity.teleported'] }, 400, 'events.0'],
    ['no events', { url: receiver.url(), events: [] }, 400, 'events'],
    ['not a URL', { url: 'hooks here', events: ['opportunity.*'] }, 400, 'url'],
    ['not http(s)', { url: 'ftp://example.com/hook', events: ['opportunity.*'] }, 400, 'url'],
    ['host does not resolve', { url: 'https://nowhere.test/hook', events: ['opportunity.*'] }, 400, 'url'],
    ['score out of range', { url: receiver.url(), events: ['opportunity.*'], minScore: 101 }, 400, 'minScore'],
  ];
  for (const [name, payload, status, field] of cases) {
    const response = await inject({ method: 'POST', url: '/v1/webhooks', payload });
    t.equal(response.statusCode, status, name);
    t.equal(response.json().errors?.[0]?.field, field, `${name} names ${field}`);
  }
  t.equal((await inject({ method: 'GET', url: '/v1/webhooks/0195f7e2-5b4c-7c3e-9a51-2f1d8c6b7a10' })).statusCode, 404);
});

t.test('two instances on one database deliver each event once', async (t) => {
  const database = await openTestDatabase(t);
  const a = await buildTestApp(t, database, CONFIG);
  const b = await buildTestApp(t, database, CONFIG);
  const receiver = await startReceiver(t);
  await a.api.POST('/v1/webhooks', { body: { url: receiver.url(), events: ['opportunity.*'] } });
  for (let i = 0; i < 6; i += 1) {
    const { data } = await (i % 2 ? a : b).api.POST('/v1/opportunities', { body: opportunityBody() });
    await a.api.POST('/v1/opportunities/{id}/publish', { params: { path: { id: data!.id } } });
  }
  await Promise.all([a.app.services.background.drain(), b.app.services.background.drain(), a.app.services.background.drain()]);
  await Promise.all([a.app.services.background.drain(), b.app.services.background.drain()]);
  const ids = receiver.received.map((r) => r.headers['webhook-id']);
  t.equal(ids.length, 6, 'six publications, six requests');
  t.equal(new Set(ids).size, 6, 'none delivered twice');
});

t.test('retry schedule, jitter and Retry-After', async (t) => {
  t.same(parseRetrySchedule('5s,5m,30m,2h'), [5000, 300_000, 1_800_000, 7_200_000]);
  t.same(parseRetrySchedule('250ms'), [250]);
  t.equal(parseRetrySchedule('5 minutes'), undefined);
  t.equal(parseRetrySchedule(''), undefined);
  t.equal(retryDelay([1000], 0, 0), 800, '-20 %');
  t.equal(retryDelay([1000], 0, 1), 1200, '+20 %');
  t.equal(retryDelay([1000], 1, 0.5), undefined, 'schedule used up');
  t.equal(retryDelay([1000], 0, 0.5, 1500), 1500, 'Retry-After honoured');
  t.equal(retryDelay([1000], 0, 0.5, 60_000), 2000, 'up to twice the scheduled delay');
  t.equal(parseRetryAfter('120', 0), 120_000);
  t.equal(parseRetryAfter(new Date(10_000).toUTCString(), 0), 10_000);
});
