import t from 'tap';
import { DEMO_INVESTORS } from '../db/demo/investors.ts';
import { DEMO_DECISION_OPPORTUNITIES, DEMO_OPPORTUNITY_FACTS } from '../db/demo/investment-facts.ts';
import { DEMO_OPPORTUNITIES } from '../db/demo/opportunities.ts';
import { isEligible } from '../src/domain/eligibility.ts';
import { seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { buildTestApp } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

t.test('matching through the API, on the demo data', async (t) => {
  const { app, api, database, inject } = await buildTestApp(t);
  await seedDemoDataIfEmpty(database);
  await app.services.matching.reload();

  const investors = await api.GET('/v1/investors', { params: { query: { limit: 100 } } });
  const investorId = (name: string) => investors.data!.data.find((i) => i.companyName === name)!.id;
  const bloodBagMaker = DEMO_INVESTORS.find((i) => i.key === 'kr-blood-bag-maker')!;
  const bloodBagPlant = DEMO_OPPORTUNITIES.find((o) => o.key === 'jatim-blood-bags')!;

  t.test('the Korean blood-bag maker ranks the East Java blood-bag plant first, and says why', async (t) => {
    const { data, error } = await api.GET('/v1/investors/{id}/matches', {
      params: { path: { id: investorId(bloodBagMaker.companyName) }, query: { limit: 5 } },
    });
    t.notOk(error);
    const top = data!.data[0]!;
    t.equal(top.opportunity.title, bloodBagPlant.title.en);
    t.equal(top.score, 100);
    const texts = Object.fromEntries(top.factors.map((f) => [f.factor, f.text]));
    t.match(texts.sector, /Medical consumables/i);
    t.match(texts.technology, /Blood.bag manufacturing/i);
    t.match(texts.location, /Jawa Timur|East Java/);
    t.ok(top.badges.some((b) => b.code === 'health-mou' && /Korea/.test(b.text)), 'bilateral health MoU shown as context');
    const scores = data!.data.map((m) => m.score);
    t.same(scores, [...scores].sort((a, b) => b - a), 'ranked by score');

    const indonesian = await api.GET('/v1/investors/{id}/matches', {
      params: { path: { id: investorId(bloodBagMaker.companyName) }, query: { limit: 1 } },
      headers: { 'accept-language': 'id' },
    });
    t.equal(indonesian.data!.data[0]!.opportunity.title, bloodBagPlant.title.id);
    t.not(indonesian.data!.data[0]!.factors[0]!.text, top.factors[0]!.text, 'reasons follow Accept-Language');
    t.equal(indonesian.data!.data[0]!.score, top.score);
  });

  t.test('a page served again from the page cache is the same page, for JSON, exports and previews', async (t) => {
    const url = `/v1/investors/${investorId(bloodBagMaker.companyName)}/matches`;
    const first = await inject({ method: 'GET', url: `${url}?limit=100` });
    const again = await inject({ method: 'GET', url: `${url}?limit=100` });
    t.equal(again.body, first.body, 'the repeated page has the same bytes');
    const ids = (JSON.parse(first.body) as { data: { opportunityId: string }[] }).data.map((m) => m.opportunityId);
    // The second export reads its pages back from the cache.
    const exports = [await inject({ method: 'GET', url: `${url}?format=csv` }), await inject({ method: 'GET', url: `${url}?format=csv` })];
    t.equal(exports[1]!.statusCode, 200);
    t.equal(exports[1]!.body, exports[0]!.body, 'an export from cached pages has the same rows');
    t.equal(exports[1]!.body.trim().split('\n').length - 1, ids.length, 'one row per match');
    t.ok(ids.every((id) => exports[1]!.body.includes(id)), 'every match is exported');
    const preview = { profile: { sectors: ['medical-consumables'] }, text: 'blood bag manufacturing in East Java', limit: 5 };
    const previews = [await inject({ method: 'POST', url: '/v1/matches/preview', payload: preview }), await inject({ method: 'POST', url: '/v1/matches/preview', payload: preview })];
    t.equal(previews[1]!.body, previews[0]!.body, 'a cached preview page keeps its recognised profile and matches');
    t.ok((JSON.parse(previews[1]!.body) as { data: unknown[] }).data.length > 0);
  });

  t.test('both directions agree on the score and explanation of a pair', async (t) => {
    const opportunities = await api.GET('/v1/opportunities', { params: { query: { q: 'kantong darah' } } });
    const plantId = opportunities.data!.data[0]!.id;
    const makerId = investorId(bloodBagMaker.companyName);
    const forward = await api.GET('/v1/investors/{id}/matches', { params: { path: { id: makerId }, query: { limit: 100 } } });
    const backward = await api.GET('/v1/opportunities/{id}/matches', { params: { path: { id: plantId }, query: { limit: 100 } } });
    const a = forward.data!.data.find((m) => m.opportunityId === plantId)!;
    const b = backward.data!.data.find((m) => m.investorId === makerId)!;
    t.equal(a.score, b.score);
    t.same(a.factors, b.factors);
    t.equal(backward.data!.data[0]!.investor.companyName, bloodBagMaker.companyName, 'the plant ranks the blood-bag maker first');
  });

  t.test('pagination through matches: no duplicates, no gaps, same order as one big page', async (t) => {
    const id = investorId(DEMO_INVESTORS[3]!.companyName);
    const all = await api.GET('/v1/investors/{id}/matches', { params: { path: { id }, query: { limit: 100 } } });
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const { data } = await api.GET('/v1/investors/{id}/matches', { params: { path: { id }, query: { limit: 7, ...(cursor && { cursor }) } } });
      paged.push(...data!.data.map((m) => m.opportunityId));
      cursor = data!.nextCursor ?? undefined;
    } while (cursor);
    t.same(paged, all.data!.data.map((m) => m.opportunityId));
    const eligible = [...DEMO_OPPORTUNITIES, ...DEMO_DECISION_OPPORTUNITIES].filter(
      (o) => o.status === 'published' && isEligible({ country: DEMO_INVESTORS[3]!.country }, { kbliCodes: (DEMO_OPPORTUNITY_FACTS[o.key] ?? DEMO_DECISION_OPPORTUNITIES.find((d) => d.key === o.key)?.facts)?.kbliCodes ?? [] }),
    );
    t.equal(paged.length, eligible.length, 'every published opportunity it may legally take, nothing else');
  });

  t.test('weights, filters and minScore', async (t) => {
    const id = investorId(bloodBagMaker.companyName);
    const weighted = await api.GET('/v1/investors/{id}/matches', {
      params: { path: { id }, query: { weightLocation: 1, weightSector: 0, weightTechnology: 0, weightSize: 0, weightModality: 0, limit: 100 } },
    });
    t.same(weighted.data!.requestedWeights, { sector: 0, technology: 0, location: 1, size: 0, modality: 0 });
    const inEastJava = weighted.data!.data.filter((m) => m.opportunity.province === 'ID-JI');
    t.ok(inEastJava.length > 0);
    t.ok(inEastJava.every((m) => m.score === 100), 'only location counts');
    const sumatra = ['ID-AC', 'ID-SU', 'ID-SB', 'ID-RI', 'ID-KR', 'ID-JA', 'ID-SS', 'ID-BB', 'ID-BE', 'ID-LA'];
    const filtered = await api.GET('/v1/investors/{id}/matches', { params: { path: { id }, query: { islandGroup: ['sumatra'], minScore: 20 } } });
    t.ok(filtered.data!.data.length > 0);
    t.ok(filtered.data!.data.every((m) => sumatra.includes(m.opportunity.province) && m.score >= 20), 'filters and minScore narrow the list');
    const model = await api.GET('/v1/matching/model', {});
    t.same(model.data!.weights.defaults, { sector: 0.3, technology: 0.3, location: 0.15, size: 0.15, modality: 0.1 });
  });

  t.test('bad input gets a problem, never a 500', async (t) => {
    const id = investorId(bloodBagMaker.companyName);
    const cases: [string, number, string, string?][] = [
      [`/v1/investors/${id}/matches?weightSector=2`, 400, 'validation-failed', 'weightSector'],
      [`/v1/investors/${id}/matches?weightSector=-0.1`, 400, 'validation-failed', 'weightSector'],
      [`/v1/investors/${id}/matches?weightSector=abc`, 400, 'validation-failed', 'weightSector'],
      [`/v1/investors/${id}/matches?weightSector=0&weightTechnology=0&weightLocation=0&weightSize=0&weightModality=0`, 400, 'weights-ineffective', 'weightModality'],
      [`/v1/investors/${id}/matches?weightColour=1`, 400, 'validation-failed', 'weightColour'],
      [`/v1/investors/${id}/matches?minScore=101`, 400, 'validation-failed', 'minScore'],
      [`/v1/investors/${id}/matches?cursor=garbage`, 400, 'invalid-cursor', 'cursor'],
      ['/v1/investors/00000000-0000-4000-8000-000000000000/matches', 404, 'not-found'],
      ['/v1/investors/nope/matches', 400, 'validation-failed', 'id'],
      ['/v1/opportunities/00000000-0000-4000-8000-000000000000/matches', 404, 'not-found'],
    ];
    for (const [url, status, code, field] of cases) {
      const response = await inject({ method: 'GET', url });
      t.equal(response.statusCode, status, `${url} → ${status}`);
      t.equal(response.json().code, code, `${url} → ${code}`);
      if (field) t.ok(response.json().errors?.some((e: { field: string }) => e.field === field), `${url} names ${field}`);
    }
    const page = await api.GET('/v1/investors/{id}/matches', { params: { path: { id }, query: { limit: 2 } } });
    const otherWeights = await inject({ method: 'GET', url: `/v1/investors/${id}/matches?weightSector=0.9&cursor=${page.data!.nextCursor}` });
    t.equal(otherWeights.json().code, 'invalid-cursor', 'a cursor only continues its own ranking');

    const { data: draft } = await api.POST('/v1/opportunities', { body: opportunityBody() });
    const draftMatches = await inject({ method: 'GET', url: `/v1/opportunities/${draft!.id}/matches` });
    t.equal(draftMatches.statusCode, 409, 'a draft is not matched');
    t.equal(draftMatches.json().code, 'opportunity-not-published');
  });

  t.test('a repeated page is the same JSON, byte for byte, with its length in bytes', async (t) => {
    const { data: investors } = await api.GET('/v1/investors', { params: { query: { limit: 1 } } });
    const url = `/v1/investors/${investors!.data[0]!.id}/matches?limit=5`;
    // Japanese text makes bytes and characters differ, so a wrong Content-Length would show.
    const ask = () => inject({ method: 'GET', url, headers: { 'accept-language': 'ja' } });
    const first = await ask();
    const again = await ask();
    t.equal(first.statusCode, 200);
    t.match(again.headers['content-type'], /^application\/json; charset=utf-8$/);
    t.equal(again.body, first.body);
    t.equal(Number(again.headers['content-length']), Buffer.byteLength(again.body));
    t.ok(Buffer.byteLength(again.body) > again.body.length, 'the page holds multi-byte text');
    t.equal(again.json().data.length, 5);
  });

  t.test('writes reach the next match request', async (t) => {
    const { data: investor } = await api.POST('/v1/investors', {
      body: investorBody({ companyName: 'Fresh Imaging', sectors: ['electromedical-imaging'], technologies: ['medical-imaging'], preferredProvinces: ['ID-PE'] }),
    });
    const { data: opportunity } = await api.POST('/v1/opportunities', {
      body: opportunityBody({ sector: 'electromedical-imaging', technologies: ['medical-imaging'], location: { province: 'ID-PE' } }),
    });
    const investorPath = { path: { id: investor!.id } };
    const before = await api.GET('/v1/investors/{id}/matches', { params: { ...investorPath, query: { limit: 100 } } });
    t.notOk(before.data!.data.some((m) => m.opportunityId === opportunity!.id), 'a draft is not matched');
    await api.POST('/v1/opportunities/{id}/publish', { params: { path: { id: opportunity!.id } } });
    const after = await api.GET('/v1/investors/{id}/matches', { params: { ...investorPath, query: { limit: 1 } } });
    t.equal(after.data!.data[0]?.opportunityId, opportunity!.id, 'a just-published opportunity ranks at once');
    await api.PATCH('/v1/investors/{id}', { params: investorPath, body: { preferredProvinces: ['ID-AC'] } });
    const moved = await api.GET('/v1/investors/{id}/matches', { params: { ...investorPath, query: { limit: 1 } } });
    t.ok(moved.data!.data[0]!.score < after.data!.data[0]!.score, 'a changed profile changes its matches at once');
    await api.POST('/v1/opportunities/{id}/withdraw', { params: { path: { id: opportunity!.id } } });
    const gone = await api.GET('/v1/investors/{id}/matches', { params: { ...investorPath, query: { limit: 100 } } });
    t.notOk(gone.data!.data.some((m) => m.opportunityId === opportunity!.id), 'a withdrawn opportunity drops out');
    await api.DELETE('/v1/investors/{id}', { params: investorPath });
    t.equal((await api.GET('/v1/investors/{id}/matches', { params: investorPath })).response.status, 404);
  });

  t.test('preview ranks for an inline profile and stores nothing', async (t) => {
    const count = async () => Number((await database.db.selectFrom('investors').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const { data, error } = await api.POST('/v1/matches/preview', {
      body: {
        profile: { country: 'KR', sectors: ['medical-consumables'], technologies: ['blood-bag-manufacturing'], maxTransferDepth: 'full-transfer', preferredProvinces: ['ID-JI'] },
        limit: 3,
      },
    });
    t.notOk(error);
    t.equal(data!.data[0]!.opportunity.title, bloodBagPlant.title.en);
    t.ok(data!.data[0]!.factors.find((f) => f.factor === 'size')!.neutral, 'size left out: neutral');
    t.equal(await count(), before, 'nothing stored');
    const bad = await inject({ method: 'POST', url: '/v1/matches/preview', payload: { profile: { sectors: ['cosmetics'] } } });
    t.equal(bad.statusCode, 400);
    t.equal(bad.json().errors[0].field, 'profile.sectors.0');
    const badWeights = await inject({ method: 'POST', url: '/v1/matches/preview', payload: { profile: {}, weights: { sector: 3 } } });
    t.equal(badWeights.json().errors[0].field, 'weights.sector');
  });
});
