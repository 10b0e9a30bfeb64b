import t from 'tap';
import { buildTestApp } from './helpers/app.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Reference data needs no rows: one app serves every test here.
const { app } = await buildTestApp(t);

t.test('KBLI rows carry caps, licensing and tax-holiday flags with their sources', async (t) => {
  const list = await app.inject({ method: 'GET', url: '/v1/kbli', headers: { 'accept-language': 'ja' } });
  t.equal(list.statusCode, 200);
  t.equal(list.headers['cache-control'], 'public, max-age=3600');
  const rows = list.json().data as Record<string, any>[];
  t.same(
    rows.map((r) => r.code),
    ['21011', '21012', '21015', '21021', '21022', '22194', '23124', '26601', '26602', '32501', '32502', '32509'],
    'every KBLI code of the sector taxonomy',
  );
  for (const row of rows) {
    t.match(row.asOf, ISO_DATE, `${row.code} has asOf`);
    t.ok(row.source && row.foreignEquity.source && row.ossRisk.source && row.taxHoliday.source, `${row.code} cites its sources`);
    t.same(Object.keys(row.titles).sort(), ['en', 'id', 'ja', 'ko', 'zh'], `${row.code} is titled in five languages`);
    t.equal(row.title, row.titles.ja, 'the title follows Accept-Language');
    t.equal(row.ossRiskLevel, 'unknown', 'risk levels under PP 28/2025 are not verified');
  }
  const byCode = new Map(rows.map((r) => [r.code, r]));
  t.equal(byCode.get('21022')!.foreignEquityCapPct, 0, 'traditional-medicine products are domestic only');
  t.equal(byCode.get('21021')!.foreignEquityCapPct, 'unknown', '21021 is unverified');
  t.equal(byCode.get('21012')!.foreignEquityCapPct, 100);
  t.same(rows.filter((r) => r.taxHolidayPioneer).map((r) => r.code), ['21011', '26601', '26602']);
  t.same(byCode.get('26602')!.licensingAuthorities.map((a: { code: string }) => a.code), ['ministry-of-health'], 'devices: Ministry of Health');
  t.same(byCode.get('21012')!.licensingAuthorities.map((a: { code: string }) => a.code), ['bpom', 'ministry-of-health'], 'drugs: BPOM and Ministry of Health');
  t.ok(byCode.get('21012')!.certificates.some((c: { code: string }) => c.code === 'cpob'));
  t.ok(byCode.get('26602')!.certificates.some((c: { code: string }) => c.code === 'cpakb'));
  t.same(byCode.get('26602')!.sectors, ['electromedical-imaging']);

  const one = await app.inject({ method: 'GET', url: '/v1/kbli/21011', headers: { 'accept-language': 'id' } });
  t.equal(one.statusCode, 200);
  t.equal(one.json().title, 'Industri Bahan Farmasi untuk Manusia', 'the official Indonesian title');
  const unknown = await app.inject({ method: 'GET', url: '/v1/kbli/99999' });
  t.equal(unknown.statusCode, 404);
  t.match(unknown.headers['content-type'], /^application\/problem\+json/);
  const malformed = await app.inject({ method: 'GET', url: '/v1/kbli/21O11' });
  t.equal(malformed.statusCode, 400);
  t.equal(malformed.json().errors[0].field, 'code');
});

t.test('incentives, halal obligations and TKDN regimes', async (t) => {
  const incentives = (await app.inject({ method: 'GET', url: '/v1/incentives', headers: { 'accept-language': 'zh' } })).json().data as Record<string, any>[];
  t.same(incentives.map((i) => i.legalBasis), ['PMK 130/2020', 'PP 78/2019', 'PMK 153/2020', 'PP 40/2021']);
  const holiday = incentives[0]!;
  t.equal(holiday.tiers.length, 6);
  t.equal(holiday.tiers[0].minIdr, 100_000_000_000, 'at least IDR 100 bn');
  t.match(holiday.caveat, /8 October 2024/, 'the closed window is stated');
  t.equal(incentives[1]!.termsVerified, false, 'tax-allowance terms are unverified');
  for (const i of incentives) t.match(i.asOf, ISO_DATE);

  const halal = (await app.inject({ method: 'GET', url: '/v1/halal-obligations' })).json();
  const deadlines = Object.fromEntries(halal.data.map((o: { category: string; deadline: string | null }) => [o.category, o.deadline]));
  t.equal(deadlines['traditional-medicine-supplements'], '2026-10-17');
  t.equal(deadlines['biological-products'], '2039-10-17');
  t.equal(deadlines['medical-devices-class-b'], '2029', 'device deadlines are known to the year');
  t.equal(deadlines['narcotics-psychotropics'], null, 'exempt');
  t.ok(halal.data.every((o: { datesAfterPp42of2024: string }) => o.datesAfterPp42of2024 === 'unknown'), 'PP 42/2024 effect is unknown');
  t.match(halal.data.find((o: { category: string }) => o.category === 'medical-devices-class-a').appliesTo, /animal/);

  const tkdn = (await app.inject({ method: 'GET', url: '/v1/tkdn-regimes', headers: { 'accept-language': 'ko' } })).json().data;
  t.same(tkdn.map((r: { legalBasis: string }) => r.legalBasis), ['Permenperin 16/2020', 'Permenperin 31/2022']);
  t.same(tkdn[1].componentWeightsPct, { directMaterial: 80, directLabour: 10, factoryOverhead: 10 });
  t.equal(tkdn[0].procurementPriorityPct, 40);
  t.equal(tkdn[0].name, tkdn[0].names.ko);
});

t.test('regencies: all 514, by province, paged', async (t) => {
  const codes: string[] = [];
  let cursor: string | null = null;
  let kota = 0;
  do {
    const url: string = `/v1/regencies?limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await app.inject({ method: 'GET', url })).json();
    for (const r of page.data) {
      codes.push(r.code);
      if (r.type === 'kota') kota++;
    }
    cursor = page.nextCursor;
  } while (cursor);
  t.equal(codes.length, 514, 'every regency and city, each once');
  t.equal(new Set(codes).size, 514);
  t.equal(kota, 98, '98 cities and 416 regencies');
  t.same([...codes].sort(), codes, 'in code order');

  const papua = (await app.inject({ method: 'GET', url: '/v1/regencies?province=ID-PE&limit=100' })).json();
  t.ok(papua.data.length > 0 && papua.data.every((r: { code: string; province: string }) => r.code.startsWith('95.') && r.province === 'ID-PE'), 'Kemendagri 95 is Papua Pegunungan');
  const east = (await app.inject({ method: 'GET', url: '/v1/regencies?province=ID-JI&limit=100' })).json();
  const surabaya = east.data.find((r: { code: string }) => r.code === '35.78');
  t.match(surabaya, { name: 'Kota Surabaya', type: 'kota', province: 'ID-JI', source: /Kepmendagri 300\.2\.2-2138\/2025/ });
  t.ok(Math.abs(surabaya.coordinate.lat + 7.27) < 0.1 && Math.abs(surabaya.coordinate.lon - 112.72) < 0.1, 'Surabaya is where it is');
  t.equal(east.nextCursor, null);

  for (const bad of ['/v1/regencies?cursor=bm9wZQ', '/v1/regencies?province=ID-XX', '/v1/regencies?limit=0']) {
    const res = await app.inject({ method: 'GET', url: bad });
    t.equal(res.statusCode, 400, bad);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
  }
});
