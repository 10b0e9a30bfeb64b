import { sql, type Kysely } from 'kysely';

/**
 * Search across the five languages. Korean, Japanese and Chinese texts are matched by trigram
 * similarity (pg_trgm) and character bigrams over one generated column; Indonesian and English
 * keep their stemmed text-search vector. unaccent folds Latin accents in queries.
 *
 * The extensions live in their own schema, `extensions`, and are named with it: a database
 * confined to one schema (as each test file is) then still finds them, and dropping that
 * schema never drops an extension another schema relies on. Both are trusted extensions, so
 * the database owner may create them; PGlite loads them at start (see src/db/database.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create schema if not exists extensions`.execute(db);
  await sql`create extension if not exists pg_trgm with schema extensions`.execute(db);
  await sql`create extension if not exists unaccent with schema extensions`.execute(db);

  await db.schema
    .alterTable('opportunities')
    .addColumn('search_cjk', 'text', (c) =>
      c.generatedAlwaysAs(sql`lower(
        coalesce(title->>'ko', '') || ' ' || coalesce(title->>'ja', '') || ' ' || coalesce(title->>'zh', '') || ' ' ||
        coalesce(summary->>'ko', '') || ' ' || coalesce(summary->>'ja', '') || ' ' || coalesce(summary->>'zh', ''))`).stored(),
    )
    .execute();
  await sql`create index opportunities_search_cjk_trgm_idx on opportunities using gin (search_cjk extensions.gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('opportunities_search_cjk_trgm_idx').execute();
  await db.schema.alterTable('opportunities').dropColumn('search_cjk').execute();
}
