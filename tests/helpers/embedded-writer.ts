/**
 * Child process for the kill -9 test: writes opportunities on the embedded database in
 * `argv[2]` as fast as it can, printing the number committed after each, until killed.
 */
import { buildApp } from '../../src/app.ts';
import { migrateToLatest, openDatabase } from '../../src/db/database.ts';
import { bearer, createKey } from './app.ts';
import { opportunityBody } from './fixtures.ts';

const database = await openDatabase({ kind: 'embedded', dataDir: process.argv[2]! });
await migrateToLatest(database.db);
const app = await buildApp({ config: { BODY_LIMIT_BYTES: 65536, TRUST_PROXY: false, RATE_LIMIT_ANONYMOUS_PER_MINUTE: 0, RATE_LIMIT_KEY_PER_MINUTE: 0 }, database });
await app.ready();
const headers = bearer((await createKey(app, { role: 'admin' })).key);
for (let committed = 1; ; committed += 1) {
  const response = await app.inject({ method: 'POST', url: '/v1/opportunities', payload: opportunityBody(), headers });
  if (response.statusCode !== 201) throw new Error(`write failed: ${response.statusCode} ${response.body}`);
  process.stdout.write(`${committed}\n`);
}
