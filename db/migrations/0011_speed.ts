import { sql, type Kysely } from 'kysely';

/**
 * investor_top_matches is a derived snapshot, rewritten whole by the batch job from ids it has
 * just read, and investors and opportunities are never deleted (only marked so): its foreign
 * keys could never fail, yet checking them row by row was most of the job's writing time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table investor_top_matches drop constraint if exists investor_top_matches_investor_id_fkey`.execute(db);
  await sql`alter table investor_top_matches drop constraint if exists investor_top_matches_opportunity_id_fkey`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table investor_top_matches add constraint investor_top_matches_investor_id_fkey foreign key (investor_id) references investors (id)`.execute(db);
  await sql`alter table investor_top_matches add constraint investor_top_matches_opportunity_id_fkey foreign key (opportunity_id) references opportunities (id)`.execute(db);
}
