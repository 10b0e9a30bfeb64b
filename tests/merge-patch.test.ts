import t from 'tap';
import { buildTestApp } from './helpers/app.ts';
import { opportunityBody } from './helpers/fixtures.ts';

const MERGE_PATCH = { 'content-type': 'application/merge-patch+json' };

t.test('PATCH as application/merge-patch+json (RFC 7396)', async (t) => {
  const { inject, database } = await buildTestApp(t);
  const create = async (overrides = {}) =>
    (await inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody(overrides) })).json() as { id: string; version: number; title: Record<string, string> };
  const patch = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    inject({ method: 'PATCH', url: `/v1/opportunities/${id}`, payload: JSON.stringify(body), headers: { ...MERGE_PATCH, ...headers } });

  t.test('a Korean title is added without resending the others', async (t) => {
    const created = await create();
    const response = await patch(created.id, { title: { ko: '동부 자바 혈액백 공장' } });
    t.equal(response.statusCode, 200);
    t.same(response.json().title, { ...created.title, ko: '동부 자바 혈액백 공장' });
    t.equal(response.json().version, created.version + 1);

    const removed = await patch(created.id, { title: { ko: null } });
    t.same(removed.json().title, created.title, 'null removes the member again');
  });

  t.test('null removes optional fields, stored as SQL NULL', async (t) => {
    const created = await create({
      land: { status: 'hgb', areaHa: 12 },
      financials: { irrPct: 14 },
      tkdnTargetPct: 40,
      halal: { relevance: 'required', category: 'prescription-drugs' },
      localGovernmentContact: { office: 'DPMPTSP Kabupaten Sidoarjo', email: 'dpmptsp@sidoarjo.example.id' },
      kbliCodes: ['21011'],
    } as never);
    t.equal((await inject({ method: 'GET', url: `/v1/opportunities/${created.id}` })).json().tkdnTargetPct, 40);
    const response = await patch(created.id, {
      land: null,
      financials: null,
      tkdnTargetPct: null,
      halal: null,
      localGovernmentContact: null,
      kbliCodes: null,
      location: { regency: null },
      contact: { phone: '+62 31 555 0100' },
    });
    t.equal(response.statusCode, 200, response.body);
    const body = response.json();
    for (const field of ['land', 'financials', 'tkdnTargetPct', 'halal', 'localGovernmentContact']) t.notOk(field in body, `${field} is gone`);
    t.same(body.kbliCodes, []);
    t.notOk('regency' in body.location, 'a nested optional member is removed');
    t.equal(body.location.province, 'ID-JI', 'its siblings stay');
    t.same(body.contact, { name: 'Dewi Lestari', email: 'dewi@example.id', phone: '+62 31 555 0100' }, 'nested objects merge');
    const row = await database.db
      .selectFrom('opportunities')
      .select(['land', 'financials', 'tkdn_target_pct', 'halal', 'local_government_contact', 'regency'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    t.same(row, { land: null, financials: null, tkdn_target_pct: null, halal: null, local_government_contact: null, regency: null }, 'SQL NULL in every column');
  });

  t.test('arrays replace', async (t) => {
    const created = await create({ modalities: ['joint-venture', 'licensing'] });
    const response = await patch(created.id, { modalities: ['contract-manufacturing'] });
    t.same(response.json().modalities, ['contract-manufacturing']);
  });

  t.test('the merged document is validated; null on a required field is 400 naming it', async (t) => {
    const created = await create();
    for (const [body, field] of [
      [{ title: null }, 'title'],
      [{ title: { en: null } }, 'title.en'],
      [{ sector: null }, 'sector'],
      [{ modalities: [] }, 'modalities'],
      [{ investmentUsd: { min: 'lots' } }, 'investmentUsd.min'],
      [{ colour: 'blue' }, 'colour'],
    ] as const) {
      const response = await patch(created.id, body);
      t.equal(response.statusCode, 400, JSON.stringify(body));
      t.equal(response.json().code, 'validation-failed');
      t.equal(response.json().errors[0].field, field, `names ${field}`);
    }
    t.equal((await patch(created.id, ['not', 'an', 'object'])).statusCode, 400, 'a patch that is not an object');
    t.equal((await patch(created.id, {})).statusCode, 400, 'an empty patch');
    const noBody = await inject({ method: 'PATCH', url: `/v1/opportunities/${created.id}` });
    t.equal(noBody.statusCode, 400, 'no body at all');
    t.equal(noBody.json().code, 'validation-failed');
    const withCharset = await patch(created.id, { title: { ja: '工場' } }, { 'content-type': 'application/merge-patch+json; charset=utf-8' });
    t.equal(withCharset.statusCode, 200, 'a charset parameter is fine');
    created.version = withCharset.json().version;
    const unchanged = await inject({ method: 'GET', url: `/v1/opportunities/${created.id}` });
    t.equal(unchanged.json().version, created.version, 'nothing was written');
  });

  t.test('If-Match still guards against lost updates', async (t) => {
    const created = await create();
    const stale = await patch(created.id, { title: { ko: '공장' } }, { 'if-match': `"v${created.version + 5}"` });
    t.equal(stale.statusCode, 412);
    const fresh = await patch(created.id, { title: { ko: '공장' } }, { 'if-match': `"v${created.version}"` });
    t.equal(fresh.statusCode, 200);
  });

  t.test('plain application/json keeps top-level replacement and refuses null', async (t) => {
    const created = await create();
    const replaced = await inject({ method: 'PATCH', url: `/v1/opportunities/${created.id}`, payload: { title: { id: 'Judul', en: 'Title' } } });
    t.same(replaced.json().title, { id: 'Judul', en: 'Title' });
    const withNull = await inject({ method: 'PATCH', url: `/v1/opportunities/${created.id}`, payload: { land: null } });
    t.equal(withNull.statusCode, 400);
  });

  t.test('an opportunity in review cannot be merge-patched either', async (t) => {
    const created = await create();
    await inject({ method: 'POST', url: `/v1/opportunities/${created.id}/submit` });
    const response = await patch(created.id, { title: { ko: '공장' } });
    t.equal(response.statusCode, 409);
    t.equal(response.json().code, 'opportunity-in-review');
  });
});
