import t from 'tap';
import { buildTestApp } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

const RATE = { USD_IDR_RATE: 16_000, USD_IDR_RATE_DATE: '2026-11-30' };
const { app, inject } = await buildTestApp(t, undefined, RATE);

const create = (body: object) => inject({ method: 'POST', url: '/v1/opportunities', payload: body });
const publish = async (id: string) => (await inject({ method: 'POST', url: `/v1/opportunities/${id}/publish` })).statusCode;

t.test('an opportunity carries every investor-decision field', async (t) => {
  const res = await create(
    opportunityBody({
      sector: 'active-pharmaceutical-ingredients',
      kbliCodes: ['21011'],
      location: { province: 'ID-JI', regencyCode: '35.15', regency: 'Sidoarjo' },
      investmentUsd: { min: 20_000_000, max: 60_000_000 },
      land: { status: 'hgb', areaHa: 12.5, industrialEstate: 'SIER Berbek', readyAt: '2027-03-31' },
      financials: { projectValueUsd: 45_000_000, irrPct: 14.2, npvUsd: 12_000_000, paybackYears: 6.5, preFeasibilityStudy: true },
      incentives: ['tax-holiday', 'rnd-super-deduction'],
      tkdnTargetPct: 45,
      halal: { relevance: 'required', category: 'prescription-drugs' },
      localGovernmentContact: { office: 'DPMPTSP Kabupaten Sidoarjo', email: 'dpmptsp@sidoarjo.example.id' },
    }),
  );
  t.equal(res.statusCode, 201, res.body);
  const body = res.json();
  t.same(body.kbliCodes, ['21011']);
  t.match(body.location, { regencyCode: '35.15', regencyName: 'Kabupaten Sidoarjo', regency: 'Sidoarjo' });
  t.same(body.land, { status: 'hgb', areaHa: 12.5, industrialEstate: 'SIER Berbek', readyAt: '2027-03-31' });
  t.equal(body.financials.projectValueIdr, 45_000_000 * 16_000, 'rupiah at the configured rate');
  t.same(body.financials.usdIdrRate, { rate: 16_000, asOf: '2026-11-30' });
  t.same(body.licensing, { riskLevel: 'unknown', certificates: ['pharmaceutical-production-certificate', 'cpob', 'marketing-authorisation'], basis: 'kbli' }, 'licensing defaults from the KBLI');
  t.equal(body.halal.deadline, '2034-10-17', "the category's halal deadline");
  t.equal(body.tkdnTargetPct, 45);
  t.same(body.incentives, ['tax-holiday', 'rnd-super-deduction']);

  const override = await inject({
    method: 'PATCH',
    url: `/v1/opportunities/${body.id}`,
    payload: { licensing: { riskLevel: 'high', note: 'Sterile API line: treated as high risk by the sponsor' } },
  });
  t.equal(override.statusCode, 200, override.body);
  t.same(override.json().licensing, {
    riskLevel: 'high',
    certificates: ['pharmaceutical-production-certificate', 'cpob', 'marketing-authorisation'],
    basis: 'stated',
    note: 'Sterile API line: treated as high risk by the sponsor',
  });
  const read = await app.inject({ method: 'GET', url: `/v1/opportunities/${body.id}` });
  t.equal(read.statusCode, 404, 'still a draft');
  t.equal(await publish(body.id), 200);
  t.equal((await app.inject({ method: 'GET', url: `/v1/opportunities/${body.id}` })).json().licensing.basis, 'stated', 'kept');
});

t.test('bad facts are 4xx problems naming the field, and nothing is written', async (t) => {
  const cases: [object, number, string][] = [
    [{ kbliCodes: ['12345'] }, 400, 'kbliCodes.0'],
    [{ location: { province: 'ID-JB', regencyCode: '35.78' } }, 400, 'location.regencyCode'],
    [{ location: { province: 'ID-JI', regencyCode: '35.99' } }, 400, 'location.regencyCode'],
    [{ land: { status: 'freehold' } }, 400, 'land.status'],
    [{ licensing: { riskLevel: 'high' } }, 400, 'licensing.note'],
    [{ tkdnTargetPct: 140 }, 400, 'tkdnTargetPct'],
    [{ financials: {} }, 400, 'financials'],
    [{ kbliCodes: ['21012'], incentives: ['tax-holiday'] }, 422, 'incentives.0'],
    [{ kbliCodes: ['26602'], investmentUsd: { min: 1_000_000, max: 5_000_000 }, incentives: ['tax-holiday'] }, 422, 'incentives.0'],
    [{ incentives: ['rnd-super-deduction', 'kek-facilities'] }, 422, 'incentives.1'],
  ];
  const before = (await inject({ method: 'GET', url: '/v1/opportunities?status=draft,published&limit=100' })).json().data.length;
  for (const [overrides, status, field] of cases) {
    const res = await create(opportunityBody(overrides));
    t.equal(res.statusCode, status, JSON.stringify(overrides));
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    t.ok(res.json().errors?.some((e: { field: string }) => e.field === field) ?? res.json().field === field, `names ${field}: ${res.body}`);
  }
  const after = (await inject({ method: 'GET', url: '/v1/opportunities?status=draft,published&limit=100' })).json().data.length;
  t.equal(after, before, 'no half-written record');
  const zone = await create(opportunityBody({ location: { province: 'ID-BA', specialEconomicZone: 'kek-sanur' }, incentives: ['kek-facilities'] }));
  t.equal(zone.statusCode, 201, 'a zone makes the facilities claim valid');
});

t.test('search filters by KBLI, land status and incentive', async (t) => {
  const ids: Record<string, string> = {};
  for (const [name, overrides] of Object.entries({
    gloves: { sector: 'medical-consumables', kbliCodes: ['22194'], land: { status: 'lease' } },
    xray: { sector: 'electromedical-imaging', kbliCodes: ['26601'], land: { status: 'in-acquisition' }, investmentUsd: { min: 30_000_000, max: 90_000_000 }, incentives: ['tax-holiday'] },
    plain: {},
  } as Record<string, object>)) {
    const created = await create(opportunityBody(overrides));
    t.equal(created.statusCode, 201, created.body);
    ids[name] = created.json().id;
    t.equal(await publish(ids[name]!), 200);
  }
  const found = async (query: string) => (await app.inject({ method: 'GET', url: `/v1/opportunities?${query}&limit=100` })).json().data.map((o: { id: string }) => o.id);
  t.same(await found('kbli=22194'), [ids.gloves]);
  t.same((await found('kbli=26601,22194')).sort(), [ids.gloves, ids.xray].sort());
  t.same(await found('landStatus=in-acquisition'), [ids.xray]);
  t.same(await found('incentive=tax-holiday&landStatus=in-acquisition,lease'), [ids.xray]);
  t.same(await found('kbli=21022'), []);
  const bad = await app.inject({ method: 'GET', url: '/v1/opportunities?landStatus=owned' });
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().errors[0].field, 'landStatus.0');
});

t.test('an investor states ownership intent, certifications, halal capability and regencies; its ticket shows in rupiah', async (t) => {
  const res = await inject({
    method: 'POST',
    url: '/v1/investors',
    payload: investorBody({ ownershipIntent: 'majority', certifications: ['pic-s-gmp', 'iso-13485'], halalCapable: true, preferredRegencies: ['35.78', '35.15'] }),
  });
  t.equal(res.statusCode, 201, res.body);
  t.match(res.json(), {
    ownershipIntent: 'majority',
    certifications: ['pic-s-gmp', 'iso-13485'],
    halalCapable: true,
    preferredRegencies: ['35.78', '35.15'],
    ticketIdr: { min: 5_000_000 * 16_000, max: 50_000_000 * 16_000, usdIdrRate: { rate: 16_000, asOf: '2026-11-30' } },
  });
  const plain = (await inject({ method: 'POST', url: '/v1/investors', payload: investorBody({ ticketUsd: null }) })).json();
  t.match(plain, { ownershipIntent: null, certifications: [], halalCapable: null, preferredRegencies: [], ticketIdr: null }, 'all optional');
  const cleared = await inject({ method: 'PATCH', url: `/v1/investors/${res.json().id}`, payload: { ownershipIntent: null, preferredRegencies: [] } });
  t.match(cleared.json(), { ownershipIntent: null, preferredRegencies: [] });
  for (const [payload, field] of [
    [{ ownershipIntent: 'controlling' }, 'ownershipIntent'],
    [{ preferredRegencies: ['35.99'] }, 'preferredRegencies.0'],
    [{ certifications: ['iso-13485', 'iso-13485'] }, 'certifications'],
  ] as const) {
    const bad = await inject({ method: 'POST', url: '/v1/investors', payload: investorBody(payload as object) });
    t.equal(bad.statusCode, 400, JSON.stringify(payload));
    t.equal(bad.json().errors[0].field, field);
  }
});
