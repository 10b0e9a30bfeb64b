import type { DatabaseHandle } from '../database.ts';

export interface TopMatchRow {
  investorId: string;
  rank: number;
  opportunityId: string;
  score: number;
}

/** Named in migration 0002_investor_top_matches. */
const PRIMARY_KEY = 'investor_top_matches_pk';

/** A value in COPY's text format: backslash, tab and line breaks escaped. */
const copyText = (value: string) => value.replace(/[\\\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\'));

/**
 * Replaces every stored top match with a fresh computation: the old rows are deleted and the
 * new ones copied in as they arrive, in one transaction, so readers see the previous run until
 * this one commits (a delete does not block them) and rows of investors gone since are dropped.
 */
export async function replaceAllTopMatches(
  database: DatabaseHandle,
  batches: AsyncIterable<readonly TopMatchRow[]>,
  modelVersion: string,
  computedAt: Date,
): Promise<void> {
  const suffix = `\t${copyText(modelVersion)}\t${computedAt.toISOString()}\n`;
  async function* lines() {
    for await (const rows of batches) {
      let text = '';
      for (const row of rows) text += `${row.investorId}\t${row.rank}\t${row.opportunityId}\t${row.score}${suffix}`;
      if (text) yield text;
    }
  }
  const table = {
    table: 'investor_top_matches',
    columns: ['investor_id', 'rank', 'opportunity_id', 'score', 'model_version', 'computed_at'],
    lines: lines(),
  };
  // A delete keeps the table readable on a server until the commit. The embedded database is
  // one connection, held by the copy until it commits, so nobody reads in between: truncating
  // (far cheaper than deleting row by row) and building the primary key once over the loaded
  // rows (about a fifth of the writing time, against keeping it up to date row by row) cost
  // no one anything.
  await database.copyIn(
    database.kind === 'embedded'
      ? {
          ...table,
          before: `truncate investor_top_matches; alter table investor_top_matches drop constraint ${PRIMARY_KEY}`,
          after: `alter table investor_top_matches add constraint ${PRIMARY_KEY} primary key (investor_id, rank)`,
        }
      : { ...table, before: 'delete from investor_top_matches' },
  );
}
