import t from 'tap';
import { buildTestApp } from './helpers/app.ts';
import { investorBody } from './helpers/fixtures.ts';

t.test('investor profiles through the API', async (t) => {
  const { api } = await buildTestApp(t);

  const created = await api.POST('/v1/investors', { body: investorBody() });
  t.equal(created.response.status, 201);
  const investor = created.data!;
  t.equal(investor.countryName, 'South Korea');
  t.equal(investor.website, null);
  const path = { params: { path: { id: investor.id } } };

  const inIndonesian = await api.GET('/v1/investors/{id}', { ...path, headers: { 'accept-language': 'id' } });
  t.equal(inIndonesian.data?.countryName, 'Korea Selatan', 'country names follow Accept-Language');

  const updated = await api.PATCH('/v1/investors/{id}', { ...path, body: { ticketUsd: null, maxTransferDepth: null, website: 'https://hanbit.example.com' } });
  t.equal(updated.data?.ticketUsd, null, 'a preference can be cleared');
  t.equal(updated.data?.maxTransferDepth, null);
  t.equal(updated.data?.website, 'https://hanbit.example.com');
  t.equal(updated.data?.version, 2);
  t.same(updated.data?.technologies, investor.technologies);

  await api.POST('/v1/investors', { body: investorBody({ companyName: 'Kansai Imaging', country: 'JP', sectors: ['electromedical-imaging'], technologies: ['medical-imaging'] }) });
  const japanese = await api.GET('/v1/investors', { params: { query: { country: ['JP'] } } });
  t.same(japanese.data?.data.map((i) => i.companyName), ['Kansai Imaging']);
  const imaging = await api.GET('/v1/investors', { params: { query: { sector: ['medical-devices'] } } });
  t.equal(imaging.data?.data.length, 2, 'a parent sector finds investors of its leaves');
  const byTechnology = await api.GET('/v1/investors', { params: { query: { technology: ['blood-bag-manufacturing'] } } });
  t.same(byTechnology.data?.data.map((i) => i.id), [investor.id]);

  const page1 = await api.GET('/v1/investors', { params: { query: { limit: 1 } } });
  const page2 = await api.GET('/v1/investors', { params: { query: { limit: 1, cursor: page1.data!.nextCursor! } } });
  t.equal(page2.data?.data.length, 1);
  t.not(page2.data?.data[0]?.id, page1.data?.data[0]?.id);
  t.equal(page2.data?.nextCursor, null);

  const deleted = await api.DELETE('/v1/investors/{id}', path);
  t.equal(deleted.response.status, 204);
  t.equal((await api.GET('/v1/investors/{id}', path)).response.status, 404, 'a deleted profile is gone');
  t.equal((await api.DELETE('/v1/investors/{id}', path)).response.status, 404);
  t.equal((await api.PATCH('/v1/investors/{id}', { ...path, body: { companyName: 'x' } })).response.status, 404);
  const remaining = await api.GET('/v1/investors', {});
  t.equal(remaining.data?.data.length, 1);
});
