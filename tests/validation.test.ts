import t from 'tap';
import type { InjectOptions } from 'fastify';
import { buildTestApp } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

/** Each case: a body mutation and the field the problem must name. */
const opportunityCases: [string, (body: Record<string, any>) => void, string][] = [
  ['missing English title', (b) => delete b.title.en, 'title.en'],
  ['empty Indonesian summary', (b) => (b.summary.id = '   '), 'summary.id'],
  ['title too long', (b) => (b.title.en = 'x'.repeat(201)), 'title.en'],
  ['NUL in a text', (b) => (b.title.id = 'a\u0000b'), 'title.id'],
  ['unknown language', (b) => (b.title.fr = 'Usine'), 'title.fr'],
  ['unknown sector', (b) => (b.sector = 'cosmetics'), 'sector'],
  ['parent sector instead of a leaf', (b) => (b.sector = 'pharmaceuticals'), 'sector'],
  ['unknown technology', (b) => (b.technologies = ['alchemy']), 'technologies.0'],
  ['duplicate technologies', (b) => (b.technologies = ['fermentation', 'fermentation']), 'technologies'],
  ['unknown transfer depth', (b) => (b.requiredTransferDepth = 'everything'), 'requiredTransferDepth'],
  ['no modality', (b) => (b.modalities = []), 'modalities'],
  ['unknown province', (b) => (b.location.province = 'ID-XX'), 'location.province'],
  ['reversed range', (b) => (b.investmentUsd = { min: 50, max: 10 }), 'investmentUsd.max'],
  ['negative amount', (b) => (b.investmentUsd.min = -5), 'investmentUsd.min'],
  ['fractional amount', (b) => (b.investmentUsd.min = 1.5), 'investmentUsd.min'],
  ['absurd amount', (b) => (b.investmentUsd.max = 1e20), 'investmentUsd.max'],
  ['amount as a string', (b) => (b.investmentUsd.min = '1000'), 'investmentUsd.min'],
  ['bad email', (b) => (b.contact.email = 'not-an-email'), 'contact.email'],
  ['bad phone', (b) => (b.contact.phone = 'call me'), 'contact.phone'],
  ['unknown sponsor kind', (b) => (b.sponsor.kind = 'alien'), 'sponsor.kind'],
  ['unknown top-level field', (b) => (b.status = 'published'), 'status'],
  ['unknown nested field', (b) => (b.location.city = 'Surabaya'), 'location.city'],
  ['unknown special economic zone', (b) => (b.location.specialEconomicZone = 'kek-atlantis'), 'location.specialEconomicZone'],
  ['zone in another province', (b) => (b.location.specialEconomicZone = 'kek-sanur'), 'location.specialEconomicZone'],
];

const investorCases: [string, (body: Record<string, any>) => void, string][] = [
  ['unknown country', (b) => (b.country = 'XX'), 'country'],
  ['lower-case country', (b) => (b.country = 'kr'), 'country'],
  ['unknown sector', (b) => (b.sectors = ['cosmetics']), 'sectors.0'],
  ['bad language code', (b) => (b.languages = ['korean']), 'languages.0'],
  ['no language', (b) => (b.languages = []), 'languages'],
  ['missing summary', (b) => delete b.summary, 'summary'],
  ['reversed ticket', (b) => (b.ticketUsd = { min: 9, max: 1 }), 'ticketUsd.max'],
  ['unknown island group', (b) => (b.preferredIslandGroups = ['atlantis']), 'preferredIslandGroups.0'],
  ['website not http', (b) => (b.website = 'javascript:alert(1)'), 'website'],
  ['owner field', (b) => (b.id = '00000000-0000-4000-8000-000000000000'), 'id'],
];

t.test('invalid bodies get a 400 problem naming the field, and nothing is written', async (t) => {
  const { app, inject } = await buildTestApp(t);
  const count = async (table: 'opportunities' | 'investors') =>
    Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  for (const [url, table, base, cases] of [
    ['/v1/opportunities', 'opportunities', opportunityBody, opportunityCases],
    ['/v1/investors', 'investors', investorBody, investorCases],
  ] as const) {
    for (const [name, mutate, field] of cases) {
      const body = structuredClone(base()) as Record<string, any>;
      mutate(body);
      const response = await inject({ method: 'POST', url, payload: body });
      t.equal(response.statusCode, 400, `${table}: ${name} → 400`);
      t.match(response.headers['content-type'], /^application\/problem\+json/);
      const problem = response.json();
      t.ok(
        problem.errors?.some((e: { field: string }) => e.field === field),
        `${table}: ${name} names ${field} (got ${problem.errors?.map((e: { field: string }) => e.field).join(', ')})`,
      );
    }
    t.equal(await count(table), 0, `no ${table} were written`);
  }
});

t.test('updates are validated the same way', async (t) => {
  const { api, inject } = await buildTestApp(t);
  const { data } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  const url = `/v1/opportunities/${data!.id}`;
  const empty = await inject({ method: 'PATCH', url, payload: {} });
  t.equal(empty.statusCode, 400);
  const status = await inject({ method: 'PATCH', url, payload: { status: 'published' } });
  t.equal(status.statusCode, 400, 'status is changed only through transitions');
  t.equal(status.json().errors[0].field, 'status');
  const version = await inject({ method: 'PATCH', url, payload: { version: 7 } });
  t.equal(version.statusCode, 400);
  const after = await api.GET('/v1/opportunities/{id}', { params: { path: { id: data!.id } } });
  t.same(after.data, data, 'the failed updates changed nothing');
});

t.test('wrong content type, malformed JSON, oversized and empty bodies', async (t) => {
  const { inject } = await buildTestApp(t);
  const url = '/v1/opportunities';
  const cases: [string, InjectOptions, number, string][] = [
    ['form body', { method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' }, 415, 'unsupported-media-type'],
    ['text body', { method: 'POST', url, headers: { 'content-type': 'text/plain' }, payload: 'hello' }, 415, 'unsupported-media-type'],
    ['malformed JSON', { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '{"title":' }, 400, 'malformed-json'],
    ['JSON array', { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '[]' }, 400, 'validation-failed'],
    ['empty JSON body', { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '' }, 400, 'empty-body'],
    ['no body', { method: 'POST', url }, 400, 'validation-failed'],
    ['oversized body', { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ x: 'y'.repeat(300 * 1024) }) }, 413, 'payload-too-large'],
    ['prototype pollution', { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"admin":true}}' }, 400, 'malformed-json'],
  ];
  for (const [name, request, status, code] of cases) {
    const response = await inject(request);
    t.equal(response.statusCode, status, `${name} → ${status}`);
    t.equal(response.json().code, code, `${name} → ${code}`);
    t.match(response.headers['content-type'], /^application\/problem\+json/, `${name} is a problem document`);
  }
});

t.test('bad query strings and unknown routes', async (t) => {
  const { inject } = await buildTestApp(t);
  const cases: [string, string][] = [
    ['/v1/opportunities?limit=0', 'limit'],
    ['/v1/opportunities?limit=101', 'limit'],
    ['/v1/opportunities?limit=abc', 'limit'],
    ['/v1/opportunities?sector=cosmetics', 'sector.0'],
    ['/v1/opportunities?province=ID-JI,ID-XX', 'province.1'],
    ['/v1/opportunities?minUsd=-1', 'minUsd'],
    ['/v1/opportunities?minUsd=10&maxUsd=5', 'maxUsd'],
    ['/v1/opportunities?sort=title', 'sort'],
    ['/v1/opportunities?colour=red', 'colour'],
    ['/v1/opportunities?cursor=bm9wZQ', 'cursor'],
    ['/v1/opportunities?status=archived', 'status.0'],
    ['/v1/investors?country=ZZ', 'country.0'],
    ['/v1/investors?cursor=%E0%A4%A', 'cursor'],
  ];
  for (const [url, field] of cases) {
    const response = await inject({ method: 'GET', url });
    t.equal(response.statusCode, 400, `${url} → 400`);
    const fields = (response.json().errors ?? []).map((e: { field: string }) => e.field);
    t.ok(fields.includes(field), `${url} names ${field} (got ${fields.join(', ')})`);
  }
  const unknown = await inject({ method: 'GET', url: '/v1/nothing-here' });
  t.equal(unknown.statusCode, 404);
  t.equal(unknown.json().code, 'route-not-found');
  const badEncoding = await inject({ method: 'GET', url: '/v1/opportunities/%E0%A4%A' });
  t.equal(badEncoding.statusCode, 400);
  t.match(badEncoding.headers['content-type'], /^application\/problem\+json/);
});

t.test('request ids: kept when safe, made otherwise, always returned', async (t) => {
  const { inject } = await buildTestApp(t);
  const given = await inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
  t.equal(given.headers['x-request-id'], 'abc-123');
  const unsafe = await inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'evil\nline' } });
  t.match(unsafe.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  const problem = await inject({ method: 'GET', url: '/v1/opportunities/nope', headers: { 'x-request-id': 'trace-1' } });
  t.equal(problem.json().requestId, 'trace-1');
});
