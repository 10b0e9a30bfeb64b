import t from 'tap';
import { ConfigError, loadConfig } from '../src/config.ts';
import { bearer, buildTestApp, createKey } from './helpers/app.ts';
import { opportunityBody } from './helpers/fixtures.ts';

t.test('four eyes: submit, request changes, publish by another staff key', async (t) => {
  const { app, inject } = await buildTestApp(t);
  const alice = bearer((await createKey(app, { role: 'staff', label: 'Alice' })).key);
  const bob = bearer((await createKey(app, { role: 'staff', label: 'Bob' })).key);
  const as = (headers: Record<string, string>, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    inject({ method, url, headers, ...(payload && { payload }) });

  const id = (await as(alice, 'POST', '/v1/opportunities', opportunityBody())).json().id as string;
  const url = `/v1/opportunities/${id}`;

  const direct = await as(alice, 'POST', `${url}/publish`);
  t.equal(direct.statusCode, 409, 'a staff key cannot publish a draft while review is required');
  t.equal(direct.json().code, 'review-required');

  const submitted = await as(alice, 'POST', `${url}/submit`);
  t.equal(submitted.statusCode, 200);
  t.equal(submitted.json().status, 'in_review');

  const edit = await as(alice, 'PATCH', url, { sector: 'vaccines' });
  t.equal(edit.statusCode, 409, 'no edits while in review');
  t.equal(edit.json().code, 'opportunity-in-review');

  const own = await as(alice, 'POST', `${url}/publish`);
  t.equal(own.statusCode, 403, 'the submitter cannot publish');
  t.equal(own.json().code, 'four-eyes-required');

  const noComment = await as(bob, 'POST', `${url}/request-changes`, {});
  t.equal(noComment.statusCode, 400, 'asking for changes needs a comment');
  const sentBack = await as(bob, 'POST', `${url}/request-changes`, { comment: 'Add the land status.' });
  t.equal(sentBack.statusCode, 200);
  t.equal(sentBack.json().status, 'draft');

  t.equal((await as(alice, 'PATCH', url, { land: { status: 'hgb' } })).statusCode, 200, 'a draft is editable again');
  await as(alice, 'POST', `${url}/submit`);
  const approved = await as(bob, 'POST', `${url}/publish`);
  t.equal(approved.statusCode, 200, 'another staff key publishes');
  const published = approved.json();
  t.equal(published.status, 'published');
  t.same(published.land, { status: 'hgb' }, 'the submitted version is what is published');
  t.ok(published.lastVerifiedAt, 'publication counts as verification');
  t.equal(published.stale, false);

  const anonymous = await app.inject({ method: 'GET', url });
  t.equal(anonymous.statusCode, 200, 'public once published');

  const edited = await as(alice, 'PATCH', url, { sector: 'vaccines' });
  t.equal(edited.statusCode, 200, 'a published opportunity is edited live, without review');
  t.equal(edited.json().sector, 'vaccines');

  const reviews = await as(bob, 'GET', `${url}/reviews`);
  t.equal(reviews.statusCode, 200);
  t.same(
    reviews.json().data.map((step: { action: string; comment: string | null }) => [step.action, step.comment]),
    [['submit', null], ['request-changes', 'Add the land status.'], ['submit', null], ['publish', null]],
    'comments and decisions are kept with the opportunity',
  );
  t.equal((await app.inject({ method: 'GET', url: `${url}/reviews` })).statusCode, 401, 'review steps are for staff');

  const audit = await inject({ method: 'GET', url: `/v1/audit?entity=opportunity&entityId=${id}` });
  const entries = audit.json().data as { action: string; after: { review?: { action: string; comment: string | null } } }[];
  t.same(entries.map((e) => e.action).reverse(), ['create', 'submit', 'request-changes', 'update', 'submit', 'publish', 'update']);
  t.equal(entries.find((e) => e.action === 'request-changes')!.after.review!.comment, 'Add the land status.', 'the comment is in the audit log');

  await app.services.background.drain();
  const events = await app.database.db.selectFrom('events').select(['type', 'data']).where('entity_id', '=', id).orderBy('id').execute();
  t.same(
    events.map((e) => e.type),
    ['opportunity.created', 'opportunity.submitted', 'opportunity.changes_requested', 'opportunity.updated', 'opportunity.submitted', 'opportunity.published', 'opportunity.updated'],
    'the review steps go through the outbox',
  );
  t.equal((events[2]!.data as { comment?: string }).comment, 'Add the land status.');
});

t.test('admins may publish a draft directly, and the audit log says so', async (t) => {
  const { api, inject } = await buildTestApp(t);
  const { data } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  const published = await api.POST('/v1/opportunities/{id}/publish', { params: { path: { id: data!.id } } });
  t.equal(published.data!.status, 'published');
  const audit = await inject({ method: 'GET', url: `/v1/audit?entity=opportunity&entityId=${data!.id}&action=publish` });
  t.equal(audit.json().data[0].after.review.action, 'publish-without-review');
  const reviews = await inject({ method: 'GET', url: `/v1/opportunities/${data!.id}/reviews` });
  t.same(reviews.json().data.map((s: { action: string }) => s.action), ['publish-without-review']);
});

t.test('an admin who submitted is held to four eyes too', async (t) => {
  const { api } = await buildTestApp(t);
  const { data } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  const path = { params: { path: { id: data!.id } } };
  await api.POST('/v1/opportunities/{id}/submit', path);
  const own = await api.POST('/v1/opportunities/{id}/publish', path);
  t.equal(own.response.status, 403);
  t.equal(own.error?.code, 'four-eyes-required');
});

t.test('REVIEW_REQUIRED=false: staff publish drafts directly', async (t) => {
  const { app } = await buildTestApp(t, undefined, { REVIEW_REQUIRED: false });
  const staff = bearer((await createKey(app, { role: 'staff' })).key);
  const created = await app.inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody(), headers: staff });
  const published = await app.inject({ method: 'POST', url: `/v1/opportunities/${created.json().id}/publish`, headers: staff });
  t.equal(published.statusCode, 200);
  t.equal(published.json().status, 'published');
});

t.test('REVIEW_REQUIRED and REVIEW_INTERVAL_DAYS are validated at start', async (t) => {
  t.equal(loadConfig({}).REVIEW_REQUIRED, true, 'review is required by default');
  t.equal(loadConfig({}).REVIEW_INTERVAL_DAYS, 90);
  t.equal(loadConfig({ REVIEW_REQUIRED: 'false' }).REVIEW_REQUIRED, false);
  t.throws(() => loadConfig({ REVIEW_REQUIRED: 'maybe', REVIEW_INTERVAL_DAYS: '0' }), ConfigError);
});
