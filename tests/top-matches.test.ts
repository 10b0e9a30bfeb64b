import t, { type Test } from 'tap';
import { MODEL_VERSION } from '../src/domain/matching/model.ts';
import { seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { storeAllTopMatches } from '../src/services/top-matches.ts';
import { buildTestApp } from './helpers/app.ts';

t.test('the batch job stores each investor’s top matches as the API ranks them, replacing the previous run', async (t) => {
  const { app, api, database } = await buildTestApp(t);
  await seedDemoDataIfEmpty(database);
  await app.services.matching.reload();
  const top = 5;

  const stored = async () => {
    const rows = await database.db.selectFrom('investor_top_matches').selectAll().orderBy('investor_id').orderBy('rank').execute();
    const byInvestor = new Map<string, { id: string; score: number }[]>();
    for (const row of rows) byInvestor.set(row.investor_id, [...(byInvestor.get(row.investor_id) ?? []), { id: row.opportunity_id, score: Number(row.score) }]);
    return { rows, byInvestor };
  };
  const expectSameAsApi = async (t: Test, byInvestor: Map<string, { id: string; score: number }[]>) => {
    const investors = (await api.GET('/v1/investors', { params: { query: { limit: 100 } } })).data!.data;
    t.same([...byInvestor.keys()].sort(), investors.map((i) => i.id).sort(), 'one set of rows per live investor');
    for (const investor of investors) {
      const page = await api.GET('/v1/investors/{id}/matches', { params: { path: { id: investor.id }, query: { limit: top } } });
      t.same(byInvestor.get(investor.id), page.data!.data.map((m) => ({ id: m.opportunity.id, score: m.score })), `${investor.companyName}: same order and scores as the API`);
    }
  };

  const progress: number[] = [];
  const first = await storeAllTopMatches(app.services.matching, database, top, (done) => progress.push(done));
  const { rows, byInvestor } = await stored();
  t.ok(first.investors > 1, 'every investor ranked');
  t.equal(progress.at(-1), first.investors, 'progress reaches every investor');
  t.ok(first.rankingMs <= first.totalMs, 'ranking is part of the total');
  t.same(new Set(rows.map((r) => r.model_version)), new Set([MODEL_VERSION]));
  t.equal(new Set(rows.map((r) => new Date(r.computed_at).getTime())).size, 1, 'one computation time for the whole run');
  t.ok(rows.every((r) => r.rank >= 1 && r.rank <= top));
  await t.test('first run', (t) => expectSameAsApi(t, byInvestor));

  // A deleted investor's rows go with the next run; nothing is kept twice.
  const [gone] = byInvestor.keys();
  t.equal((await api.DELETE('/v1/investors/{id}', { params: { path: { id: gone! } } })).response.status, 204);
  const second = await storeAllTopMatches(app.services.matching, database, top);
  t.equal(second.investors, first.investors - 1);
  const after = await stored();
  t.notOk(after.byInvestor.has(gone!), 'the deleted investor has no rows');
  t.equal(after.rows.length, rows.length - byInvestor.get(gone!)!.length, 'the previous run was replaced, not added to');
  await t.test('second run', (t) => expectSameAsApi(t, after.byInvestor));

  // The embedded database builds the primary key after loading the rows: it must be back.
  const [kept] = after.rows;
  await t.rejects(
    database.db.insertInto('investor_top_matches').values({ ...kept!, score: Number(kept!.score) }).execute(),
    /investor_top_matches_pk/,
    'one row per investor and rank, as the primary key requires',
  );
});
