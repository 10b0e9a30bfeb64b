import { DEMO_INVESTORS } from '../../db/demo/investors.ts';
import { DEMO_OPPORTUNITIES } from '../../db/demo/opportunities.ts';
import { notifyChange, type DatabaseHandle } from '../db/database.ts';
import { insertInvestor } from '../db/repositories/investors.ts';
import { insertOpportunity, updateOpportunity } from '../db/repositories/opportunities.ts';

/**
 * Fills an empty database with the demo opportunities and investor profiles, in one
 * transaction so a failed start never leaves half the demo behind.
 */
export async function seedDemoDataIfEmpty(database: DatabaseHandle): Promise<boolean> {
  const { db } = database;
  const existing = await db.selectFrom('opportunities').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    for (const { key: _key, status, ...input } of DEMO_OPPORTUNITIES) {
      const created = await insertOpportunity(trx, input);
      if (status === 'withdrawn' || status === 'closed') await updateOpportunity(trx, created.id, { status: 'published' });
      if (status !== 'draft') await updateOpportunity(trx, created.id, { status });
    }
    for (const { key: _key, website, ...input } of DEMO_INVESTORS) {
      await insertInvestor(trx, { ...input, website: website ?? null });
    }
    await notifyChange(trx, database.changeChannel, 'reload');
  });
  return true;
}
