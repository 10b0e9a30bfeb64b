/**
 * `npm run fuzz`: the OpenAPI-driven fuzzer against the whole service on a loopback port.
 * Env: FUZZ_SECONDS (default 60), FUZZ_SEED (default 1), FUZZ_DATABASE_URL (a real PostgreSQL
 * database; default: an embedded one in memory). Exits non-zero on any rule broken.
 */
import { readFileSync } from 'node:fs';
import { buildApp } from '../src/app.ts';
import { SYSTEM_ACTOR } from '../src/domain/access.ts';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { fuzz, type OpenApiDocument } from './fuzz/engine.ts';

const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
const seed = Number(process.env.FUZZ_SEED ?? 1);
const document = JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;
const database = await openDatabase(process.env.FUZZ_DATABASE_URL ? { kind: 'postgres', url: process.env.FUZZ_DATABASE_URL } : { kind: 'embedded', dataDir: null });
await migrateToLatest(database.db);
const app = await buildApp({ config: { BODY_LIMIT_BYTES: 64 * 1024, TRUST_PROXY: false, RATE_LIMIT_ANONYMOUS_PER_MINUTE: 0, RATE_LIMIT_KEY_PER_MINUTE: 0 }, database });
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
const { key } = await app.services.apiKeys.create({ role: 'admin', label: 'fuzz' }, SYSTEM_ACTOR);
const report = await fuzz({ baseUrl, document, seed, durationMs: seconds * 1000, apiKey: key });
await app.close();
await database.close();
console.log(JSON.stringify({ seed, seconds, ...report, failures: report.failures.slice(0, 20) }, null, 2));
console.log(`fuzz: ${report.requests} requests over ${report.operations} operations, ${report.failures.length} failures, slowest ${report.slowestMs} ms`);
process.exit(report.failures.length ? 1 : 0);
