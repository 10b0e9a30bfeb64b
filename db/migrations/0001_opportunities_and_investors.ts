// Timestamps are kept at millisecond precision so they round-trip through JavaScript dates and cursors.
import { sql, type Kysely } from 'kysely';

/**
 * Opportunities and investor profiles. Vocabulary codes are validated by the API against
 * src/domain/reference (the source of truth); the database checks only what keeps rows coherent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('opportunities')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'withdrawn', 'closed')`),
    )
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('technologies', sql`text[]`, (c) => c.notNull())
    .addColumn('required_transfer_depth', 'text', (c) => c.notNull())
    .addColumn('modalities', sql`text[]`, (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('regency', 'text')
    .addColumn('special_economic_zone', 'text')
    .addColumn('investment_min_usd', 'bigint', (c) => c.notNull().check(sql`investment_min_usd > 0`))
    .addColumn('investment_max_usd', 'bigint', (c) => c.notNull())
    .addColumn('sponsor', 'jsonb', (c) => c.notNull())
    .addColumn('contact', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`date_trunc('milliseconds', now())`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`date_trunc('milliseconds', now())`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('search', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`
        setweight(to_tsvector('english', coalesce(title->>'en', '')), 'A') ||
        setweight(to_tsvector('indonesian', coalesce(title->>'id', '')), 'A') ||
        setweight(to_tsvector('english', coalesce(summary->>'en', '')), 'B') ||
        setweight(to_tsvector('indonesian', coalesce(summary->>'id', '')), 'B') ||
        setweight(to_tsvector('simple', coalesce(sponsor->>'name', '')), 'C')`).stored(),
    )
    .addCheckConstraint('opportunities_investment_range', sql`investment_min_usd <= investment_max_usd`)
    .execute();

  await db.schema.createIndex('opportunities_search_idx').on('opportunities').using('gin').column('search').execute();
  await db.schema.createIndex('opportunities_technologies_idx').on('opportunities').using('gin').column('technologies').execute();
  await db.schema.createIndex('opportunities_status_created_idx').on('opportunities').columns(['status', 'created_at', 'id']).execute();
  await db.schema.createIndex('opportunities_status_sector_idx').on('opportunities').columns(['status', 'sector']).execute();
  await db.schema.createIndex('opportunities_status_province_idx').on('opportunities').columns(['status', 'province']).execute();

  await db.schema
    .createTable('investors')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('country', sql`char(2)`, (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('sectors', sql`text[]`, (c) => c.notNull())
    .addColumn('technologies', sql`text[]`, (c) => c.notNull())
    .addColumn('max_transfer_depth', 'text')
    .addColumn('modalities', sql`text[]`, (c) => c.notNull())
    .addColumn('preferred_provinces', sql`text[]`, (c) => c.notNull())
    .addColumn('preferred_island_groups', sql`text[]`, (c) => c.notNull())
    .addColumn('ticket_min_usd', 'bigint', (c) => c.check(sql`ticket_min_usd > 0`))
    .addColumn('ticket_max_usd', 'bigint')
    .addColumn('languages', sql`text[]`, (c) => c.notNull())
    .addColumn('contact', 'jsonb', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`date_trunc('milliseconds', now())`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`date_trunc('milliseconds', now())`))
    .addColumn('deleted_at', 'timestamptz')
    .addCheckConstraint(
      'investors_ticket_range',
      sql`(ticket_min_usd is null and ticket_max_usd is null) or (ticket_min_usd <= ticket_max_usd)`,
    )
    .execute();

  await db.schema.createIndex('investors_created_idx').on('investors').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('investors').execute();
  await db.schema.dropTable('opportunities').execute();
}
