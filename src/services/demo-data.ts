import { v5 as uuidV5 } from 'uuid';
import { DEMO_API_KEYS } from '../../db/demo/api-keys.ts';
import { DEMO_INVESTORS } from '../../db/demo/investors.ts';
import { DEMO_OPPORTUNITIES } from '../../db/demo/opportunities.ts';
import { notifyChange, type DatabaseHandle } from '../db/database.ts';
import { displayPrefix, hashKey } from '../domain/api-keys.ts';
import { insertApiKey } from '../db/repositories/api-keys.ts';
import { insertInvestor } from '../db/repositories/investors.ts';
import { insertOpportunity, updateOpportunity } from '../db/repositories/opportunities.ts';

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
export async function seedDemoDataIfEmpty(database: DatabaseHandle): Promise<boolean> {
  const { db } = database;
  const existing = await db.selectFrom('opportunities').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    for (const { key, status, ...input } of DEMO_OPPORTUNITIES) {
      const created = await insertOpportunity(trx, input, demoOpportunityId(key));
      if (status === 'withdrawn' || status === 'closed') await updateOpportunity(trx, created.id, { status: 'published' });
      if (status !== 'draft') await updateOpportunity(trx, created.id, { status });
    }
    const investorIds = new Map<string, string>();
    for (const { key, website, ...input } of DEMO_INVESTORS) {
      investorIds.set(key, (await insertInvestor(trx, { ...input, website: website ?? null }, demoInvestorId(key))).id);
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
