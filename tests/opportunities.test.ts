import t from 'tap';
import { buildTestApp } from './helpers/app.ts';
import { opportunityBody } from './helpers/fixtures.ts';

t.test('opportunities through the API', async (t) => {
  const { api, inject } = await buildTestApp(t);

  t.test('create, read, update', async (t) => {
    const created = await api.POST('/v1/opportunities', { body: opportunityBody() });
    t.equal(created.response.status, 201);
    const opportunity = created.data!;
    t.equal(opportunity.status, 'draft');
    t.equal(opportunity.version, 1);
    t.equal(opportunity.location.islandGroup, 'java');
    t.equal(opportunity.sectorParent, 'medical-devices');
    t.equal(created.response.headers.get('location'), `/v1/opportunities/${opportunity.id}`);

    const read = await api.GET('/v1/opportunities/{id}', { params: { path: { id: opportunity.id } } });
    t.same(read.data, opportunity);

    const updated = await api.PATCH('/v1/opportunities/{id}', {
      params: { path: { id: opportunity.id } },
      body: { investmentUsd: { min: 12_000_000, max: 35_000_000 } },
    });
    t.equal(updated.response.status, 200);
    t.same(updated.data!.investmentUsd, { min: 12_000_000, max: 35_000_000 });
    t.equal(updated.data!.version, 2);
    t.same(updated.data!.title, opportunity.title, 'fields left out keep their value');
  });

  t.test('lifecycle: draft → published → withdrawn | closed, illegal moves are 409', async (t) => {
    const { data: draft } = await api.POST('/v1/opportunities', { body: opportunityBody() });
    const id = draft!.id;
    const path = { params: { path: { id } } };

    const closeDraft = await api.POST('/v1/opportunities/{id}/close', path);
    t.equal(closeDraft.response.status, 409);
    t.equal(closeDraft.error?.code, 'illegal-transition');
    t.match(closeDraft.response.headers.get('content-type'), /^application\/problem\+json/);

    const published = await api.POST('/v1/opportunities/{id}/publish', path);
    t.equal(published.data?.status, 'published');
    t.type(published.data?.publishedAt, 'string');

    const again = await api.POST('/v1/opportunities/{id}/publish', path);
    t.equal(again.response.status, 409, 'publishing twice is refused');

    const closed = await api.POST('/v1/opportunities/{id}/close', path);
    t.equal(closed.data?.status, 'closed');
    t.equal(closed.data?.publishedAt, published.data?.publishedAt, 'publication date is kept');

    const reopened = await api.POST('/v1/opportunities/{id}/withdraw', path);
    t.equal(reopened.response.status, 409, 'closed is final');
    const edit = await api.PATCH('/v1/opportunities/{id}', { ...path, body: { sector: 'vaccines' } });
    t.equal(edit.response.status, 409);
    t.equal(edit.error?.code, 'opportunity-not-editable');

    const { data: other } = await api.POST('/v1/opportunities', { body: opportunityBody() });
    const withdrawn = await api.POST('/v1/opportunities/{id}/withdraw', { params: { path: { id: other!.id } } });
    t.equal(withdrawn.data?.status, 'withdrawn', 'a draft can be withdrawn (discarded)');
  });

  t.test('unknown and malformed ids', async (t) => {
    const missing = await api.GET('/v1/opportunities/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    t.equal(missing.response.status, 404);
    t.equal(missing.error?.code, 'not-found');
    const malformed = await inject({ method: 'GET', url: '/v1/opportunities/not-a-uuid' });
    t.equal(malformed.statusCode, 400);
    t.equal(malformed.json().errors[0].field, 'id');
    t.equal(malformed.json().errors[0].in, 'params');
    const transition = await inject({ method: 'POST', url: '/v1/opportunities/00000000-0000-4000-8000-000000000000/publish' });
    t.equal(transition.statusCode, 404);
  });

  t.test('publication makes an opportunity searchable; drafts stay hidden', async (t) => {
    const { data: draft } = await api.POST('/v1/opportunities', {
      body: opportunityBody({ title: { id: 'Pabrik zeolit rahasia', en: 'Secret zeolite plant' } }),
    });
    const hidden = await api.GET('/v1/opportunities', { params: { query: { q: 'zeolite' } } });
    t.equal(hidden.data?.data.length, 0);
    const drafts = await api.GET('/v1/opportunities', { params: { query: { q: 'zeolite', status: ['draft'] } } });
    t.equal(drafts.data?.data.length, 1);
    await api.POST('/v1/opportunities/{id}/publish', { params: { path: { id: draft!.id } } });
    const visible = await api.GET('/v1/opportunities', { params: { query: { q: 'zeolite' } } });
    t.same(visible.data?.data.map((o) => o.id), [draft!.id]);
  });
});
