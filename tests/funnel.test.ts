import t from 'tap';
import { DEMO_INTERESTS } from '../db/demo/interests.ts';
import { DEMO_DECISION_OPPORTUNITIES } from '../db/demo/investment-facts.ts';
import { DEMO_OPPORTUNITIES } from '../db/demo/opportunities.ts';
import { seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { bearer, buildTestApp, createKey, openTestDatabase } from './helpers/app.ts';

t.test('the funnel counts the demo pipeline', async (t) => {
  const database = await openTestDatabase(t);
  await seedDemoDataIfEmpty(database);
  const { api, app, inject } = await buildTestApp(t, database);
  const finalStage = (i: (typeof DEMO_INTERESTS)[number]) => i.moves.at(-1)?.to ?? 'submitted';

  const { data } = await api.GET('/v1/stats/funnel', {});
  const [all] = data!.data;
  t.equal(data!.data.length, 1);
  t.equal(all!.group, 'all');
  t.equal(all!.interests, DEMO_INTERESTS.length);
  const demo = [...DEMO_OPPORTUNITIES, ...DEMO_DECISION_OPPORTUNITIES];
  t.equal(all!.publishedOpportunities, demo.filter((o) => o.status === 'published').length);
  for (const stage of ['submitted', 'acknowledged', 'exploring', 'negotiating', 'committed', 'groundbreaking', 'declined', 'withdrawn', 'expired'] as const) {
    t.equal(all!.stages[stage].count, DEMO_INTERESTS.filter((i) => finalStage(i) === stage).length, `${stage}: every stage has demo interests`);
    t.ok(all!.stages[stage].count > 0, `${stage} is shown on a fresh start`);
  }
  const groundbroken = DEMO_INTERESTS.filter((i) => finalStage(i) === 'groundbreaking');
  t.same(all!.realised, {
    count: groundbroken.length,
    investmentUsd: groundbroken.reduce((sum, i) => sum + i.figures!.expectedInvestmentUsd!, 0),
    jobs: groundbroken.reduce((sum, i) => sum + i.figures!.expectedJobs!, 0),
  });
  const submitted = DEMO_INTERESTS.find((i) => finalStage(i) === 'submitted')!;
  const range = DEMO_OPPORTUNITIES.find((o) => o.key === submitted.opportunity)!.investmentUsd;
  t.equal(all!.stages.submitted.investmentUsd, (range.min + range.max) / 2, 'without an expected investment, the midpoint of the range');
  const acknowledged = DEMO_INTERESTS.filter((i) => i.moves.some((m) => m.to === 'acknowledged')).length;
  t.same(all!.conversion[0], { from: 'submitted', to: 'acknowledged', rate: Math.round((acknowledged / DEMO_INTERESTS.length) * 1e4) / 1e4 });
  t.ok(all!.medianDays[0]!.days! > 0, 'median days between stages');
  t.equal(all!.pastResponseTime, 1, 'the expired one');
  t.ok(all!.strongPairs > 0);

  const { data: byCountry } = await api.GET('/v1/stats/funnel', { params: { query: { groupBy: 'country' } } });
  const korea = byCountry!.data.find((row) => row.group === 'KR')!;
  t.equal(korea.interests, DEMO_INTERESTS.filter((i) => i.investor.startsWith('kr-')).length);
  t.equal(korea.publishedOpportunities, null, 'opportunities belong to no country');

  const jatim = (await api.GET('/v1/opportunities', { params: { query: { q: 'blood bags', limit: 5 } } })).data!.data[0]!;
  const { data: byOpportunity } = await api.GET('/v1/stats/funnel', { params: { query: { groupBy: 'opportunity' } } });
  const { data: strong } = await api.GET('/v1/opportunities/{id}/matches', { params: { path: { id: jatim.id }, query: { minScore: 75, limit: 100 } } });
  t.equal(byOpportunity!.data.find((row) => row.group === jatim.id)?.strongPairs, strong!.data.length, 'strong pairs as the matching service scores them');

  const recent = await api.GET('/v1/stats/funnel', { params: { query: { from: new Date(Date.now() - 50 * 86_400_000).toISOString() } } });
  t.equal(recent.data!.data[0]!.interests, DEMO_INTERESTS.filter((i) => i.filedDaysAgo < 50).length, 'interests created in [from, to)');
  const vaccines = await api.GET('/v1/stats/funnel', { params: { query: { sector: ['pharmaceuticals'], groupBy: 'sector' } } });
  t.ok(vaccines.data!.data.every((row) => !['medical-consumables', 'in-vitro-diagnostics'].includes(row.group)), 'a parent sector filters to its leaves');

  const csv = await inject({ method: 'GET', url: '/v1/stats/funnel?groupBy=country', headers: { accept: 'text/csv' } });
  t.equal(csv.statusCode, 200);
  t.match(csv.headers['content-type'], /^text\/csv/);
  const lines = csv.body.trim().split('\r\n');
  t.equal(lines.length, byCountry!.data.length + 1, 'a header and one row per group');
  const header = lines[0]!.split(',');
  const koreaLine = lines.find((line) => line.startsWith('KR,'))!.split(',');
  t.equal(koreaLine[header.indexOf('interests')], String(korea.interests), 'the same table as CSV');
  t.equal(koreaLine[header.indexOf('publishedOpportunities')], '', 'null as an empty cell');

  const cases: [string, number, string | undefined][] = [
    ['/v1/stats/funnel?groupBy=planet', 400, 'groupBy'],
    ['/v1/stats/funnel?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 400, 'to'],
    ['/v1/stats/funnel?country=XX', 400, 'country.0'],
    ['/v1/stats/funnel?from=yesterday', 400, 'from'],
  ];
  for (const [url, status, field] of cases) {
    const response = await inject({ method: 'GET', url });
    t.equal(response.statusCode, status, url);
    t.equal(response.json().errors?.[0]?.field, field, `${url} names ${field}`);
  }
  const investorKey = await createKey(app, { role: 'investor', investorId: (await api.GET('/v1/investors', {})).data!.data[0]!.id });
  t.equal((await app.inject({ method: 'GET', url: '/v1/stats/funnel', headers: bearer(investorKey.key) })).statusCode, 403, 'staff only');
  t.equal((await app.inject({ method: 'GET', url: '/v1/stats/funnel' })).statusCode, 401);
});
