import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { createPeluangClient, type PeluangClient } from '../../clients/typescript/src/index.ts';
import { buildApp, type AppOptions } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import { SYSTEM_ACTOR, type Role } from '../../src/domain/access.ts';

/** `tap`'s test object, as far as the helpers need it. */
interface TestContext {
  teardown(fn: () => unknown): void;
}

/**
 * A migrated, empty database for one test file: in-memory PGlite by default, or a fresh
 * schema on the server in TEST_DATABASE_URL (dropped afterwards), so files run in parallel.
 */
export async function openTestDatabase(t: TestContext): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'embedded', dataDir: null });
    t.teardown(() => database.close());
    await migrateToLatest(database.db);
    return database;
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const database = await openDatabase({ kind: 'postgres', url, schema, poolSize: 5 });
  t.teardown(async () => {
    await database.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  });
  await migrateToLatest(database.db, schema);
  return database;
}

export type Api = PeluangClient;

export interface TestApp {
  app: FastifyInstance;
  /** A client authenticated with an admin key. */
  api: Api;
  database: DatabaseHandle;
  /** That admin key, and its Authorization header. */
  adminKey: string;
  auth: { authorization: string };
  /** `app.inject` as that admin; headers given override it (e.g. `authorization` for another key). */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/**
 * The app on a test database, and a client typed from the committed OpenAPI document. Rate
 * limits are off unless `config` sets them, so long tests are never throttled.
 */
export async function buildTestApp(
  t: TestContext,
  database?: DatabaseHandle,
  config: Partial<Config> = {},
  options: Pick<AppOptions, 'resolveHost'> = {},
): Promise<TestApp> {
  const db = database ?? (await openTestDatabase(t));
  const app = await buildApp({
    config: { BODY_LIMIT_BYTES: 256 * 1024, TRUST_PROXY: false, RATE_LIMIT_ANONYMOUS_PER_MINUTE: 0, RATE_LIMIT_KEY_PER_MINUTE: 0, ...config },
    database: db,
    ...options,
  });
  t.teardown(() => app.close());
  await app.ready();
  const admin = await createKey(app, { role: 'admin', label: 'test admin' });
  const auth = bearer(admin.key);
  return {
    app,
    api: clientFor(app, auth),
    database: db,
    adminKey: admin.key,
    auth,
    inject: (options) => app.inject({ ...options, headers: { ...auth, ...options.headers } }),
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export interface KeyRequest {
  role: Role;
  investorId?: string;
  allowedOrigins?: string[];
  label?: string;
}

/** Issues a key directly through the service, as the operator's command line does. */
export async function createKey(app: FastifyInstance, request: KeyRequest): Promise<{ id: string; key: string }> {
  const { key, record } = await app.services.apiKeys.create({ label: `test ${request.role} key`, ...request }, SYSTEM_ACTOR);
  return { id: record.id, key };
}

/** The published client package, its requests going through `app.inject`, no socket needed. */
export function clientFor(app: FastifyInstance, headers: Record<string, string> = {}): Api {
  return createPeluangClient({
    baseUrl: 'http://peluang.test',
    headers,
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      const body = request.body ? await request.text() : undefined;
      const response = await app.inject({
        method: request.method as 'GET',
        url: `${url.pathname}${url.search}`,
        headers: Object.fromEntries(request.headers.entries()),
        ...(body !== undefined && { payload: body }),
      });
      const nullBody = response.statusCode === 204 || response.statusCode === 304;
      return new Response(nullBody ? null : new Uint8Array(response.rawPayload), {
        status: response.statusCode,
        headers: Object.entries(response.headers).flatMap(([name, value]) =>
          value === undefined ? [] : (Array.isArray(value) ? value : [String(value)]).map((v) => [name, v] as [string, string]),
        ),
      });
    },
  });
}
