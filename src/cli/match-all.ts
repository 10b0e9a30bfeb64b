import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { databaseTarget } from '../app.ts';
import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { defaultMatchingReference, defaultNameLookup } from '../domain/matching/default-reference.ts';
import { MatchingService } from '../services/matching.ts';
import { storeAllTopMatches } from '../services/top-matches.ts';
import { UsageError, runCli } from './run.ts';

const USAGE = `Usage: npm run match:all -- [--top N]
Ranks every published opportunity for every investor (default weights) and stores each
investor's best N (default 20) in investor_top_matches, replacing the previous run.`;

await runCli(USAGE, async () => {
  const { values } = parseArgs({ options: { top: { type: 'string', default: '20' }, help: { type: 'boolean', default: false } } });
  if (values.help) return console.log(USAGE);
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > 1000) throw new UsageError(`--top must be a whole number from 1 to 1000, not "${values.top}".`);

  const config = loadConfig();
  const database = await openDatabase(databaseTarget(config));
  try {
    await migrateToLatest(database.db);
    const matching = new MatchingService(database, defaultMatchingReference, defaultNameLookup, { info() {}, error: (details, message) => console.error(message, details) }, {
      rate: config.USD_IDR_RATE,
      asOf: config.USD_IDR_RATE_DATE,
    });
    const loadStarted = performance.now();
    await matching.reload();
    const { opportunities, investors } = matching.size;
    console.log(`Loaded ${opportunities} published opportunities and ${investors} investors in ${Math.round(performance.now() - loadStarted)} ms.`);

    const bar = new SingleBar({ format: ' investors [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left' }, Presets.shades_classic);
    bar.start(investors, 0);
    const run = await storeAllTopMatches(matching, database, top, (done) => bar.update(done));
    bar.stop();
    const { totalMs, rankingMs } = run;
    console.log(
      `Ranked ${opportunities} opportunities for each of ${run.investors} investors (${(opportunities * run.investors).toExponential(2)} pairs) ` +
        `in ${(totalMs / 1000).toFixed(1)} s: ${(rankingMs / 1000).toFixed(1)} s ranking, ${((totalMs - rankingMs) / 1000).toFixed(1)} s writing the top ${top}.`,
    );
    await matching.stop();
  } finally {
    await database.close();
  }
});
