import { databaseTarget } from '../app.ts';
import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { runCli } from './run.ts';

await runCli('Usage: npm run migrate  (applies pending migrations to DATABASE_URL, or the embedded database in DATA_DIR)', async () => {
  const database = await openDatabase(databaseTarget(loadConfig()));
  try {
    const applied = (await migrateToLatest(database.db)).results ?? [];
    console.log(applied.length ? applied.map((r) => `${r.status}: ${r.migrationName}`).join('\n') : 'The database is up to date.');
  } finally {
    await database.close();
  }
});
