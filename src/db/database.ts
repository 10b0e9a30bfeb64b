import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, Migrator, PostgresDialect, sql, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
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
  /** Bulk load with COPY; see CopyRequest. */
  copyIn(request: CopyRequest): Promise<void>;
  close(): Promise<void>;
}

/**
 * Rows for COPY in its text format: `lines` yields chunks of whole lines, columns separated by
 * tabs in the order of `columns`. `before` (plain SQL, e.g. a delete) runs first and `after`
 * (e.g. rebuilding a key) once every row is in, all in one transaction, so readers see the
 * table before or after, never half-loaded.
 */
export interface CopyRequest {
  table: string;
  columns: readonly string[];
  before?: string;
  lines: AsyncIterable<string>;
  after?: string;
}

/** The embedded database copies from an in-memory blob; this much text per COPY statement. */
const EMBEDDED_COPY_CHUNK = 4 * 1024 * 1024;

const copyStatement = ({ table, columns }: CopyRequest, source: string) =>
  `copy ${pg.escapeIdentifier(table)} (${columns.map((c) => pg.escapeIdentifier(c)).join(', ')}) from ${source}`;

const INT8_OID = 20;
/** A server that does not accept a connection within this is treated as down (503), not waited for. */
const CONNECT_TIMEOUT_MS = 5000;

/** Exponential backoff with jitter for the LISTEN connection: 0.25 s doubling up to 15 s. */
export function reconnectDelay(failures: number): number {
  const ceiling = Math.min(15_000, 250 * 2 ** failures);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

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
  // The extensions multilingual search needs; the migrations create them in the database.
  const extensions = { pg_trgm, unaccent };
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const pglite = await (dataDir ? PGlite.create(dataDir, { extensions }) : PGlite.create({ extensions })).catch((error: unknown) => {
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
    async copyIn(request) {
      // Hold the driver's single connection so no other query falls inside the transaction.
      await db.connection().execute(() =>
        pglite.transaction(async (tx) => {
          if (request.before) await tx.exec(request.before);
          let chunks: string[] = [];
          let length = 0;
          const flush = async () => {
            if (length > 0) await tx.query(copyStatement(request, "'/dev/blob'"), [], { blob: new Blob(chunks) });
            chunks = [];
            length = 0;
          };
          for await (const chunk of request.lines) {
            chunks.push(chunk);
            length += chunk.length;
            if (length >= EMBEDDED_COPY_CHUNK) await flush();
          }
          await flush();
          if (request.after) await tx.exec(request.after);
        }),
      );
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
    const pool = new pg.Pool({ ...connectionOptions, connectionString: url, max: target.poolSize ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // A client that loses its server emits `error`, idle or checked out; unheard, that would end
    // the process. The query in flight (if any) fails on its own and the request answers 503.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    return { pool, db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
  };
  const { pool, db } = connect(target.url);
  const reader = target.readUrl ? connect(target.readUrl).db : db;
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
      let failures = 0;
      const connect = async (): Promise<void> => {
        const next = new pg.Client({ ...connectionOptions, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
        next.on('notification', (message) => {
          if (message.channel === changeChannel) onMessage(message.payload ?? '');
        });
        next.on('error', () => lost(next));
        next.on('end', () => lost(next));
        listeners.add(next);
        try {
          await next.connect();
          await next.query(`listen ${pg.escapeIdentifier(changeChannel)}`);
        } catch (error) {
          listeners.delete(next);
          await next.end().catch(() => {});
          throw error;
        }
        client = next;
      };
      // Until the connection is back, notifications are missed: on reconnecting, subscribers resync.
      const retry = () => {
        if (stopped || retryTimer) return;
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          connect().then(
            () => {
              failures = 0;
              onReconnect();
            },
            () => {
              failures += 1;
              retry();
            },
          );
        }, reconnectDelay(failures));
        retryTimer.unref();
      };
      const lost = (failed: pg.Client) => {
        listeners.delete(failed);
        if (client !== failed) return;
        client = undefined;
        retry();
      };
      await connect();
      return async () => {
        stopped = true;
        if (retryTimer) clearTimeout(retryTimer);
        if (client) {
          listeners.delete(client);
          await client.end().catch(() => {});
        }
      };
    },
    async copyIn(request) {
      const client = await pool.connect();
      let failure: Error | undefined;
      try {
        await client.query('begin');
        if (request.before) await client.query(request.before);
        await pipeline(Readable.from(request.lines), client.query(copyFrom(copyStatement(request, 'stdin'))));
        if (request.after) await client.query(request.after);
        await client.query('commit');
      } catch (error) {
        failure = error as Error;
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        // A connection that failed mid-COPY is not reused.
        client.release(failure);
      }
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
  // Migration numbers are handed out ahead of time to changes made side by side, so a database
  // may already hold a later one when an earlier number arrives; each is independent of the others.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true, ...(schema && { migrationTableSchema: schema }) });
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
