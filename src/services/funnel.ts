import type { Kysely } from 'kysely';
import { funnelRows, type FunnelGrouping, type FunnelQuery, type FunnelInterest, type FunnelRow } from '../domain/funnel.ts';
import type { InterestStage } from '../domain/interests.ts';
import { respondBy } from '../domain/interests.ts';
import { STRONG_MATCH_SCORE } from '../domain/match-alerts.ts';
import { funnelInterests, publishedOpportunityPlaces, stageEntries } from '../db/repositories/funnel.ts';
import type { Database } from '../db/schema.ts';
import { badRequest } from './errors.ts';
import type { MatchingService } from './matching.ts';

/** The funnel: matches → interests → negotiations → commitments, by sector, province, country or opportunity. */
export class FunnelService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly matching: MatchingService,
    private readonly responseDays: number,
  ) {}

  async funnel(filter: FunnelQuery, groupBy: FunnelGrouping | undefined): Promise<FunnelRow[]> {
    if (filter.from && filter.to && filter.from >= filter.to) throw badRequest('invalid-range', '`from` must be before `to`.', 'to', 'querystring');
    const [interests, published, pairs] = await Promise.all([
      funnelInterests(this.db, filter),
      publishedOpportunityPlaces(this.db, filter),
      this.matching.pairsScoring(STRONG_MATCH_SCORE),
    ]);
    const entries = await stageEntries(this.db, interests.map((i) => i.id));
    const entered = new Map<string, Partial<Record<InterestStage, Date>>>();
    for (const entry of entries) {
      const stages = entered.get(entry.interest_id) ?? {};
      stages[entry.to_stage as InterestStage] ??= entry.at;
      entered.set(entry.interest_id, stages);
    }
    const keyOf = (place: { sector: string; province: string; country?: string; opportunityId: string }) =>
      groupBy === undefined ? 'all' : groupBy === 'opportunity' ? place.opportunityId : (place[groupBy] ?? '');
    const now = Date.now();
    const rows: FunnelInterest[] = interests.map((interest) => ({
      group: keyOf({ ...interest, opportunityId: interest.opportunity_id }),
      stage: interest.stage,
      investmentUsd: interest.expected_investment_usd ?? (interest.investment_min_usd + interest.investment_max_usd) / 2,
      jobs: interest.expected_jobs ?? 0,
      entered: entered.get(interest.id) ?? {},
      pastResponseTime: interest.stage === 'expired' || (interest.stage === 'submitted' && respondBy(interest.created_at, this.responseDays).getTime() < now),
    }));
    const places = new Map(published.map((o) => [o.id, o]));
    const count = (keys: string[]) => keys.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<string, number>());
    const strong = pairs.flatMap((pair) => {
      const place = places.get(pair.opportunityId);
      if (!place || (filter.countries?.length && !filter.countries.includes(pair.country))) return [];
      return [keyOf({ ...place, country: pair.country, opportunityId: pair.opportunityId })];
    });
    const publishedByGroup = groupBy === 'country' ? null : count(published.map((o) => keyOf({ ...o, opportunityId: o.id })));
    return funnelRows(rows, publishedByGroup, count(strong));
  }
}
