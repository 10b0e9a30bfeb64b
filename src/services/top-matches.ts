import type { DatabaseHandle } from '../db/database.ts';
import { replaceAllTopMatches, type TopMatchRow } from '../db/repositories/top-matches.ts';
import { MODEL_VERSION } from '../domain/matching/model.ts';
import type { MatchingService } from './matching.ts';

/** Investors ranked between two hand-overs to the writer (and progress reports). */
const INVESTORS_PER_BATCH = 500;

export interface TopMatchesRun {
  investors: number;
  /** Time spent ranking; the rest of `totalMs` went to writing. */
  rankingMs: number;
  totalMs: number;
}

/**
 * Ranks every live investor's best `top` published opportunities (default weights) and stores
 * them in place of the previous run, streaming rows into one bulk copy while ranking goes on.
 */
export async function storeAllTopMatches(
  matching: MatchingService,
  database: DatabaseHandle,
  top: number,
  onProgress: (investorsDone: number) => void = () => {},
): Promise<TopMatchesRun> {
  const started = performance.now();
  let rankingMs = 0;
  let done = 0;
  async function* batches(): AsyncGenerator<TopMatchRow[]> {
    const ranked = matching.topMatchesForAll(top);
    let rows: TopMatchRow[] = [];
    for (;;) {
      const rankStarted = performance.now();
      const next = await ranked.next();
      rankingMs += performance.now() - rankStarted;
      if (next.done) break;
      const { investorId, matches } = next.value;
      matches.forEach((match, i) => rows.push({ investorId, rank: i + 1, opportunityId: match.id, score: match.score }));
      done += 1;
      if (done % INVESTORS_PER_BATCH === 0) {
        yield rows;
        rows = [];
        onProgress(done);
      }
    }
    yield rows;
    onProgress(done);
  }
  await replaceAllTopMatches(database, batches(), MODEL_VERSION, new Date());
  return { investors: done, rankingMs, totalMs: performance.now() - started };
}
