import { v5 as uuidV5 } from 'uuid';
import { DEMO_API_KEYS } from '../../db/demo/api-keys.ts';
import { DEMO_INTERESTS } from '../../db/demo/interests.ts';
import { DEMO_INVESTORS } from '../../db/demo/investors.ts';
import { DEMO_DECISION_OPPORTUNITIES, DEMO_INVESTOR_FACTS, DEMO_OPPORTUNITY_FACTS } from '../../db/demo/investment-facts.ts';
import { DEMO_OPPORTUNITIES } from '../../db/demo/opportunities.ts';
import type { Transaction } from 'kysely';
import type { DemoInterest } from '../../db/demo/interests.ts';
import type { OpportunityInput } from '../domain/opportunity.ts';
import { notifyChange, type DatabaseHandle } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { displayPrefix, hashKey } from '../domain/api-keys.ts';
import { insertApiKey } from '../db/repositories/api-keys.ts';
import { insertInterest, insertTransition, updateInterest } from '../db/repositories/interests.ts';
import { insertInvestor } from '../db/repositories/investors.ts';
import { insertOpportunity, updateOpportunity } from '../db/repositories/opportunities.ts';
import { RELOAD } from './changes.ts';

/** Namespace of the demo's name-based (version 5) UUIDs; any fixed UUID would do. */
const DEMO_NAMESPACE = 'a3c1e6d2-4f7b-5e08-9c3d-2b6f1e0a7d45';

/**
 * Demo records get ids derived from their keys, so the demo has the same ids on every
 * database and every start: rankings that tie break by id agree everywhere, and the judged
 * set (tests/relevance) can name records by key.
 */
export const demoOpportunityId = (key: string) => uuidV5(`opportunity:${key}`, DEMO_NAMESPACE);
export const demoInvestorId = (key: string) => uuidV5(`investor:${key}`, DEMO_NAMESPACE);

/**
 * Fills an empty database with the demo opportunities, investor profiles and one API key per
 * role, in one transaction so a failed start never leaves half the demo behind.
 */
export async function seedDemoDataIfEmpty(database: DatabaseHandle, reviewIntervalDays = DEFAULT_REVIEW_INTERVAL_DAYS): Promise<boolean> {
  const { db } = database;
  const existing = await db.selectFrom('opportunities').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    const opportunityIds = new Map<string, string>();
    const opportunities = [
      ...DEMO_OPPORTUNITIES.map((o) => ({ ...o, facts: DEMO_OPPORTUNITY_FACTS[o.key] ?? {} })),
      ...DEMO_DECISION_OPPORTUNITIES,
    ];
    for (const { key, status, facts, ...input } of opportunities) {
      const created = await insertOpportunity(trx, withFacts(input, facts), demoOpportunityId(key));
      opportunityIds.set(key, created.id);
      // Published through publication, so verified as the demo loads.
      if (status !== 'draft') await updateOpportunity(trx, created.id, { status: 'published', verifiedForDays: reviewIntervalDays });
      if (status === 'withdrawn' || status === 'closed') await updateOpportunity(trx, created.id, { status });
    }
    await showFreshness(trx, opportunityIds, reviewIntervalDays);
    const investorIds = new Map<string, string>();
    for (const { key, website, ...input } of DEMO_INVESTORS) {
      investorIds.set(key, (await insertInvestor(trx, { ...input, ...DEMO_INVESTOR_FACTS[key], website: website ?? null }, demoInvestorId(key))).id);
    }
    for (const { key, role, label, investor, allowedOrigins } of DEMO_API_KEYS) {
      const investorId = investor ? investorIds.get(investor) : null;
      if (investorId === undefined) throw new Error(`Demo key ${label}: no demo investor ${investor}`);
      await insertApiKey(trx, { secretHash: hashKey(key), prefix: displayPrefix(key), role, label, investorId, allowedOrigins: allowedOrigins ?? [] });
    }
    for (const demo of DEMO_INTERESTS) await insertDemoInterest(trx, demo, opportunityIds, investorIds);
    await notifyChange(trx, database.changeChannel, RELOAD);
  });
  return true;
}

const DAY_MS = 86_400_000;
const DEFAULT_REVIEW_INTERVAL_DAYS = 90;

/** Published demo opportunities last verified long ago, so staleness shows on a fresh start. */
export const DEMO_STALE = ['ternate-clove-nutmeg-oils', 'wamena-red-fruit-extract', 'ntb-pharma-grade-salt'] as const;
/** A published demo opportunity that closes by itself a few days after the demo loads. */
export const DEMO_EXPIRING = 'jayapura-malaria-rdt' as const;

async function showFreshness(trx: Transaction<Database>, ids: Map<string, string>, reviewIntervalDays: number) {
  const now = Date.now();
  for (const key of DEMO_STALE) {
    const verified = new Date(now - (reviewIntervalDays + 20) * DAY_MS);
    await trx
      .updateTable('opportunities')
      .set({ last_verified_at: verified, review_due_at: new Date(verified.getTime() + reviewIntervalDays * DAY_MS) })
      .where('id', '=', ids.get(key)!)
      .execute();
  }
  await trx.updateTable('opportunities').set({ expires_at: new Date(now + 3 * DAY_MS) }).where('id', '=', ids.get(DEMO_EXPIRING)!).execute();
}

/** An interest filed some days ago, with its moves stamped when they happened. */
async function insertDemoInterest(trx: Transaction<Database>, demo: DemoInterest, opportunities: Map<string, string>, investors: Map<string, string>) {
  const opportunityId = opportunities.get(demo.opportunity);
  const investorId = investors.get(demo.investor);
  const profile = DEMO_INVESTORS.find((investor) => investor.key === demo.investor);
  if (!opportunityId || !investorId || !profile) throw new Error(`Demo interest: no ${demo.opportunity} or ${demo.investor}`);
  const filed = new Date(Date.now() - demo.filedDaysAgo * DAY_MS);
  const created = await insertInterest(trx, { opportunityId, investorId, message: demo.message, modalities: demo.modalities, contact: profile.contact }, filed);
  const system = { actorKeyId: null, interestId: created.id };
  await insertTransition(trx, { ...system, actorRole: 'investor', from: null, to: 'submitted', note: null, noteVisibility: 'internal', reason: null, at: filed });
  let stage = created.stage;
  for (const move of demo.moves) {
    const at = new Date(filed.getTime() + move.afterDays * DAY_MS);
    const by = move.to === 'withdrawn' ? 'investor' : move.to === 'expired' ? 'system' : 'staff';
    await insertTransition(trx, { ...system, actorRole: by, from: stage, to: move.to, note: move.note ?? null, noteVisibility: move.shared ? 'shared' : 'internal', reason: move.reason ?? null, at });
    stage = move.to;
  }
  if (demo.moves.length) await updateInterest(trx, created.id, { ...demo.figures, stage, declineReason: demo.moves.at(-1)?.reason ?? null });
}

/** A demo opportunity with its investor-decision facts; the regency and zone go into its location. */
function withFacts(input: OpportunityInput, { regencyCode, specialEconomicZone, ...facts }: (typeof DEMO_OPPORTUNITY_FACTS)[string]): OpportunityInput {
  return {
    ...input,
    ...facts,
    location: { ...input.location, ...(regencyCode && { regencyCode }), ...(specialEconomicZone && { specialEconomicZone }) },
  };
}
