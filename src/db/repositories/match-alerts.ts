import type { Kysely, Transaction } from 'kysely';
import type { ScoreBand } from '../../domain/match-alerts.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Investors with an enabled `match.new` subscription, and the minimum score of each such subscription. */
export async function matchSubscribers(db: Db): Promise<Map<string, (number | null)[]>> {
  const rows = await db
    .selectFrom('webhooks')
    .select(['investor_id', 'min_score'])
    .where('enabled', '=', true)
    .where('investor_id', 'is not', null)
    .where((eb) => eb(eb.val('match.new'), '=', eb.fn.any('events')))
    .execute();
  const byInvestor = new Map<string, (number | null)[]>();
  for (const row of rows) byInvestor.set(row.investor_id!, [...(byInvestor.get(row.investor_id!) ?? []), row.min_score]);
  return byInvestor;
}

/** The band each investor was last alerted in for this opportunity. */
export async function alertedBands(db: Db, opportunityId: string): Promise<Map<string, ScoreBand>> {
  const rows = await db.selectFrom('match_alerts').select(['investor_id', 'band']).where('opportunity_id', '=', opportunityId).execute();
  return new Map(rows.map((row) => [row.investor_id, row.band as ScoreBand]));
}

export async function saveAlert(db: Db, alert: { investorId: string; opportunityId: string; band: ScoreBand; score: number }): Promise<void> {
  await db
    .insertInto('match_alerts')
    .values({ investor_id: alert.investorId, opportunity_id: alert.opportunityId, band: alert.band, score: alert.score })
    .onConflict((oc) => oc.columns(['investor_id', 'opportunity_id']).doUpdateSet({ band: alert.band, score: alert.score, alerted_at: new Date() }))
    .execute();
}
