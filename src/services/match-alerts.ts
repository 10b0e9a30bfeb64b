import type { Transaction } from 'kysely';
import { alertThreshold, bandOf, shouldAlert } from '../domain/match-alerts.ts';
import type { StoredEvent } from '../db/repositories/events.ts';
import { alertedBands, matchSubscribers, saveAlert } from '../db/repositories/match-alerts.ts';
import { findOpportunity } from '../db/repositories/opportunities.ts';
import type { Database } from '../db/schema.ts';
import type { RecordChange } from './changes.ts';
import type { MatchingService } from './matching.ts';
import type { EventReaction } from './outbox.ts';

const TOP_REASONS = 3;

/**
 * Outbox reaction: a published (or edited while published) opportunity is scored against every
 * investor; each one subscribed to `match.new` whose score reaches its threshold gets one
 * `match.new` event — once per pair, and again only when the pair's band changes.
 */
export class MatchAlerts implements EventReaction {
  constructor(private readonly matching: MatchingService) {}

  prepare(): Promise<void> {
    return this.matching.ready();
  }

  async react(trx: Transaction<Database>, record: RecordChange, event: StoredEvent): Promise<void> {
    if (event.type !== 'opportunity.published' && event.type !== 'opportunity.updated') return;
    const subscribers = await matchSubscribers(trx);
    if (subscribers.size === 0) return;
    const opportunity = await findOpportunity(trx, event.entityId);
    if (opportunity?.status !== 'published') return;
    const thresholds = new Map([...subscribers].map(([investorId, minScores]) => [investorId, alertThreshold(minScores)]));
    const lowest = Math.min(...thresholds.values());
    const alerted = await alertedBands(trx, opportunity.id);
    for (const match of this.matching.investorsScoring(opportunity, lowest, new Set(thresholds.keys()), 'en')) {
      const threshold = thresholds.get(match.investorId);
      if (threshold === undefined || !shouldAlert(match.score, threshold, alerted.get(match.investorId))) continue;
      const band = bandOf(match.score);
      await saveAlert(trx, { investorId: match.investorId, opportunityId: opportunity.id, band, score: match.score });
      const reasons = [...match.factors]
        .filter((factor) => !factor.neutral)
        .sort((a, b) => b.contribution - a.contribution)
        .slice(0, TOP_REASONS)
        .map((factor) => ({ factor: factor.factor, text: factor.text }));
      const alert = { investorId: match.investorId, score: match.score, band };
      record({ entity: 'match', entityId: opportunity.id, action: 'alert', before: null, after: alert, data: { ...alert, reasons } });
    }
  }
}
