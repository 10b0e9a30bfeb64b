import type { Kysely, Transaction } from 'kysely';
import type { FunnelQuery } from '../../domain/funnel.ts';
import type { InterestStage } from '../../domain/interests.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Interests created in [from, to) with what grouping and amounts need of their opportunity and investor. */
export async function funnelInterests(db: Db, filter: FunnelQuery) {
  let query = db
    .selectFrom('interests as i')
    .innerJoin('opportunities as o', 'o.id', 'i.opportunity_id')
    .innerJoin('investors as v', 'v.id', 'i.investor_id')
    .select([
      'i.id', 'i.stage', 'i.created_at', 'i.expected_investment_usd', 'i.expected_jobs',
      'o.id as opportunity_id', 'o.sector', 'o.province', 'o.investment_min_usd', 'o.investment_max_usd', 'v.country',
    ]);
  if (filter.from) query = query.where('i.created_at', '>=', filter.from);
  if (filter.to) query = query.where('i.created_at', '<', filter.to);
  if (filter.sectors?.length) query = query.where('o.sector', 'in', [...filter.sectors]);
  if (filter.provinces?.length) query = query.where('o.province', 'in', [...filter.provinces]);
  if (filter.countries?.length) query = query.where('v.country', 'in', [...filter.countries]);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, stage: row.stage as InterestStage, expected_investment_usd: row.expected_investment_usd === null ? null : Number(row.expected_investment_usd) }));
}

/** When each of these interests first entered each stage. */
export async function stageEntries(db: Db, interestIds: readonly string[]) {
  if (interestIds.length === 0) return [];
  return db.selectFrom('interest_transitions').select(['interest_id', 'to_stage', 'at']).where('interest_id', 'in', [...interestIds]).orderBy('id').execute();
}

export async function publishedOpportunityPlaces(db: Db, filter: FunnelQuery) {
  let query = db.selectFrom('opportunities').select(['id', 'sector', 'province']).where('status', '=', 'published');
  if (filter.sectors?.length) query = query.where('sector', 'in', [...filter.sectors]);
  if (filter.provinces?.length) query = query.where('province', 'in', [...filter.provinces]);
  return query.execute();
}
