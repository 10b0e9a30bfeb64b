import { sql, type Kysely } from 'kysely';

/**
 * What an investor decides on: an opportunity's KBLI codes, regency, land, financials,
 * licensing, claimed incentives, local-content target, halal facts and local government
 * office; an investor's ownership intent, certifications, halal capability and regencies.
 * Structured facts that are only read whole are jsonb; what search filters on is a column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('opportunities')
    .addColumn('kbli_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('regency_code', 'text')
    .addColumn('land', 'jsonb')
    .addColumn('financials', 'jsonb')
    .addColumn('licensing', 'jsonb')
    .addColumn('incentives', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('tkdn_target_pct', 'double precision', (c) => c.check(sql`tkdn_target_pct between 0 and 100`))
    .addColumn('halal', 'jsonb')
    .addColumn('local_government_contact', 'jsonb')
    .execute();
  await db.schema.createIndex('opportunities_kbli_codes_idx').on('opportunities').using('gin').column('kbli_codes').execute();
  await db.schema.createIndex('opportunities_incentives_idx').on('opportunities').using('gin').column('incentives').execute();

  await db.schema
    .alterTable('investors')
    .addColumn('ownership_intent', 'text', (c) => c.check(sql`ownership_intent in ('minority', 'majority', 'full')`))
    .addColumn('certifications', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('halal_capable', 'boolean')
    .addColumn('preferred_regencies', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('investors')
    .dropColumn('ownership_intent')
    .dropColumn('certifications')
    .dropColumn('halal_capable')
    .dropColumn('preferred_regencies')
    .execute();
  await db.schema.dropIndex('opportunities_incentives_idx').execute();
  await db.schema.dropIndex('opportunities_kbli_codes_idx').execute();
  await db.schema
    .alterTable('opportunities')
    .dropColumn('kbli_codes')
    .dropColumn('regency_code')
    .dropColumn('land')
    .dropColumn('financials')
    .dropColumn('licensing')
    .dropColumn('incentives')
    .dropColumn('tkdn_target_pct')
    .dropColumn('halal')
    .dropColumn('local_government_contact')
    .execute();
}
