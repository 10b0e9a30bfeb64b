import { sql, type Kysely } from 'kysely';

/** Each investor's best opportunities as last computed by the batch job (`npm run match:all`). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('investor_top_matches')
    .addColumn('investor_id', 'uuid', (c) => c.notNull().references('investors.id'))
    .addColumn('rank', 'integer', (c) => c.notNull().check(sql`rank >= 1`))
    .addColumn('opportunity_id', 'uuid', (c) => c.notNull().references('opportunities.id'))
    .addColumn('score', sql`numeric(5, 2)`, (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('investor_top_matches_pk', ['investor_id', 'rank'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('investor_top_matches').execute();
}
