import { DEMO_API_KEYS } from '../../db/demo/api-keys.ts';
import { DEMO_INVESTORS } from '../../db/demo/investors.ts';
import { DEMO_DECISION_OPPORTUNITIES, DEMO_INVESTOR_FACTS, DEMO_OPPORTUNITY_FACTS } from '../../db/demo/investment-facts.ts';
import { DEMO_OPPORTUNITIES } from '../../db/demo/opportunities.ts';
import type { OpportunityInput } from '../domain/opportunity.ts';
import { notifyChange, type DatabaseHandle } from '../db/database.ts';
import { displayPrefix, hashKey } from '../domain/api-keys.ts';
import { insertApiKey } from '../db/repositories/api-keys.ts';
import { insertInvestor } from '../db/repositories/investors.ts';
import { insertOpportunity, updateOpportunity } from '../db/repositories/opportunities.ts';

/**
 * Fills an empty database with the demo opportunities, investor profiles and one API key per
 * role, in one transaction so a failed start never leaves half the demo behind.
 */
export async function seedDemoDataIfEmpty(database: DatabaseHandle): Promise<boolean> {
  const { db } = database;
  const existing = await db.selectFrom('opportunities').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    const opportunities = [
      ...DEMO_OPPORTUNITIES.map((o) => ({ ...o, facts: DEMO_OPPORTUNITY_FACTS[o.key] ?? {} })),
      ...DEMO_DECISION_OPPORTUNITIES,
    ];
    for (const { key: _key, status, facts, ...input } of opportunities) {
      const created = await insertOpportunity(trx, withFacts(input, facts));
      if (status === 'withdrawn' || status === 'closed') await updateOpportunity(trx, created.id, { status: 'published' });
      if (status !== 'draft') await updateOpportunity(trx, created.id, { status });
    }
    const investorIds = new Map<string, string>();
    for (const { key, website, ...input } of DEMO_INVESTORS) {
      investorIds.set(key, (await insertInvestor(trx, { ...input, ...DEMO_INVESTOR_FACTS[key], website: website ?? null })).id);
    }
    for (const { key, role, label, investor, allowedOrigins } of DEMO_API_KEYS) {
      const investorId = investor ? investorIds.get(investor) : null;
      if (investorId === undefined) throw new Error(`Demo key ${label}: no demo investor ${investor}`);
      await insertApiKey(trx, { secretHash: hashKey(key), prefix: displayPrefix(key), role, label, investorId, allowedOrigins: allowedOrigins ?? [] });
    }
    await notifyChange(trx, database.changeChannel, 'reload');
  });
  return true;
}

/** A demo opportunity with its investor-decision facts; the regency and zone go into its location. */
function withFacts(input: OpportunityInput, { regencyCode, specialEconomicZone, ...facts }: (typeof DEMO_OPPORTUNITY_FACTS)[string]): OpportunityInput {
  return {
    ...input,
    ...facts,
    location: { ...input.location, ...(regencyCode && { regencyCode }), ...(specialEconomicZone && { specialEconomicZone }) },
  };
}
