import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import t from 'tap';
import { bearer, buildTestApp, createKey, type TestApp } from './helpers/app.ts';

const CSV = { 'content-type': 'text/csv' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER = [
  'externalRef', 'title.id', 'title.en', 'summary.id', 'summary.en', 'sector', 'technologies', 'requiredTransferDepth', 'modalities',
  'location.province', 'investmentUsd.min', 'investmentUsd.max', 'sponsor.name', 'sponsor.kind', 'contact.name', 'contact.email', 'contact.phone',
];

/** A valid row; `overrides` by column name. */
function row(ref: string, overrides: Record<string, string> = {}): string[] {
  const values: Record<string, string> = {
    externalRef: ref,
    'title.id': `Pabrik ${ref}`,
    'title.en': `Plant ${ref}`,
    'summary.id': 'Mitra dicari untuk produksi bersama.',
    'summary.en': 'A partner is sought for joint production.',
    sector: 'vaccines',
    technologies: 'cell-culture-vaccine;sterile-fill-finish',
    requiredTransferDepth: 'joint-development',
    modalities: 'joint-venture',
    'location.province': 'ID-JB',
    'investmentUsd.min': '5000000',
    'investmentUsd.max': '25000000',
    'sponsor.name': 'Bio Farma',
    'sponsor.kind': 'state-owned',
    'contact.name': 'Dewi Lestari',
    'contact.email': 'dewi@example.id',
    'contact.phone': '+62 22 555 0101',
    ...overrides,
  };
  return HEADER.map((name) => values[name] ?? '');
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const csvOf = (rows: string[][], header = HEADER) => [header, ...rows].map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';

async function everything(app: TestApp) {
  const found: { id: string; externalRef?: string; status: string; version: number; title: { en: string } }[] = [];
  let cursor: string | undefined;
  do {
    const res = await app.inject({ method: 'GET', url: `/v1/opportunities?status=draft,published,withdrawn,closed&limit=100${cursor ? `&cursor=${cursor}` : ''}` });
    const page = res.json();
    found.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

async function auditCount(app: TestApp): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = (await app.inject({ method: 'GET', url: `/v1/audit?entity=opportunity&limit=100${cursor ? `&cursor=${cursor}` : ''}` })).json();
    count += page.data.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

/** What the database holds, to compare before and after a request that must change nothing. */
const snapshot = async (app: TestApp) => ({ opportunities: await everything(app), audit: await auditCount(app) });

function multipart(field: string, filename: string, type: string, content: Buffer) {
  const boundary = '----peluang-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body };
}

t.test('bulk import through the API', async (t) => {
  const app = await buildTestApp(t);
  const { inject } = app;

  t.test('the CSV and XLSX templates import as they are; the XLSX has drop-down lists', async (t) => {
    const csv = await inject({ method: 'GET', url: '/v1/imports/template.csv' });
    t.equal(csv.statusCode, 200);
    t.match(csv.headers['content-type'], /^text\/csv/);
    const dry = await inject({ method: 'POST', url: '/v1/imports?dryRun=true', headers: CSV, payload: csv.rawPayload });
    t.equal(dry.statusCode, 200);
    t.same(dry.json().counts, { rows: 1, created: 1, updated: 0, unchanged: 0, errors: 0 });

    const xlsx = await inject({ method: 'GET', url: '/v1/imports/template.xlsx' });
    t.equal(xlsx.statusCode, 200);
    t.equal(xlsx.headers['content-type'], XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('opportunities')!;
    const sectorColumn = (sheet.getRow(1).values as string[]).indexOf('sector');
    const validation = sheet.getCell(2, sectorColumn).dataValidation;
    t.equal(validation?.type, 'list', 'sector has a drop-down list');
    t.match(validation?.formulae?.[0], /^lists!/);
    const imported = await inject({ method: 'POST', url: '/v1/imports', ...multipart('file', 'template.xlsx', XLSX, xlsx.rawPayload) });
    t.equal(imported.statusCode, 200);
    t.equal(imported.json().status, 'committed');
    t.equal(imported.json().filename, 'template.xlsx');
    t.same(imported.json().counts, { rows: 1, created: 1, updated: 0, unchanged: 0, errors: 0 });
    const [created] = (await everything(app)).filter((o) => o.id === imported.json().rows[0].opportunityId);
    t.equal(created?.status, 'draft', 'imported rows are drafts');
  });

  t.test('a dry run reports a bad row by row and column, with did-you-mean, and changes nothing', async (t) => {
    const before = await snapshot(app);
    const file = csvOf([
      row('DRY-1'),
      row('DRY-2', { sector: 'vacines', 'location.province': 'Jawa Barat' }),
      row('DRY-3', { 'investmentUsd.min': 'lots', technologies: 'viral-vector;fermentaton' }),
      row('DRY-4', { 'location.province': '35', 'title.en': '' }),
    ]);
    const res = await inject({ method: 'POST', url: '/v1/imports?dryRun=true', headers: CSV, payload: file });
    t.equal(res.statusCode, 200, 'a dry run answers 200 whatever it finds');
    const record = res.json();
    t.equal(record.status, 'invalid');
    t.equal(record.dryRun, true);
    t.same(
      record.rows.map((r: { row: number; action: string }) => [r.row, r.action]),
      [[2, 'create'], [3, 'error'], [4, 'error'], [5, 'error']],
    );
    const at = (rowNumber: number, column: string) => record.errors.find((e: { row: number; column: string }) => e.row === rowNumber && e.column === column);
    t.match(at(3, 'sector'), { code: 'unknown-value', value: 'vacines', suggestion: 'vaccines', message: /did you mean vaccines\?/ });
    t.notOk(at(3, 'location.province'), 'a province by its Indonesian name is fine');
    t.match(at(4, 'investmentUsd.min'), { code: 'not-a-number', value: 'lots' });
    t.match(at(4, 'technologies'), { code: 'unknown-value', suggestion: 'fermentation' }, 'each value of a list is checked');
    t.match(at(5, 'title.en'), { code: 'required' }, 'an empty cell is no value: a new row needs it');
    t.notOk(at(5, 'location.province'), 'a province by its BPS code is fine');
    t.same(await snapshot(app), before, 'nothing changed');

    const again = await inject({ method: 'GET', url: `/v1/imports/${record.id}` });
    t.equal(again.statusCode, 200);
    t.same(again.json(), record, 'the record reads again');
  });

  t.test('a file with an error is 422 import-invalid, changes nothing, and its errors come back as CSV', async (t) => {
    const before = await snapshot(app);
    const file = csvOf([row('BAD-1'), row('BAD-2', { 'contact.email': 'not-an-email' }), row('BAD-3', { 'investmentUsd.min': '90000000' })]);
    const res = await inject({ method: 'POST', url: '/v1/imports', headers: CSV, payload: file });
    t.equal(res.statusCode, 422);
    t.match(res.headers['content-type'], /^application\/problem\+json/);
    const problem = res.json();
    t.equal(problem.code, 'import-invalid');
    t.equal(problem.import.status, 'invalid');
    t.match(problem.import.errors[0], { row: 3, column: 'contact.email', code: 'invalid', value: 'not-an-email' });
    t.match(problem.import.errors[1], { row: 4, column: 'investmentUsd.max', message: /min must not exceed max/ });
    t.equal(problem.import.errors.length, 2);
    t.same(await snapshot(app), before, 'nothing changed, not even the good row');

    const errors = await inject({ method: 'GET', url: `/v1/imports/${problem.import.id}/errors.csv` });
    t.equal(errors.statusCode, 200);
    const lines = errors.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    t.equal(lines.length, 4, 'every row as sent, under the header');
    t.match(lines[0], /,errors$/);
    t.match(lines[2], /contact\.email: /);
    t.notMatch(lines[1], /: /, 'a good row has an empty errors column');
  });

  t.test('a good file imports; importing it again is all unchanged and records nothing', async (t) => {
    const file = csvOf([row('GOOD-1'), row('GOOD-2', { 'location.province': 'Jawa Timur', technologies: 'Sterile fill-finish' }), row('GOOD-3', { 'location.province': '동자바주' })]);
    const first = await inject({ method: 'POST', url: '/v1/imports?mode=upsert', headers: CSV, payload: file });
    t.equal(first.statusCode, 200);
    t.same(first.json().counts, { rows: 3, created: 3, updated: 0, unchanged: 0, errors: 0 });
    const byRef = new Map((await everything(app)).map((o) => [o.externalRef, o]));
    const good2 = (await inject({ method: 'GET', url: `/v1/opportunities/${byRef.get('GOOD-2')!.id}` })).json();
    t.equal(good2.location.province, 'ID-JI', 'a province by its name');
    t.same(good2.technologies, ['sterile-fill-finish'], 'a technology by its name');
    t.equal(good2.contact.phone, '+62 22 555 0101');

    const before = await snapshot(app);
    const again = await inject({ method: 'POST', url: '/v1/imports?mode=upsert', headers: CSV, payload: file });
    t.equal(again.statusCode, 200);
    t.same(again.json().counts, { rows: 3, created: 0, updated: 0, unchanged: 3, errors: 0 });
    t.ok(again.json().rows.every((r: { action: string }) => r.action === 'unchanged'));
    t.same(await snapshot(app), before, 'no version moved, no audit entry written');

    const create = await inject({ method: 'POST', url: '/v1/imports?mode=create', headers: CSV, payload: file });
    t.equal(create.statusCode, 422, 'mode=create refuses references that exist');
    t.match(create.json().import.errors[0], { column: 'externalRef', code: 'external-ref-taken', message: /mode=upsert/ });
  });

  t.test('an upsert updates what changed and never a status; a missing column or empty cell leaves the field', async (t) => {
    const ids = new Map((await everything(app)).map((o) => [o.externalRef, o.id]));
    const published = await inject({ method: 'POST', url: `/v1/opportunities/${ids.get('GOOD-1')}/publish` });
    t.equal(published.statusCode, 200);
    const header = ['externalRef', 'title.en', 'investmentUsd.max', 'contact.phone'];
    const file = csvOf(
      [
        ['GOOD-1', 'Vaccine plant, West Java', '', ''],
        ['GOOD-2', 'Plant GOOD-2', '', ''],
        ['NEW-1', 'Only a title', '', ''],
      ],
      header,
    );
    const res = await inject({ method: 'POST', url: '/v1/imports?mode=upsert', headers: CSV, payload: file });
    t.equal(res.statusCode, 422, 'a new row needs every required column');
    t.match(res.json().import.rows[2].errors, [{ row: 4, code: 'required' }]);

    const fixed = csvOf(
      [
        ['GOOD-1', 'Vaccine plant, West Java', '', ''],
        ['GOOD-2', 'Plant GOOD-2', '', ''],
      ],
      header,
    );
    const ok = await inject({ method: 'POST', url: '/v1/imports?mode=upsert', headers: CSV, payload: fixed });
    t.equal(ok.statusCode, 200);
    t.match(ok.json().rows, [{ action: 'update' }, { action: 'unchanged' }]);
    const good1 = (await inject({ method: 'GET', url: `/v1/opportunities/${ids.get('GOOD-1')}` })).json();
    t.equal(good1.status, 'published', 'the status stays');
    t.equal(good1.title.en, 'Vaccine plant, West Java');
    t.equal(good1.title.id, 'Pabrik GOOD-1', 'a column left out keeps its value');
    t.equal(good1.investmentUsd.max, 25_000_000, 'an empty cell keeps its value');
    t.equal(good1.contact.phone, '+62 22 555 0101');
  });

  t.test('emptyCells=clear: an empty cell removes an optional field; a required one cannot be cleared', async (t) => {
    const id = (await everything(app)).find((o) => o.externalRef === 'GOOD-2')!.id;
    const read = async () => (await inject({ method: 'GET', url: `/v1/opportunities/${id}` })).json();
    const header = ['externalRef', 'title.en', 'contact.phone', 'land.status', 'land.areaHa', 'tkdnTargetPct', 'technologies', 'modalities'];
    const set = await inject({
      method: 'POST',
      url: '/v1/imports?mode=upsert',
      headers: CSV,
      payload: csvOf([['GOOD-2', 'Plant GOOD-2', '+62 22 555 0101', 'hgb', '5', '40', 'sterile-fill-finish', 'joint-venture']], header),
    });
    t.equal(set.statusCode, 200);
    t.match(set.json().rows, [{ action: 'update' }]);
    t.match(await read(), { land: { status: 'hgb', areaHa: 5 }, tkdnTargetPct: 40, contact: { phone: '+62 22 555 0101' } });

    const empties = csvOf([['GOOD-2', 'Plant GOOD-2', '', 'hgb', '', '', '', 'joint-venture']], header);
    const before = await snapshot(app);
    const kept = await inject({ method: 'POST', url: '/v1/imports?mode=upsert&emptyCells=keep', headers: CSV, payload: empties });
    t.equal(kept.statusCode, 200);
    t.match(kept.json().rows, [{ action: 'unchanged' }], 'emptyCells=keep: an empty cell leaves the field');
    const dry = await inject({ method: 'POST', url: '/v1/imports?mode=upsert&emptyCells=clear&dryRun=true', headers: CSV, payload: empties });
    t.equal(dry.statusCode, 200);
    t.match(dry.json().rows, [{ action: 'update', errors: [] }], 'a dry run reports the clearing');
    t.same(await snapshot(app), before, 'keep and a dry run change nothing');

    const cleared = await inject({ method: 'POST', url: '/v1/imports?mode=upsert&emptyCells=clear', headers: CSV, payload: empties });
    t.equal(cleared.statusCode, 200);
    t.same(cleared.json().counts, { rows: 1, created: 0, updated: 1, unchanged: 0, errors: 0 });
    const after = await read();
    t.notOk('phone' in after.contact, 'contact.phone is removed');
    t.notOk('tkdnTargetPct' in after, 'tkdnTargetPct is removed');
    t.same(after.land, { status: 'hgb' }, 'land.areaHa is removed, land.status stays');
    t.same(after.technologies, [], 'an empty list cell empties the list');
    t.equal(after.title.id, 'Pabrik GOOD-2', 'a column left out keeps its value');

    const settled = await snapshot(app);
    const again = await inject({ method: 'POST', url: '/v1/imports?mode=upsert&emptyCells=clear', headers: CSV, payload: empties });
    t.match(again.json().rows, [{ action: 'unchanged' }], 'the same file again is unchanged');
    t.same(await snapshot(app), settled, 'and writes nothing');

    const noLand = await inject({ method: 'POST', url: '/v1/imports?mode=upsert&emptyCells=clear', headers: CSV, payload: csvOf([['GOOD-2', '', '']], ['externalRef', 'land.status', 'land.areaHa']) });
    t.equal(noLand.statusCode, 200, 'every land column empty clears the land, not only its status');
    t.notOk('land' in (await read()));

    const unchangedBefore = await snapshot(app);
    const required = await inject({
      method: 'POST',
      url: '/v1/imports?mode=upsert&emptyCells=clear',
      headers: CSV,
      payload: csvOf([['GOOD-2', 'Plant GOOD-2', '', '']], ['externalRef', 'title.en', 'contact.email', 'modalities']),
    });
    t.equal(required.statusCode, 422);
    t.equal(required.json().code, 'import-invalid');
    const errors = required.json().import.errors as { row: number; column: string; code: string; message: string }[];
    t.same(errors.map((e) => [e.row, e.column, e.code]).sort(), [[2, 'contact.email', 'required'], [2, 'modalities', 'required']]);
    t.match(errors.find((e) => e.column === 'contact.email')?.message, /contact\.email is required and cannot be cleared/);
    t.match(errors.find((e) => e.column === 'modalities')?.message, /modalities is required and cannot be cleared/, 'modalities needs at least one');
    t.ok(required.json().errors.some((e: { field: string }) => e.field === 'row 2.contact.email'), 'the problem names row and column');
    t.same(await snapshot(app), unchangedBefore, 'nothing changed');

    const wrong = await inject({ method: 'POST', url: '/v1/imports?emptyCells=drop', headers: CSV, payload: empties });
    t.equal(wrong.statusCode, 400);
  });

  t.test('JSON rows, lists as arrays; a key of another role is refused', async (t) => {
    const values = Object.fromEntries(HEADER.map((name, i) => [name, row('JSON-1')[i]!]));
    const res = await inject({
      method: 'POST',
      url: '/v1/imports',
      payload: { rows: [{ ...values, technologies: ['fermentation', 'recombinant-protein'], 'investmentUsd.min': 7_000_000 }] },
    });
    t.equal(res.statusCode, 200);
    t.equal(res.json().format, 'json');
    const [created] = (await everything(app)).filter((o) => o.externalRef === 'JSON-1');
    const read = (await inject({ method: 'GET', url: `/v1/opportunities/${created!.id}` })).json();
    t.same(read.technologies, ['fermentation', 'recombinant-protein']);
    t.equal(read.investmentUsd.min, 7_000_000);

    const unknown = await inject({ method: 'POST', url: '/v1/imports?dryRun=true', payload: { rows: [{ externalRef: 'X', 'titel.en': 'typo' }] } });
    t.match(unknown.json().errors[0], { row: 1, column: 'titel.en', code: 'unknown-column', suggestion: 'title.en' });

    const investor = await createKey(app.app, { role: 'embed', allowedOrigins: ['https://example.org'] });
    const refused = await inject({ method: 'POST', url: '/v1/imports', headers: { ...bearer(investor.key), origin: 'https://example.org' }, payload: { rows: [values] } });
    t.equal(refused.statusCode, 403);
  });

  t.test('XLSX: formula cells as their values, never evaluated; Excel dates; CSV with or without BOM', async (t) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('opportunities');
    sheet.addRow([...HEADER, 'land.status', 'land.readyAt']);
    const cells: ExcelJS.CellValue[] = [...row('XLSX-1'), 'hgb', new Date(Date.UTC(2027, 5, 30))];
    cells[HEADER.indexOf('investmentUsd.min')] = { formula: '2*3000000', result: 6_000_000 } as ExcelJS.CellFormulaValue;
    cells[HEADER.indexOf('title.en')] = { formula: 'HYPERLINK("http://evil.example","x")', result: 'Plant by formula' } as ExcelJS.CellFormulaValue;
    sheet.addRow(cells);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await inject({ method: 'POST', url: '/v1/imports', headers: { 'content-type': XLSX }, payload: file });
    t.equal(res.statusCode, 200, res.body);
    const id = res.json().rows[0].opportunityId;
    const read = (await inject({ method: 'GET', url: `/v1/opportunities/${id}` })).json();
    t.equal(read.investmentUsd.min, 6_000_000);
    t.equal(read.title.en, 'Plant by formula');
    t.equal(read.land.readyAt, '2027-06-30');

    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf([row('BOM-1')]))]);
    const bom = await inject({ method: 'POST', url: '/v1/imports?dryRun=true', headers: CSV, payload: withBom });
    t.same(bom.json().counts.errors, 0, 'the BOM is not part of the first column name');
  });

  t.test('bad files are 4xx problems naming the file, and write nothing', async (t) => {
    const before = await snapshot(app);
    const expect = async (name: string, payload: Buffer | string, status: number, code: string, headers: Record<string, string> = CSV) => {
      const res = await inject({ method: 'POST', url: '/v1/imports', headers, payload });
      t.equal(res.statusCode, status, `${name}: ${status}`);
      t.match(res.headers['content-type'], /^application\/problem\+json/, `${name}: a problem document`);
      t.equal(res.json().code, code, `${name}: ${code}`);
      t.match(res.json().errors, [{ field: 'file' }], `${name}: names the file`);
    };
    await expect('binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0xff, 0xfe]), 400, 'not-a-spreadsheet', { 'content-type': 'application/octet-stream' });
    await expect('UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvOf([row('U16')]), 'utf16le')]), 400, 'unsupported-encoding');
    await expect('Latin-1', Buffer.from(csvOf([row('L1', { 'sponsor.name': 'Pabrik Café Ñusantara' })]), 'latin1'), 400, 'unsupported-encoding');
    await expect('10,000 columns', `${HEADER.join(',')}\r\n${'x,'.repeat(10_000)}\r\n`, 400, 'too-many-columns');
    await expect('10,001 rows', csvOf(Array.from({ length: 10_001 }, (_, i) => [`R${i}`]), ['externalRef']), 422, 'too-many-rows');
    await expect('10,001 JSON rows', JSON.stringify({ rows: Array.from({ length: 10_001 }, (_, i) => ({ externalRef: `R${i}` })) }), 422, 'too-many-rows', { 'content-type': 'application/json' });
    await expect('a ZIP that is no workbook', zipOf('hello.txt', Buffer.from('hello')), 400, 'not-a-spreadsheet', { 'content-type': XLSX });
    await expect('a ZIP bomb', await zipBomb(), 400, 'file-too-large-inflated', { 'content-type': XLSX });
    await expect('multipart without a boundary', '{}', 400, 'malformed-multipart', { 'content-type': 'multipart/form-data' });
    await expect('a multipart part cut off', '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc', 400, 'malformed-multipart', {
      'content-type': 'multipart/form-data; boundary=xyz',
    });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    await expect('11 MB as the body', big, 413, 'payload-too-large');
    const res = await inject({ method: 'POST', url: '/v1/imports', ...multipart('file', 'big.csv', 'text/csv', big) });
    t.equal(res.statusCode, 413, '11 MB in a multipart field: 413');
    t.match(res.json(), { code: 'payload-too-large', errors: [{ field: 'file' }] });
    const wrongField = await inject({ method: 'POST', url: '/v1/imports', ...multipart('upload', 'a.csv', 'text/csv', Buffer.from(csvOf([row('W')]))) });
    t.match(wrongField.json(), { status: 400, code: 'file-required' });
    t.same(await snapshot(app), before, 'nothing was written');
    t.ok(process.memoryUsage().heapUsed < 1024 * 1024 * 1024, 'memory stayed bounded');
  });

  t.test('other routes keep their JSON-only bodies', async (t) => {
    const res = await inject({ method: 'POST', url: '/v1/opportunities', ...multipart('file', 'a.csv', 'text/csv', Buffer.from('x')) });
    t.equal(res.statusCode, 415);
  });
});

/** A ZIP with one entry, crc and sizes right, so only its content can be wrong. */
function zipOf(name: string, content: Buffer, entry: { method: number; data: Buffer; size: number; crc: number } = { method: 0, data: content, size: content.length, crc: crc32(content) }): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(entry.method, 8);
  local.writeUInt32LE(entry.crc, 14);
  local.writeUInt32LE(entry.data.length, 18);
  local.writeUInt32LE(entry.size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(entry.method, 10);
  central.writeUInt32LE(entry.crc, 16);
  central.writeUInt32LE(entry.data.length, 20);
  central.writeUInt32LE(entry.size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const localPart = Buffer.concat([local, nameBytes, entry.data]);
  const centralPart = Buffer.concat([central, nameBytes]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}

/** About 200 KB that inflates to 200 MB of zeros, posing as a worksheet; deflated a megabyte at a time. */
async function zipBomb(): Promise<Buffer> {
  const megabyte = Buffer.alloc(1024 * 1024);
  const chunks = 200;
  let crc = 0;
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  for (let i = 0; i < chunks; i += 1) {
    crc = zlib.crc32(megabyte, crc);
    if (!deflate.write(megabyte)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(0), { method: 8, data: Buffer.concat(parts), size: chunks * megabyte.length, crc: crc >>> 0 });
}

const crc32 = (data: Buffer) => zlib.crc32(data) >>> 0;
