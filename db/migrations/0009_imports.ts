import { sql, type Kysely } from 'kysely';

const nowMs = sql`date_trunc('milliseconds', now())`;

/**
 * Bulk import: an opportunity may carry the reference a regional office's spreadsheet knows it
 * by, unique so an upsert finds exactly one row; and every import attempt is kept (the dry runs
 * and refused files too) so its report and its errors.csv can be read again later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('opportunities').addColumn('external_ref', 'text').execute();
  await db.schema.createIndex('opportunities_external_ref_key').unique().on('opportunities').column('external_ref').execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(nowMs))
    .addColumn('actor_key_id', 'uuid', (c) => c.references('api_keys.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('create', 'upsert')`))
    .addColumn('dry_run', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('committed', 'dry-run', 'invalid')`))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('filename', 'text')
    .addColumn('counts', 'jsonb', (c) => c.notNull())
    /** Per row: its number, action and errors. */
    .addColumn('rows', 'jsonb', (c) => c.notNull())
    /** The header and the cells as read, for errors.csv. */
    .addColumn('source', 'jsonb', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('imports').execute();
  await db.schema.dropIndex('opportunities_external_ref_key').execute();
  await db.schema.alterTable('opportunities').dropColumn('external_ref').execute();
}
