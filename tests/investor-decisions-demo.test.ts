import t from 'tap';
import { DEMO_DECISION_OPPORTUNITIES, DEMO_OPPORTUNITY_FACTS } from '../db/demo/investment-facts.ts';
import { DEMO_OPPORTUNITIES } from '../db/demo/opportunities.ts';
import { incentiveClaimProblems } from '../src/domain/investment-rules.ts';
import { regencyByCode } from '../src/domain/reference/regencies.ts';
import { seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { buildTestApp } from './helpers/app.ts';

t.test('the demo data uses the investor-decision fields, and matches show them', async (t) => {
  const { app, database, inject } = await buildTestApp(t);
  await seedDemoDataIfEmpty(database);
  await app.services.matching.reload();
  const investors = (await inject({ method: 'GET', url: '/v1/investors?limit=100' })).json().data as { id: string; companyName: string; country: string }[];
  const opportunities = (await inject({ method: 'GET', url: '/v1/opportunities?limit=100' })).json().data as { id: string; title: { en: string } }[];
  const opportunityId = (key: string) => {
    const title = [...DEMO_OPPORTUNITIES, ...DEMO_DECISION_OPPORTUNITIES].find((o) => o.key === key)!.title.en;
    return opportunities.find((o) => o.title.en === title)!.id;
  };
  const matches = async (id: string, limit = 20) =>
    (await inject({ method: 'GET', url: `/v1/investors/${id}/matches?limit=${limit}` })).json().data as Record<string, any>[];
  const byKey = (list: Record<string, any>[], key: string) => list.find((m) => m.opportunityId === opportunityId(key));

  const imaging = investors.find((i) => i.country === 'JP' && /imag/i.test(i.companyName))!;
  const top = await matches(imaging.id);
  const batam = byKey(top, 'batam-xray-imaging');
  t.ok(batam, 'the tax-holiday-eligible X-ray plant (KBLI 26601, over IDR 100 bn) is in the top 20');
  t.match(batam?.ruleBadges.find((b: { code: string }) => b.code === 'tax-holiday'), { source: 'PMK 130/2020', params: { tier: 2 }, text: /PMK 130\/2020.*8 October 2024/ });

  const withDental = await Promise.all(investors.map(async (i) => byKey(await matches(i.id, 100), 'sleman-dental-instruments')));
  const dental = withDental.find((m) => m?.ruleBadges.some((b: { code: string }) => b.code === 'pma-minimum'));
  t.ok(dental, 'the small workshop shows the PMA-minimum warning to a foreign investor');
  t.match(dental?.ruleBadges.find((b: { code: string }) => b.code === 'pma-minimum').text, /BKPM Regulation 5\/2025/);

  const jamu = opportunityId('sukoharjo-jamu-products');
  const backward = (await inject({ method: 'GET', url: `/v1/opportunities/${jamu}/matches?limit=100` })).json().data;
  t.same(backward.filter((m: { investor: { country: string } }) => m.investor.country !== 'ID'), [], 'no foreign investor is offered the domestic-only jamu plant');
  const shown = (await inject({ method: 'GET', url: `/v1/opportunities/${jamu}/matches?limit=100&includeIneligible=true` })).json().data;
  t.ok(shown.some((m: { eligibility: { eligible: boolean } }) => !m.eligibility.eligible), 'unless asked, with the reason');
});

t.test('demo facts are valid: regencies inside their provinces, incentive claims that hold', async (t) => {
  const rate = { rate: 16_500, asOf: '2026-12-01' };
  const all = [
    ...DEMO_OPPORTUNITIES.map((o) => ({ ...o, facts: DEMO_OPPORTUNITY_FACTS[o.key] ?? {} })),
    ...DEMO_DECISION_OPPORTUNITIES,
  ];
  for (const key of Object.keys(DEMO_OPPORTUNITY_FACTS)) t.ok(DEMO_OPPORTUNITIES.some((o) => o.key === key), `${key} is a demo opportunity`);
  for (const o of all) {
    if (o.facts.regencyCode) t.equal(regencyByCode.get(o.facts.regencyCode)?.province, o.location.province, `${o.key} regency in province`);
    const project = { ...o, kbliCodes: o.facts.kbliCodes ?? [], incentives: o.facts.incentives ?? [], ...(o.facts.financials && { financials: o.facts.financials }), specialEconomicZone: o.facts.specialEconomicZone };
    t.same(incentiveClaimProblems(project, rate), [], `${o.key} claims hold`);
  }
});
