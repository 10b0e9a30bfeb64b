import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ImportRow {
  id: string;
  createdAt: Date;
  actorKeyId: string | null;
  mode: 'create' | 'upsert';
  dryRun: boolean;
  status: 'committed' | 'dry-run' | 'invalid';
  format: string;
  filename: string | null;
  counts: Record<string, number>;
  rows: unknown[];
  source: { header: string[]; rows: string[][] };
}

export async function insertImport(db: Db, record: Omit<ImportRow, 'id' | 'createdAt'> & { actorRole: string }): Promise<ImportRow> {
  const row = await db
    .insertInto('imports')
    .values({
      actor_key_id: record.actorKeyId,
      actor_role: record.actorRole,
      mode: record.mode,
      dry_run: record.dryRun,
      status: record.status,
      format: record.format,
      filename: record.filename,
      counts: JSON.stringify(record.counts),
      rows: JSON.stringify(record.rows),
      source: JSON.stringify(record.source),
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { ...record, id: row.id, createdAt: row.created_at };
}

export async function findImport(db: Db, id: string, options: { withSource?: boolean } = {}): Promise<ImportRow | undefined> {
  const row = await db
    .selectFrom('imports')
    .select(['id', 'created_at', 'actor_key_id', 'mode', 'dry_run', 'status', 'format', 'filename', 'counts', 'rows'])
    .$if(options.withSource === true, (query) => query.select('source'))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    createdAt: row.created_at,
    actorKeyId: row.actor_key_id,
    mode: row.mode as ImportRow['mode'],
    dryRun: row.dry_run,
    status: row.status as ImportRow['status'],
    format: row.format,
    filename: row.filename,
    counts: row.counts,
    rows: row.rows,
    source: 'source' in row ? (row.source as ImportRow['source']) : { header: [], rows: [] },
  };
}
