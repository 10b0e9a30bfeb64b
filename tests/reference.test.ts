import t from 'tap';
import { buildTestApp } from './helpers/app.ts';

t.test('reference data endpoints', async (t) => {
  const { api, app } = await buildTestApp(t);

  const sectors = await api.GET('/v1/sectors', {});
  t.equal(sectors.data?.kbliVersion, '2020');
  t.equal(sectors.data?.data.length, 14);
  const api21011 = sectors.data?.data.find((s) => s.code === 'active-pharmaceutical-ingredients');
  t.same(api21011?.kbli, ['21011']);
  const ivd = sectors.data?.data.find((s) => s.code === 'in-vitro-diagnostics');
  t.same(ivd?.kbli, [], 'in-vitro diagnostics have no single KBLI code');
  t.ok(ivd?.kbliNote?.en, 'and say so');

  const korean = await api.GET('/v1/technologies', { headers: { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.5' } });
  const fractionation = korean.data?.data.find((x) => x.code === 'plasma-fractionation');
  t.equal(fractionation?.name, fractionation?.names.ko, 'names follow Accept-Language');
  t.match(korean.response.headers.get('vary'), /\bAccept-Language\b/);
  t.equal(korean.response.headers.get('content-language'), 'ko');

  const provinces = await api.GET('/v1/provinces', {});
  t.equal(provinces.data?.data.length, 38);
  t.ok(provinces.data?.data.some((p) => p.code === 'ID-PE' && p.islandGroup === 'papua'), 'Papua Pegunungan (2022) is there');

  const depths = await api.GET('/v1/transfer-depths', {});
  t.same(depths.data?.data.map((d) => d.code), ['none', 'licensing', 'joint-development', 'full-transfer']);

  const islands = await api.GET('/v1/island-groups', { headers: { 'accept-language': 'id' } });
  t.equal(islands.data?.data.reduce((n, group) => n + group.provinces.length, 0), 38);

  const countries = await api.GET('/v1/countries', {});
  t.ok((countries.data?.data.length ?? 0) > 240);
  t.equal(countries.data?.data.find((c) => c.code === 'KR')?.healthPartnership, 'health-mou');
  t.equal(countries.data?.data.find((c) => c.code === 'BR')?.healthPartnership, null);

  const partners = await api.GET('/v1/health-partners', {});
  for (const code of ['KR', 'JP', 'CN', 'DK', 'TR', 'SA', 'QA', 'BN', 'TL', 'VN', 'CU']) {
    t.ok(partners.data?.data.some((p) => p.country === code), `health partner ${code}`);
  }
  t.ok(partners.data?.sourceNote);

  const zones = await api.GET('/v1/special-economic-zones', {});
  t.ok(zones.data?.data.some((z) => z.code === 'kek-sanur'));
  t.equal((await app.inject({ method: 'GET', url: '/v1/modalities' })).headers['cache-control'], 'public, max-age=3600');
});

t.test('health, readiness, OpenAPI and docs', async (t) => {
  const { app } = await buildTestApp(t);
  t.same((await app.inject({ method: 'GET', url: '/health' })).json(), { status: 'ok' });
  t.same((await app.inject({ method: 'GET', url: '/ready' })).json(), { status: 'ok' });
  const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  t.equal(document.openapi, '3.1.0');
  t.ok(document.paths['/v1/opportunities'].get);
  t.ok(document.components.schemas.Problem);
  const docs = await app.inject({ method: 'GET', url: '/docs' });
  t.ok([200, 302].includes(docs.statusCode), 'interactive docs are served');
});

t.test('readiness fails with a problem when the database is gone', async (t) => {
  const { app, database } = await buildTestApp(t);
  await database.close();
  const response = await app.inject({ method: 'GET', url: '/ready' });
  t.equal(response.statusCode, 503);
  t.equal(response.json().code, 'database-unavailable');
  t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'the process is still alive');
});
