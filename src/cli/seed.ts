import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { databaseTarget } from '../app.ts';
import { loadConfig } from '../config.ts';
import { migrateToLatest, notifyChange, openDatabase } from '../db/database.ts';
import { insertInvestors } from '../db/repositories/investors.ts';
import { insertOpportunities } from '../db/repositories/opportunities.ts';
import { createRandom, syntheticInvestor, syntheticOpportunity } from '../services/synthetic-data.ts';
import { RELOAD } from '../services/changes.ts';
import { UsageError, runCli } from './run.ts';

const USAGE = `Usage: npm run seed -- [--opportunities N] [--investors N] [--seed N]
Adds N synthetic published opportunities and N investor profiles to the configured database
(DATABASE_URL, or the embedded one in DATA_DIR), for load tests and benchmarks.`;

const BATCH = 1000;

await runCli(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      opportunities: { type: 'string', default: '0' },
      investors: { type: 'string', default: '0' },
      seed: { type: 'string', default: '42' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const counts = { opportunities: count(values.opportunities, '--opportunities'), investors: count(values.investors, '--investors') };
  const random = createRandom(count(values.seed, '--seed'));

  const database = await openDatabase(databaseTarget(loadConfig()));
  try {
    await migrateToLatest(database.db);
    const bar = new SingleBar({ format: ' {task} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left', etaBuffer: 20 }, Presets.shades_classic);
    for (const [task, total] of Object.entries(counts)) {
      if (total === 0) continue;
      bar.start(total, 0, { task: task.padEnd(13) });
      for (let done = 0; done < total; done += BATCH) {
        const size = Math.min(BATCH, total - done);
        const numbers = Array.from({ length: size }, (_, i) => done + i + 1);
        await database.db.transaction().execute(async (trx) => {
          if (task === 'opportunities') await insertOpportunities(trx, numbers.map((n) => syntheticOpportunity(random, n)), 'published');
          else await insertInvestors(trx, numbers.map((n) => syntheticInvestor(random, n)));
        });
        bar.update(done + size);
      }
      bar.stop();
    }
    await notifyChange(database.db, database.changeChannel, RELOAD);
    console.log(`Added ${counts.opportunities} opportunities and ${counts.investors} investors.`);
  } finally {
    await database.close();
  }
});

function count(raw: string, flag: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 10_000_000) {
    throw new UsageError(`${flag} must be a whole number from 0 to 10000000, not "${raw}".`);
  }
  return value;
}

