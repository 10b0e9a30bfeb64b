import t from 'tap';
import { UI_LANGUAGES } from '../src/domain/codes.ts';
import { defaultNameLookup } from '../src/domain/matching/default-reference.ts';
import { demoInvestorId, demoOpportunityId, seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { buildTestApp } from './helpers/app.ts';

/** Known answers for evidence, bands, applied weights and ineffective weights, on the demo data. */
t.test('match quality through the API', async (t) => {
  const { app, api, database, inject } = await buildTestApp(t);
  await seedDemoDataIfEmpty(database);
  await app.services.matching.reload();

  const matchesOf = async (investorKey: string, query: Record<string, string | number> = {}, language = 'en') => {
    const search = new URLSearchParams(Object.entries({ limit: 100, ...query }).map(([k, v]) => [k, String(v)]));
    const response = await inject({ method: 'GET', url: `/v1/investors/${demoInvestorId(investorKey)}/matches?${search}`, headers: { 'accept-language': language } });
    t.equal(response.statusCode, 200, `${investorKey} matches`);
    return response.json() as {
      requestedWeights: Record<string, number>;
      data: {
        opportunityId: string;
        score: number;
        band: string;
        evidence: { share: number; scale: number };
        factors: { factor: string; neutral: boolean; weight: number; score: number; contribution: number; supports: boolean; text: string; reason: { code: string; params: Record<string, unknown> } }[];
      }[];
    };
  };

  t.test('demo records have the ids derived from their keys', async (t) => {
    const { data } = await api.GET('/v1/investors/{id}', { params: { path: { id: demoInvestorId('kr-blood-bag-maker') } } });
    t.equal(data?.companyName, 'Saebom Blood Systems Co., Ltd.');
    const { data: plant } = await api.GET('/v1/opportunities/{id}', { params: { path: { id: demoOpportunityId('jatim-blood-bags') } } });
    t.equal(plant?.location.province, 'ID-JI');
  });

  t.test('an opportunity that seeks no technology gets no technology points', async (t) => {
    const page = await matchesOf('qa-biologics-fund');
    const gelatin = page.data.find((m) => m.opportunityId === demoOpportunityId('bitung-fish-gelatin'))!;
    const technology = gelatin.factors.find((f) => f.factor === 'technology')!;
    t.same(
      { neutral: technology.neutral, weight: technology.weight, contribution: technology.contribution, supports: technology.supports, reason: technology.reason },
      { neutral: true, weight: 0, contribution: 0, supports: false, reason: { code: 'neutral', params: { factor: 'technology', side: 'opportunity' } } },
    );
    t.equal(technology.text, 'The opportunity seeks no technology — left out of the score');
    t.ok(gelatin.evidence.share < 1, 'it rests on less evidence');
    const rank = (key: string) => page.data.findIndex((m) => m.opportunityId === demoOpportunityId(key));
    t.ok(rank('plasma-fractionation-plant') < rank('bitung-fish-gelatin'), 'a plant in a listed sector ranks above gelatin that seeks nothing');
    t.ok(rank('insulin-recombinant-pulogadung') < rank('sanur-bioequivalence-centre'));
  });

  t.test('every match carries its band, evidence and the weights it applied', async (t) => {
    const page = await matchesOf('kr-diagnostics-maker');
    t.same(page.requestedWeights, { sector: 0.3, technology: 0.3, location: 0.15, size: 0.15, modality: 0.1 });
    for (const match of page.data) {
      const band = match.score >= 75 ? 'strong' : match.score >= 50 ? 'good' : 'weak';
      t.equal(match.band, band, `${match.opportunityId} band`);
      const applied = match.factors.filter((f) => !f.neutral).reduce((sum, f) => sum + f.weight, 0);
      t.ok(Math.abs(applied - 1) < 1e-3, 'applied weights add up to 1 over the factors that count');
      // This investor states no location: location is left out and the rest renormalised.
      const location = match.factors.find((f) => f.factor === 'location')!;
      t.ok(location.neutral && location.weight === 0);
      // Known: 0.85 of the weight, or 0.55 when the opportunity seeks no technology either.
      const known = match.factors.find((f) => f.factor === 'technology')!.neutral ? 0.55 : 0.85;
      t.equal(match.evidence.share, known);
      t.equal(match.factors.find((f) => f.factor === 'sector')!.weight, Math.round((0.3 / known) * 1e4) / 1e4, 'sector: 0.3 renormalised');
      const points = match.factors.reduce((sum, f) => sum + f.contribution, 0);
      t.ok(Math.abs(points - match.score) <= 0.03, 'contributions add up to the score');
      t.ok(match.factors.every((f) => f.supports === (!f.neutral && f.weight > 0 && f.score >= 0.5)), 'only helping factors support');
    }
    t.equal(page.data[0]!.band, 'strong');
    t.equal(page.data.at(-1)!.band, 'weak');
  });

  t.test('400 weights-ineffective when every weighted factor is left open, naming the fields', async (t) => {
    // The digital-health investor states sectors and technologies only.
    const onlyOpen = await inject({
      method: 'GET',
      url: `/v1/investors/${demoInvestorId('kr-digital-health')}/matches?weightSector=0&weightTechnology=0&weightLocation=1&weightSize=0.5&weightModality=0`,
    });
    t.equal(onlyOpen.statusCode, 400);
    t.match(onlyOpen.headers['content-type'], /^application\/problem\+json/);
    t.equal(onlyOpen.json().code, 'weights-ineffective');
    t.same(
      onlyOpen.json().errors.map((e: { in: string; field: string }) => `${e.in} ${e.field}`),
      ['querystring weightLocation', 'querystring weightSize'],
    );
    const stated = await inject({ method: 'GET', url: `/v1/investors/${demoInvestorId('kr-digital-health')}/matches?weightSector=1&weightLocation=1` });
    t.equal(stated.statusCode, 200, 'one stated factor with weight is enough');

    const empty = await inject({ method: 'POST', url: '/v1/matches/preview', payload: { profile: {} } });
    t.equal(empty.statusCode, 400);
    t.equal(empty.json().code, 'weights-ineffective');
    t.same(
      empty.json().errors.map((e: { field: string }) => e.field),
      ['weights.sector', 'weights.technology', 'weights.location', 'weights.size', 'weights.modality'],
    );
    const allZero = await inject({
      method: 'POST',
      url: '/v1/matches/preview',
      payload: { profile: { sectors: ['vaccines'] }, weights: { sector: 0, technology: 0, location: 0, size: 0, modality: 0 } },
    });
    t.equal(allZero.json().code, 'weights-ineffective', 'all-zero weights included');
    t.equal(allZero.json().errors.length, 5);

    const seeksNothing = await inject({
      method: 'GET',
      url: `/v1/opportunities/${demoOpportunityId('bitung-fish-gelatin')}/matches?weightSector=0&weightTechnology=1&weightLocation=0&weightSize=0&weightModality=0`,
    });
    t.equal(seeksNothing.statusCode, 400);
    t.same(
      seeksNothing.json().errors.map((e: { field: string }) => e.field),
      ['weightTechnology'],
    );
  });

  t.test("reasons name places, sectors and technologies through the name lookup, in the caller's language", async (t) => {
    for (const language of UI_LANGUAGES) {
      const page = await matchesOf('kr-blood-bag-maker', { limit: 1 }, language);
      const top = page.data[0]!;
      t.equal(top.opportunityId, demoOpportunityId('jatim-blood-bags'));
      const text = (factor: string) => top.factors.find((f) => f.factor === factor)!.text;
      t.ok(text('location').includes(defaultNameLookup.province('ID-JI', language)), `${language}: province name`);
      t.ok(text('sector').includes(defaultNameLookup.sector('medical-consumables', language)), `${language}: sector name`);
      t.ok(text('technology').includes(defaultNameLookup.technology('blood-bag-manufacturing', language)), `${language}: technology name`);
    }
  });

  t.test('GET /v1/matching/model publishes evidence, bands and the tie-break', async (t) => {
    const { data } = await api.GET('/v1/matching/model', {});
    t.same(data!.bands, [
      { band: 'strong', min: 75, max: 100 },
      { band: 'good', min: 50, max: 75 },
      { band: 'weak', min: 0, max: 50 },
    ]);
    t.equal(data!.evidence.exponent, 0.5);
    t.match(data!.tieBreak.en, /evidence/);
  });
});
