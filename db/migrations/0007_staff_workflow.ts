import { sql, type Kysely } from 'kysely';

/**
 * Staff workflow: review before publication (`in_review`, and the decisions and comments of
 * each review), and freshness: when a published opportunity was last verified, when it falls
 * due for review again, when it was reported stale, and when it expires by itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table opportunities drop constraint opportunities_status_check`.execute(db);
  await sql`alter table opportunities add constraint opportunities_status_check check (status in ('draft', 'in_review', 'published', 'withdrawn', 'closed'))`.execute(db);
  await db.schema
    .alterTable('opportunities')
    .addColumn('last_verified_at', 'timestamptz')
    .addColumn('review_due_at', 'timestamptz')
    // Set when `opportunity.stale` was recorded for the current review period, so it fires once.
    .addColumn('stale_reported_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .execute();
  // What the scheduled sweep looks for: published rows falling due or expiring.
  await db.schema
    .createIndex('opportunities_review_due_idx')
    .on('opportunities')
    .column('review_due_at')
    .where(sql.ref('stale_reported_at'), 'is', null)
    .execute();
  await db.schema.createIndex('opportunities_expires_idx').on('opportunities').column('expires_at').where(sql.ref('expires_at'), 'is not', null).execute();

  await db.schema
    .createTable('opportunity_reviews')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('opportunity_id', 'uuid', (c) => c.notNull().references('opportunities.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('submit', 'request-changes', 'publish', 'publish-without-review')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('actor_key_id', 'uuid', (c) => c.references('api_keys.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`date_trunc('milliseconds', now())`))
    .execute();
  await db.schema.createIndex('opportunity_reviews_opportunity_idx').on('opportunity_reviews').columns(['opportunity_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('opportunity_reviews').execute();
  await db.schema.dropIndex('opportunities_expires_idx').execute();
  await db.schema.dropIndex('opportunities_review_due_idx').execute();
  await db.schema
    .alterTable('opportunities')
    .dropColumn('last_verified_at')
    .dropColumn('review_due_at')
    .dropColumn('stale_reported_at')
    .dropColumn('expires_at')
    .execute();
  await sql`update opportunities set status = 'draft' where status = 'in_review'`.execute(db);
  await sql`alter table opportunities drop constraint opportunities_status_check`.execute(db);
  await sql`alter table opportunities add constraint opportunities_status_check check (status in ('draft', 'published', 'withdrawn', 'closed'))`.execute(db);
}
