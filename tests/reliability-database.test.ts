import { Writable } from 'node:stream';
import { sql } from 'kysely';
import t from 'tap';
import { buildApp } from '../src/app.ts';
import { classifyDatabaseError } from '../src/db/errors.ts';
import { completeIdempotencyKey } from '../src/db/repositories/idempotency.ts';
import { loggerOptions } from '../src/http/logging.ts';
import { bearer, buildTestApp, createKey, openTestDatabase } from './helpers/app.ts';
import { opportunityBody } from './helpers/fixtures.ts';

const PROBLEM = /^application\/problem\+json/;

t.test('a claim older than the request timeout is taken over; the first holder cannot store its result', async (t) => {
  const database = await openTestDatabase(t);
  const { app, inject } = await buildTestApp(t, database, { REQUEST_TIMEOUT_MS: 300 });
  const admin = await createKey(app, { role: 'admin' });
  const send = () => inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody(), headers: { ...bearer(admin.key), 'idempotency-key': 'crash-1' } });
  const first = await send();
  // As if the first request's process had died before storing its response.
  await sql`update idempotency_keys set status = 0, response = null, created_at = now() where idempotency_key = 'crash-1'`.execute(database.db);
  const { token } = (await sql<{ token: string }>`select claim_token as token from idempotency_keys where idempotency_key = 'crash-1'`.execute(database.db)).rows[0]!;
  t.equal((await send()).statusCode, 409, 'while the claim is younger than the request timeout, a retry waits');
  await new Promise((resolve) => setTimeout(resolve, 400));
  const retried = await send();
  t.equal(retried.statusCode, 201, 'after the request timeout the retry takes it over');
  t.not(retried.json().id, first.json().id);
  const stale = { owner: admin.id, key: 'crash-1', token };
  t.equal(await completeIdempotencyKey(database.db, stale, { status: 201, response: first.json(), headers: {} }), false, 'the first holder’s token is stale: nothing stored');
  const replay = await send();
  t.equal(replay.headers['idempotent-replayed'], 'true');
  t.equal(replay.json().id, retried.json().id, 'the replay is the retry’s response');
});

t.test('database errors are classified: away 503 with Retry-After, rule violations 4xx', async (t) => {
  const database = await openTestDatabase(t);
  const insertKey = (hash: string) => sql`insert into api_keys (prefix, secret_hash, role, label) values ('p', ${hash}, 'staff', 'x')`.execute(database.db);
  await insertKey('same');
  const duplicate = await insertKey('same').catch((error: unknown) => error);
  t.same(classifyDatabaseError(duplicate), { kind: 'conflict', constraint: 'api_keys_secret_hash_key' }, 'unique violation: conflict');
  const wrongRole = await sql`insert into api_keys (prefix, secret_hash, role, label) values ('p', 'h2', 'root', 'x')`.execute(database.db).catch((error: unknown) => error);
  t.equal(classifyDatabaseError(wrongRole)?.kind, 'invalid', 'check violation: invalid');
  t.equal(classifyDatabaseError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))?.kind, 'unavailable');
  t.equal(classifyDatabaseError(new Error('Connection terminated unexpectedly'))?.kind, 'unavailable');
  t.equal(classifyDatabaseError(new TypeError('x is undefined')), undefined, 'a bug stays a bug');

  const { app } = await buildTestApp(t, database);
  await database.close();
  for (const url of ['/v1/opportunities', '/ready']) {
    const response = await app.inject({ method: 'GET', url });
    t.equal(response.statusCode, 503, `${url} with the database gone: 503`);
    t.equal(response.json().code, 'database-unavailable');
    t.equal(response.headers['retry-after'], '5');
    t.match(response.headers['content-type'], PROBLEM);
  }
  const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { responses: object }>> };
  const missing = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).filter(([, op]) => !('500' in op.responses && '503' in op.responses)).map(([method]) => `${method} ${path}`),
  );
  t.same(missing, [], 'every operation declares 500 and 503');
});

t.test('logs: no SQL parameters or failing rows, no API key as a request id', async (t) => {
  const database = await openTestDatabase(t);
  let logged = '';
  const stream = new Writable({ write: (chunk, _encoding, done) => ((logged += chunk.toString()), done()) });
  const app = await buildApp({ config: { BODY_LIMIT_BYTES: 65536, TRUST_PROXY: false }, database, logger: { ...loggerOptions('info'), stream } });
  t.teardown(() => app.close());
  const key = 'pk_admin_' + 'A'.repeat(40);
  const response = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': key } });
  t.not(response.headers['x-request-id'], key, 'a request id that looks like a key is replaced');
  const failure = await sql`insert into investors (company_name) values (${'secret-contact@example.com'})`.execute(database.db).catch((error: unknown) => error);
  t.ok(failure instanceof Error, 'the database refused the row');
  app.log.error({ err: failure }, 'write failed');
  t.match(logged, /write failed/);
  t.notMatch(logged, /secret-contact@example\.com/, 'neither the parameter nor the failing row is logged');
  t.notMatch(logged, new RegExp(key), 'the key is not logged');
});

