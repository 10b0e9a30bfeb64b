import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import t from 'tap';
import { buildTestApp } from './helpers/app.ts';
import { investorBody } from './helpers/fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROWS = 1_200;

function rowOf(i: number) {
  return {
    externalRef: `EXP-${String(i).padStart(5, '0')}`,
    'title.id': `Pabrik vaksin ${i}`,
    // Text a spreadsheet would run as a formula, and a phone number starting with +.
    'title.en': i % 100 === 0 ? `=HYPERLINK("http://evil.example","plant ${i}")` : `Vaccine plant ${i}`,
    'summary.id': 'Mitra dicari.',
    'summary.en': i % 2 ? '@risk: a partner is sought.' : 'A partner is sought.',
    sector: i % 3 ? 'vaccines' : 'medical-consumables',
    technologies: ['cell-culture-vaccine'],
    requiredTransferDepth: 'licensing',
    modalities: ['joint-venture', 'licensing'],
    'location.province': i % 2 ? 'ID-JB' : 'ID-JI',
    'investmentUsd.min': 1_000_000 + i,
    'investmentUsd.max': 50_000_000,
    'sponsor.name': 'Bio Farma',
    'sponsor.kind': 'state-owned',
    'contact.name': 'Dewi Lestari',
    'contact.email': 'dewi@example.id',
    'contact.phone': '+62 22 555 0101',
  };
}

const parseCsv = (body: string) => parse(body, { bom: true }) as string[][];

async function parseXlsx(payload: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

t.test('exports through the API', async (t) => {
  const app = await buildTestApp(t);
  const { inject } = app;
  const imported = await inject({ method: 'POST', url: '/v1/imports', payload: { rows: Array.from({ length: ROWS }, (_, i) => rowOf(i)) } });
  t.equal(imported.statusCode, 200, 'the rows to export are there');
  t.equal(imported.json().counts.created, ROWS);

  t.test('CSV over every page, names in the caller\'s language, formula text guarded', async (t) => {
    const res = await inject({ method: 'GET', url: '/v1/opportunities?status=draft', headers: { accept: 'text/csv', 'accept-language': 'id' } });
    t.equal(res.statusCode, 200);
    t.match(res.headers['content-type'], /^text\/csv/);
    t.match(res.headers.vary, /Accept/);
    const [header, ...rows] = parseCsv(res.body);
    t.equal(rows.length, ROWS, 'every row, not one page');
    const col = (name: string) => header!.indexOf(name);
    t.ok(col('id') >= 0 && col('externalRef') >= 0 && col('location.province') >= 0);
    const sample = rows.find((r) => r[col('externalRef')] === 'EXP-00001')!;
    t.equal(sample[col('provinceName')], 'Jawa Barat', 'province name in Indonesian');
    t.equal(sample[col('sectorName')], 'Vaksin');
    t.equal(sample[col('contact.phone')], "'+62 22 555 0101", 'a cell starting with + is guarded');
    t.equal(sample[col('summary.en')], "'@risk: a partner is sought.");
    const formula = rows.find((r) => r[col('externalRef')] === 'EXP-00100')!;
    t.equal(formula[col('title.en')], `'=HYPERLINK("http://evil.example","plant 100")`);

    const filtered = parseCsv((await inject({ method: 'GET', url: '/v1/opportunities?status=draft&sector=vaccines&format=csv' })).body);
    t.equal(filtered.length - 1, Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 3).length, 'the same filters as the JSON search');

    const anonymous = await app.app.inject({ method: 'GET', url: '/v1/opportunities?format=csv' });
    t.equal(parseCsv(anonymous.body).length, 1, 'without a key: published ones only (none yet), just the header');
    const refused = await app.app.inject({ method: 'GET', url: '/v1/opportunities?status=draft&format=csv' });
    t.equal(refused.statusCode, 403, 'a refused query is a problem, not a broken file');
    t.match(refused.headers['content-type'], /^application\/problem\+json/);
  });

  t.test('export then re-import is unchanged, for CSV and XLSX', async (t) => {
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await inject({ method: 'GET', url: `/v1/opportunities?status=draft&format=${format}` });
      t.equal(exported.statusCode, 200);
      const back = await inject({ method: 'POST', url: '/v1/imports?mode=upsert', headers: { 'content-type': format === 'csv' ? 'text/csv' : XLSX }, payload: exported.rawPayload });
      t.equal(back.statusCode, 200, `${format}: ${back.body.slice(0, 300)}`);
      t.same(back.json().counts, { rows: ROWS, created: 0, updated: 0, unchanged: ROWS, errors: 0 }, `${format}: all unchanged`);
    }
    const read = await inject({ method: 'GET', url: `/v1/opportunities/${imported.json().rows[100].opportunityId}` });
    t.equal(read.json().title.en, `=HYPERLINK("http://evil.example","plant 100")`, 'the guard never reaches the data');
    t.equal(read.json().version, 1, 'nothing was rewritten');
  });

  t.test('XLSX cells are typed: numbers as numbers, formula-like text as plain text', async (t) => {
    const res = await inject({ method: 'GET', url: '/v1/opportunities?status=draft', headers: { accept: XLSX } });
    t.equal(res.headers['content-type'], XLSX);
    const sheet = await parseXlsx(res.rawPayload);
    t.equal(sheet.actualRowCount, ROWS + 1);
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const ref = header.indexOf('externalRef') + 1;
    let formulaRow: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(ref).value === 'EXP-00100') formulaRow = row;
    });
    t.equal(formulaRow!.getCell(header.indexOf('title.en') + 1).type, ExcelJS.ValueType.String);
    t.equal(formulaRow!.getCell(header.indexOf('investmentUsd.min') + 1).value, 1_000_100);
  });

  t.test("an investor's matches as CSV and XLSX, every page, reasons in the caller's language", async (t) => {
    const ids = imported.json().rows.slice(0, 110).map((r: { opportunityId: string }) => r.opportunityId);
    for (const id of ids) await inject({ method: 'POST', url: `/v1/opportunities/${id}/publish` });
    const investor = (await inject({ method: 'POST', url: '/v1/investors', payload: investorBody({ sectors: ['vaccines'], technologies: ['cell-culture-vaccine'] }) })).json();

    const json: { score: number; opportunity: { id: string }; factors: { factor: string; text: string }[] }[] = [];
    let cursor: string | undefined;
    do {
      const page = (await inject({ method: 'GET', url: `/v1/investors/${investor.id}/matches?limit=100${cursor ? `&cursor=${cursor}` : ''}`, headers: { 'accept-language': 'ko' } })).json();
      json.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    t.ok(json.length > 100, 'more than one page of matches');

    const csv = await inject({ method: 'GET', url: `/v1/investors/${investor.id}/matches`, headers: { accept: 'text/csv', 'accept-language': 'ko' } });
    t.equal(csv.statusCode, 200);
    const [header, ...rows] = parseCsv(csv.body);
    t.equal(rows.length, json.length, 'every match');
    t.same(rows.map((r) => r[header!.indexOf('opportunityId')]), json.map((m) => m.opportunity.id), 'in rank order');
    t.equal(Number(rows[0]![header!.indexOf('score')]), json[0]!.score);
    t.equal(rows[0]![header!.indexOf('sector.reason')], json[0]!.factors.find((f) => f.factor === 'sector')!.text, 'the reason in Korean, as in JSON');
    t.equal(rows[0]![header!.indexOf('provinceName')], rows[0]![header!.indexOf('province')] === 'ID-JB' ? '서자바주' : '동자바주');

    const xlsx = await inject({ method: 'GET', url: `/v1/investors/${investor.id}/matches?format=xlsx` });
    t.equal(xlsx.headers['content-type'], XLSX);
    const sheet = await parseXlsx(xlsx.rawPayload);
    t.equal(sheet.actualRowCount, json.length + 1);
    t.equal(sheet.getRow(2).getCell(1).value, 1, 'rank 1 first');
  });
});
