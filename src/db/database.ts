import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { migrations } from '../../db/migrations/index.ts';
import { queryTracingPlugins } from '../observability/instrumentation.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; readUrl?: string | undefined; poolSize?: number; schema?: string }
  | { kind: 'embedded'; dataDir: string | null }; // null: in memory

/** The database handle the service uses: queries, change notifications, and closing. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  /**
   * For searches and exports: a read replica (DATABASE_READ_URL) when there is one, else `db`.
   * Writes, reads that must see them, LISTEN, the outbox and the matching index use `db`.
   */
  reader?: Kysely<Database>;
  kind: DatabaseTarget['kind'];
  /** Channel for change notifications, scoped to the schema so tenants of one server never mix. */
  changeChannel: string;
  /** Calls `onMessage` for every notification on the change channel; `onReconnect` after a lost connection. */
  listen(onMessage: (payload: string) => void, onReconnect: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const INT8_OID = 20;

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  const handle = target.kind === 'postgres' ? await openPostgres(target) : await openEmbedded(target.dataDir);
  // Shutdown paths may overlap (signal and test teardown); closing twice must be harmless.
  let closing: Promise<void> | undefined;
  const close = () => handle.close();
  const traced = (db: Kysely<Database>) => queryTracingPlugins().reduce((plain, plugin) => plain.withPlugin(plugin), db);
  return { ...handle, db: traced(handle.db), reader: traced(handle.reader ?? handle.db), close: () => (closing ??= close()) };
}

async function openEmbedded(dataDir: string | null): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const pglite = await (dataDir ? PGlite.create(dataDir) : PGlite.create()).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const changeChannel = 'peluang_changes';
  return {
    db,
    kind: 'embedded',
    changeChannel,
    async listen(onMessage) {
      // In-process database: notifications cannot be lost, so there is never a reconnect.
      const unlisten = await pglite.listen(changeChannel, onMessage);
      return unlisten;
    },
    async close() {
      await db.destroy();
      await pglite.close();
      unlock();
    },
  };
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>): Promise<DatabaseHandle> {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      // bigint columns hold USD amounts well inside Number's exact range. pg types its parsers as returning `any`.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return
      oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const connectionOptions = {
    connectionString: target.url,
    types,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  };
  const connect = (url: string) => {
    const pool = new pg.Pool({ ...connectionOptions, connectionString: url, max: target.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  };
  const db = connect(target.url);
  const reader = target.readUrl ? connect(target.readUrl) : db;
  const changeChannel = target.schema ? `peluang_changes_${target.schema}` : 'peluang_changes';
  const listeners = new Set<pg.Client>();

  return {
    db,
    reader,
    kind: 'postgres',
    changeChannel,
    async listen(onMessage, onReconnect) {
      let client: pg.Client | undefined;
      let stopped = false;
      let retryTimer: NodeJS.Timeout | undefined;
      const connect = async (isReconnect: boolean): Promise<void> => {
        const next = new pg.Client(connectionOptions);
        next.on('notification', (message) => {
          if (message.channel === changeChannel) onMessage(message.payload ?? '');
        });
        next.on('error', () => scheduleReconnect(next));
        next.on('end', () => scheduleReconnect(next));
        await next.connect();
        await next.query(`listen ${pg.escapeIdentifier(changeChannel)}`);
        client = next;
        listeners.add(next);
        if (isReconnect) onReconnect();
      };
      const scheduleReconnect = (failed: pg.Client) => {
        listeners.delete(failed);
        if (stopped || client !== failed || retryTimer) return;
        client = undefined;
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          connect(true).catch(() => scheduleReconnect(failed));
        }, 1000);
        retryTimer.unref();
      };
      await connect(false);
      return async () => {
        stopped = true;
        if (retryTimer) clearTimeout(retryTimer);
        if (client) {
          listeners.delete(client);
          await client.end().catch(() => {});
        }
      };
    },
    async close() {
      await Promise.all([...listeners].map((client) => client.end().catch(() => {})));
      await db.destroy();
      if (reader !== db) await reader.destroy();
    },
  };
}

/**
 * Brings the schema to the latest migration; throws with the failing migration's name. A
 * database confined to one schema names it, so the migrator never mistakes another schema's
 * bookkeeping tables for its own.
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema && { migrationTableSchema: schema }) });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(result.error as Error).message}`, { cause: result.error });
  }
  return result;
}

/** Sends a change notification inside the caller's transaction, delivered on commit. */
export async function notifyChange(db: Kysely<Database>, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
