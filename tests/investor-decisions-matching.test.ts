import fc from 'fast-check';
import t from 'tap';
import { SYSTEM_ACTOR } from '../src/domain/access.ts';
import { eligibilityOf, isEligible } from '../src/domain/eligibility.ts';
import { OWNERSHIP_INTENTS } from '../src/domain/investment-facts.ts';
import { KBLI_CODES } from '../src/domain/reference/kbli.ts';
import { buildTestApp } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

t.test('the quick eligibility check a ranking uses agrees with the full decision', async (t) => {
  const pair = fc.record({
    country: fc.constantFrom('ID', 'KR', 'JP', 'CN', 'DE', ''),
    ownershipIntent: fc.constantFrom(null, undefined, ...OWNERSHIP_INTENTS),
    kbliCodes: fc.option(fc.array(fc.constantFrom(...KBLI_CODES, '99999'), { maxLength: 4 }), { nil: undefined }),
  });
  fc.assert(fc.property(pair, ({ kbliCodes, ...investor }) => isEligible(investor, { kbliCodes }) === eligibilityOf(investor, { kbliCodes }).eligible));
  t.pass('agrees on every generated pair');
});

const { app, inject } = await buildTestApp(t, undefined, { USD_IDR_RATE: 16_000, USD_IDR_RATE_DATE: '2026-11-30' });

async function published(overrides: object): Promise<string> {
  const created = await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody(overrides) });
  if (created.statusCode !== 201) throw new Error(created.body);
  await inject({ method: 'POST', url: `/v1/opportunities/${created.json().id}/publish` });
  return created.json().id;
}
const investor = async (overrides: object): Promise<string> =>
  (await inject({ method: 'POST', url: '/v1/investors', payload: investorBody(overrides) })).json().id;

const drugs = { sector: 'finished-drugs', technologies: [], kbliCodes: ['21012'], investmentUsd: { min: 10_000_000, max: 30_000_000 } };
const jamu = await published({ sector: 'traditional-medicine', technologies: [], kbliCodes: ['21022'], location: { province: 'ID-JT' } });
const sidoarjo = await published({ ...drugs, location: { province: 'ID-JI', regencyCode: '35.15' } });
const banyuwangi = await published({ ...drugs, location: { province: 'ID-JI', regencyCode: '35.10' } });
const eastJava = await published({ ...drugs, location: { province: 'ID-JI' } });
const pharmaInterest = { sectors: ['pharmaceuticals'], technologies: [], maxTransferDepth: null, modalities: [], preferredProvinces: [], ticketUsd: null };
const foreignMajority = await investor({ ...pharmaInterest, country: 'KR', ownershipIntent: 'majority', preferredRegencies: ['35.78'] });
const domestic = await investor({ ...pharmaInterest, country: 'ID', companyName: 'PT Jamu Nusantara', preferredProvinces: ['ID-JT'] });

const matchesOf = async (url: string) => {
  const res = await inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().data as Record<string, any>[];
};

t.test('a foreign investor wanting majority never sees a domestic-only opportunity, in either direction or the preview', async (t) => {
  const forward = await matchesOf(`/v1/investors/${foreignMajority}/matches?limit=100`);
  t.notOk(forward.some((m) => m.opportunityId === jamu), 'left out of its matches');
  t.ok(forward.every((m) => m.eligibility.eligible && m.eligibility.reasons.length === 0));
  const shown = await matchesOf(`/v1/investors/${foreignMajority}/matches?limit=100&includeIneligible=true`);
  const pair = shown.find((m) => m.opportunityId === jamu)!;
  t.equal(pair.eligibility.eligible, false, 'shown when asked, marked');
  t.match(pair.eligibility.reasons, [{ code: 'domestic-capital-only', kbli: '21022', capPct: 0, source: /Perpres 10\/2021/, text: /domestic capital/ }]);

  const backward = await matchesOf(`/v1/opportunities/${jamu}/matches?limit=100`);
  t.same(backward.map((m) => m.investorId), [domestic], 'only the domestic investor');
  const backwardAll = await matchesOf(`/v1/opportunities/${jamu}/matches?limit=100&includeIneligible=true`);
  t.ok(backwardAll.some((m) => m.investorId === foreignMajority && m.eligibility.eligible === false));
  t.equal(backwardAll.find((m) => m.investorId === foreignMajority)!.score, pair.score, 'same score both ways');

  const profile = { country: 'JP', sectors: ['traditional-medicine'], ownershipIntent: 'majority' };
  const preview = await inject({ method: 'POST', url: '/v1/matches/preview', payload: { profile, limit: 100 } });
  t.notOk(preview.json().data.some((m: { opportunityId: string }) => m.opportunityId === jamu), 'left out of the preview');
  const previewAll = await inject({ method: 'POST', url: '/v1/matches/preview', payload: { profile, limit: 100, includeIneligible: true }, headers: { 'accept-language': 'ko' } });
  const previewPair = previewAll.json().data.find((m: { opportunityId: string }) => m.opportunityId === jamu);
  t.equal(previewPair.eligibility.eligible, false);
  t.match(previewPair.eligibility.reasons[0].text, /내국인 투자 전용/, 'reason in the caller language');
  const bad = await inject({ method: 'GET', url: `/v1/investors/${foreignMajority}/matches?includeIneligible=maybe` });
  t.equal(bad.statusCode, 400);
});

t.test('the eligibility predicate others call', async (t) => {
  t.equal(eligibilityOf({ country: 'KR', ownershipIntent: 'minority' }, { kbliCodes: ['21022'] }).eligible, false, 'no foreign equity at all');
  t.equal(eligibilityOf({ country: 'ID', ownershipIntent: 'full' }, { kbliCodes: ['21022'] }).eligible, true, 'domestic capital may');
  t.equal(eligibilityOf({ country: 'KR', ownershipIntent: 'full' }, { kbliCodes: ['21012', '26602'] }).eligible, true, 'open activities');
  t.equal(eligibilityOf({ country: 'KR', ownershipIntent: 'full' }, { kbliCodes: ['21021'] }).eligible, true, 'an unverified cap never excludes');
  t.equal(eligibilityOf({ country: 'KR' }, {}).eligible, true, 'no KBLI, nothing to check');
});

t.test('near a preferred regency beats somewhere in its province, in the location factor', async (t) => {
  const matches = await matchesOf(`/v1/investors/${foreignMajority}/matches?limit=100`);
  const location = (id: string) => matches.find((m) => m.opportunityId === id)!.factors.find((f: { factor: string }) => f.factor === 'location');
  const near = location(sidoarjo);
  const far = location(banyuwangi);
  const somewhere = location(eastJava);
  t.ok(near.score > somewhere.score, `Sidoarjo ${near.score} > East Java ${somewhere.score}`);
  t.ok(near.score > far.score, `Sidoarjo ${near.score} > Banyuwangi ${far.score}`);
  t.ok(far.score >= somewhere.score);
  t.match(near.reason, { code: 'location-regency', params: { regency: 'Kabupaten Sidoarjo', nearest: 'Kota Surabaya' } });
  t.match(near.text, /Kabupaten Sidoarjo is about \d+ km from the preferred Kota Surabaya/);
  t.match(somewhere.reason, { code: 'location-regency-unknown' });
  const backward = await matchesOf(`/v1/opportunities/${sidoarjo}/matches?limit=100`);
  t.equal(backward.find((m) => m.investorId === foreignMajority)!.score, matches.find((m) => m.opportunityId === sidoarjo)!.score, 'both directions agree');
  const model = (await app.inject({ method: 'GET', url: '/v1/matching/model' })).json();
  t.same(model.regencyLocation.constants, { provinceScore: 0.8, scaleKm: 50 });
});

t.test('regulatory badges cite their rule and never change the score', async (t) => {
  const xray = { sector: 'electromedical-imaging', technologies: [], kbliCodes: ['26601'], location: { province: 'ID-BT' } };
  const big = await published({ ...xray, investmentUsd: { min: 8_000_000, max: 20_000_000 }, land: { status: 'in-acquisition' }, tkdnTargetPct: 35 });
  const same = await published({ ...xray, investmentUsd: { min: 8_000_000, max: 20_000_000 }, land: { status: 'hgb' } });
  const small = await published({ ...xray, investmentUsd: { min: 200_000, max: 500_000 } });
  const buyer = await investor({ country: 'JP', sectors: ['electromedical-imaging'], technologies: [], maxTransferDepth: null, modalities: [], preferredProvinces: [], ticketUsd: null });
  const matches = await matchesOf(`/v1/investors/${buyer}/matches?limit=100`);
  const of = (id: string) => matches.find((m) => m.opportunityId === id)!;
  const badge = (id: string, code: string) => of(id).ruleBadges.find((b: { code: string }) => b.code === code);

  t.match(badge(big, 'tax-holiday'), { severity: 'info', source: 'PMK 130/2020', params: { tier: 1, reductionPct: 50, years: 5, kbli: '26601' }, text: /tier 1.*8 October 2024/ });
  t.match(badge(big, 'land-not-ready'), { severity: 'warning', text: /still being acquired/ });
  t.match(badge(big, 'tkdn-target'), { source: 'Permenperin 31/2022', text: /35%.*40%/ });
  t.notOk(badge(small, 'tax-holiday'), 'below IDR 100 bn');
  t.match(badge(small, 'pma-minimum'), { severity: 'warning', source: 'BKPM Regulation 5/2025', params: { minimumIdr: 10_000_000_000 }, text: /Below the PMA minimum/ });
  t.notOk(badge(big, 'pma-minimum'));
  t.equal(of(big).score, of(same).score, 'land and TKDN badges leave the score alone');
  const zh = await inject({ method: 'GET', url: `/v1/investors/${buyer}/matches?limit=100`, headers: { 'accept-language': 'id' } });
  t.match(zh.json().data.find((m: { opportunityId: string }) => m.opportunityId === small).ruleBadges[0].text, /Di bawah batas minimum PMA/);
  const model = (await app.inject({ method: 'GET', url: '/v1/matching/model' })).json();
  t.ok(model.ruleBadges.every((b: { description: { en: string } }) => /never part of the score/.test(b.description.en)), 'the model says so');
});

t.test('a pair that cannot legally happen gets no interest and no match alert', async (t) => {
  const interest = (investorId: string) =>
    inject({
      method: 'POST',
      url: '/v1/interests',
      payload: { opportunityId: jamu, investorId, message: 'We would like to talk.', modalities: [], contact: { name: 'Kim', email: 'kim@example.com' } },
    });
  const refused = await interest(foreignMajority);
  t.equal(refused.statusCode, 409);
  t.match(refused.json(), { code: 'not-eligible', errors: [{ field: 'opportunityId' }] });
  t.match(refused.json().detail, /21022/, 'says which rule');
  t.equal((await interest(domestic)).statusCode, 201, 'a domestic investor may');

  const opportunity = await app.services.opportunities.get(jamu, SYSTEM_ACTOR);
  const alerted = app.services.matching.investorsScoring(opportunity, 0, new Set([foreignMajority, domestic]), 'en');
  t.same(alerted.map((pair) => pair.investorId), [domestic], 'alerts go to eligible investors only');
});
