import { randomBytes } from 'node:crypto';
import pg from 'pg';
import t from 'tap';
import { buildApp } from '../src/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { insertOpportunity, updateOpportunity } from '../src/db/repositories/opportunities.ts';
import { bearer, clientFor, createKey } from './helpers/app.ts';
import { opportunityBody } from './helpers/fixtures.ts';

t.test('DATABASE_READ_URL without DATABASE_URL stops the start, saying why', async (t) => {
  const replica = 'postgres://reader:secret@replica.example:5432/peluang';
  t.throws(() => loadConfig({ DATABASE_READ_URL: replica }), ConfigError);
  try {
    loadConfig({ DATABASE_READ_URL: replica });
  } catch (error) {
    t.match((error as Error).message, /DATABASE_READ_URL=\(value hidden\): a read replica works only beside a primary: set DATABASE_URL/);
    t.notMatch((error as Error).message, /secret/, 'without showing the URL');
  }
  t.equal(loadConfig({ DATABASE_URL: replica, DATABASE_READ_URL: replica }).DATABASE_READ_URL, replica, 'beside DATABASE_URL it is taken');
});

// Two schemas stand in for a primary and a replica that has not caught up, so each read shows where it went.
const url = process.env.TEST_DATABASE_URL;
t.test(
  'searches read from the replica; writes and reads by id use the primary',
  { skip: !url && 'needs a real PostgreSQL (TEST_DATABASE_URL)' },
  async (t) => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const [primary, replica] = [`test_${randomBytes(6).toString('hex')}`, `test_${randomBytes(6).toString('hex')}`];
    await admin.query(`create schema ${primary}; create schema ${replica}`);
    t.teardown(async () => {
      await admin.query(`drop schema ${primary} cascade; drop schema ${replica} cascade`);
      await admin.end();
    });

    const replicaDb = await openDatabase({ kind: 'postgres', url: url!, schema: replica, poolSize: 2 });
    await migrateToLatest(replicaDb.db, replica);
    const onlyOnReplica = await insertOpportunity(
      replicaDb.db,
      opportunityBody({ title: { id: 'Hanya di replika', en: 'Only on the replica' } }),
    );
    await updateOpportunity(replicaDb.db, onlyOnReplica.id, { status: 'published' });
    await replicaDb.close();

    const replicaUrl = new URL(url!);
    replicaUrl.searchParams.set('options', `-c search_path=${replica}`);
    const database = await openDatabase({ kind: 'postgres', url: url!, readUrl: replicaUrl.toString(), schema: primary, poolSize: 2 });
    t.teardown(() => database.close());
    await migrateToLatest(database.db, primary);
    const app = await buildApp({ config: { BODY_LIMIT_BYTES: 1024 * 1024, TRUST_PROXY: false }, database });
    t.teardown(() => app.close());
    await app.ready();
    const { key } = await createKey(app, { role: 'admin' });
    const api = clientFor(app, bearer(key));

    const created = await api.POST('/v1/opportunities', { body: opportunityBody() });
    t.equal(created.response.status, 201, 'a create goes to the primary');
    const read = await api.GET('/v1/opportunities/{id}', { params: { path: { id: created.data!.id } } });
    t.equal(read.response.status, 200, 'a read by id sees its own write at once');

    const search = await api.GET('/v1/opportunities', { params: { query: { status: ['draft', 'published'] } } });
    t.same(
      search.data!.data.map((o) => o.id),
      [onlyOnReplica.id],
      'a search answers from the replica',
    );
    const investors = await api.GET('/v1/investors', {});
    t.equal(investors.response.status, 200, 'investor searches read there too');
  },
);
