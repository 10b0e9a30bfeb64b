import { connect } from 'node:net';
import fc from 'fast-check';
import t from 'tap';
import { PageCache } from '../src/services/page-cache.ts';
import { bearer, buildTestApp, createKey } from './helpers/app.ts';
import { opportunityBody } from './helpers/fixtures.ts';

const PROBLEM = /^application\/problem\+json/;

const shared = buildTestApp(t);

t.test('text the database cannot store is 400 naming the field, never 500', async (t) => {
  const { inject } = await shared;
  const cases: [string, { method: 'GET' | 'POST'; url: string; payload?: string }, string, string][] = [
    ['an unpaired high surrogate in a title', { method: 'POST', url: '/v1/opportunities', payload: JSON.stringify(opportunityBody()).replace('Blood-bag plant', 'Blood\\ud800 plant') }, 'body', 'title.en'],
    ['an unpaired low surrogate in a contact name', { method: 'POST', url: '/v1/investors', payload: '{"contact":{"name":"Kim \\udc00"}}' }, 'body', 'contact.name'],
    ['NUL in a sponsor name', { method: 'POST', url: '/v1/opportunities', payload: JSON.stringify(opportunityBody({ sponsor: { name: 'P\u0000MI', kind: 'association' } })) }, 'body', 'sponsor.name'],
    ['NUL in q', { method: 'GET', url: '/v1/opportunities?q=kantong%00darah' }, 'querystring', 'q'],
    ['NUL in a path id', { method: 'GET', url: '/v1/opportunities/%00' }, 'params', 'id'],
  ];
  for (const [name, request, part, field] of cases) {
    const response = await inject({ ...request, headers: { 'content-type': 'application/json' } });
    t.equal(response.statusCode, 400, name);
    t.match(response.headers['content-type'], PROBLEM);
    t.same(response.json().errors?.map((e: { in: string; field: string }) => [e.in, e.field]), [[part, field]], `${name} names ${part} ${field}`);
  }
  const paired = await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody({ title: { id: 'Pabrik 😀', en: 'Plant 😀' } }) });
  t.equal(paired.statusCode, 201, 'a surrogate pair (an emoji) is fine');
});

t.test('every 4xx and 5xx is a problem document, the parser’s and plugins’ own too', async (t) => {
  const { app } = await shared;
  const preflight = await app.inject({ method: 'OPTIONS', url: '/v1/sectors' });
  t.equal(preflight.statusCode, 400, 'a preflight without Origin is refused');
  t.match(preflight.headers['content-type'], PROBLEM, 'as a problem document');

  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = new URL(address);
  const raw = (text: string) =>
    new Promise<string>((resolve) => {
      const socket = connect({ port: Number(port), host: '127.0.0.1' });
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('error', () => {});
      socket.on('close', () => resolve(answer));
      socket.end(text);
    });
  const tooLarge = await raw(`GET /v1/sectors HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
  t.match(tooLarge, /^HTTP\/1\.1 431 /, 'headers too large: 431');
  t.match(tooLarge, /content-type: application\/problem\+json/i);
  t.equal(JSON.parse(tooLarge.split('\r\n\r\n')[1]!).status, 431);
  const unknownMethod = await raw('FOO /v1/sectors HTTP/1.1\r\nHost: x\r\n\r\n');
  t.match(unknownMethod, /^HTTP\/1\.1 400 /, 'an unknown method: 400');
  t.match(unknownMethod, /content-type: application\/problem\+json/i);
});

t.test('caching headers: Vary adds to Vary, one strong ETag per language, 304 without content metadata', async (t) => {
  const { app, api, inject } = await shared;
  const plain = await app.inject({ method: 'GET', url: '/v1/sectors' });
  t.match(plain.headers.vary, /Accept-Language/, 'localized reference data varies by language even when none is asked for');
  const both = await app.inject({ method: 'GET', url: '/v1/sectors', headers: { origin: 'https://kotra.example.kr', 'accept-language': 'ko' } });
  const vary = String(both.headers.vary).split(',').map((v) => v.trim());
  t.ok(vary.includes('Origin') && vary.includes('Accept-Language'), `Vary keeps Origin and adds Accept-Language: ${both.headers.vary}`);

  const { data } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  const url = `/v1/opportunities/${data!.id}`;
  const english = await inject({ method: 'GET', url });
  const indonesian = await inject({ method: 'GET', url, headers: { 'accept-language': 'id' } });
  t.not(english.headers.etag, indonesian.headers.etag, 'each language has its own tag');
  t.notOk(String(indonesian.headers.etag).startsWith('W/'), 'strong');
  const crossed = await inject({ method: 'GET', url, headers: { 'accept-language': 'id', 'if-none-match': String(english.headers.etag) } });
  t.equal(crossed.statusCode, 200, "the English copy is not current for an Indonesian reader");
  const notModified = await inject({ method: 'GET', url, headers: { 'accept-language': 'id', 'if-none-match': String(indonesian.headers.etag) } });
  t.equal(notModified.statusCode, 304);
  t.equal(notModified.headers['content-type'], undefined, '304 has no Content-Type');
  t.equal(notModified.headers['content-length'], undefined, '304 has no Content-Length');
  t.equal(notModified.headers.etag, indonesian.headers.etag, '304 keeps the ETag');
  t.match(notModified.headers.vary, /Accept-Language/, '304 keeps Vary');
  const write = await inject({ method: 'PATCH', url, payload: { sector: 'vaccines' }, headers: { 'if-match': String(indonesian.headers.etag) } });
  t.equal(write.statusCode, 200, 'If-Match takes any language’s tag of the current version');
});

t.test('the match page cache is bounded by bytes, and one caller cannot evict everyone else’s pages', async (t) => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 400 }))), (writes) => {
      // Each page's scope is its size; dropping the even ones must release exactly their bytes.
      const cache = new PageCache<number>({ maxBytes: 6000, perOwnerBytes: 2000 });
      cache.set('victim', 'kept', Buffer.from('v'), 1);
      for (const [owner, key, size] of writes) cache.set(owner, `${owner}${key}`, Buffer.alloc(size * 3), size);
      const keys = (o: string) => [...new Set(writes.filter(([owner]) => owner === o).map(([, key]) => `${o}${key}`))];
      // Each owner is charged exactly the pages it still has.
      const held = (o: string) => keys(o).reduce((sum, key) => sum + (cache.get(key)?.length ?? 0), 0);
      const accounted = () => cache.usage() <= 6000 && ['a', 'b', 'c'].every((o) => cache.usage(o) <= 2000 && cache.usage(o) === held(o)) && cache.get('kept') !== undefined;
      if (!accounted()) return false;
      const oddBefore = ['a', 'b', 'c'].flatMap(keys).filter((key) => (cache.get(key)?.length ?? 0) % 2 === 1);
      cache.deleteWhere((size) => size % 2 === 0);
      const left = ['a', 'b', 'c'].flatMap(keys).filter((key) => cache.get(key) !== undefined);
      return accounted() && left.length === oddBefore.length && left.every((key) => cache.get(key)!.length % 2 === 1);
    }),
  );
  const { app, api } = await shared;
  const { data } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  await api.POST('/v1/opportunities/{id}/publish', { params: { path: { id: data!.id } } });
  const [one, other] = [await createKey(app, { role: 'staff' }), await createKey(app, { role: 'staff' })];
  await app.inject({ method: 'POST', url: '/v1/matches/preview', payload: { profile: { sectors: ['vaccines'] } }, headers: bearer(other.key) });
  const before = app.services.matching.cachedBytes(`key ${other.id}`);
  t.ok(before > 0, 'a page is charged to the caller who asked for it');
  for (let limit = 1; limit <= 100; limit += 1) {
    await app.inject({ method: 'POST', url: '/v1/matches/preview', payload: { profile: { sectors: ['vaccines'] }, limit }, headers: bearer(one.key) });
  }
  t.equal(app.services.matching.cachedBytes(`key ${other.id}`), before, 'many distinct pages of one caller leave the other’s page cached');
});

