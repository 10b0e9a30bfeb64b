import { sql, type Kysely, type Transaction } from 'kysely';
import type { Role } from '../../domain/access.ts';
import type { ApiKeyRecord } from '../../domain/api-keys.ts';
import type { ApiKeyRow, Database } from '../schema.ts';
import { afterNewestFirst, newestFirstCursor, toPage } from './cursor.ts';
import { nowMs } from './opportunities.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewApiKey {
  secretHash: string;
  prefix: string;
  role: Role;
  label: string;
  investorId: string | null;
  allowedOrigins: readonly string[];
}

const COLUMNS = ['id', 'prefix', 'role', 'label', 'investor_id', 'allowed_origins', 'created_at', 'last_used_at', 'revoked_at'] as const;

function toRecord(row: Pick<ApiKeyRow, (typeof COLUMNS)[number]>): ApiKeyRecord {
  return {
    id: row.id,
    prefix: row.prefix,
    role: row.role as Role,
    label: row.label,
    investorId: row.investor_id,
    allowedOrigins: row.allowed_origins,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertApiKey(db: Db, key: NewApiKey): Promise<ApiKeyRecord> {
  const row = await db
    .insertInto('api_keys')
    .values({
      secret_hash: key.secretHash,
      prefix: key.prefix,
      role: key.role,
      label: key.label,
      investor_id: key.investorId,
      allowed_origins: [...key.allowedOrigins],
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

export async function findApiKey(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<ApiKeyRecord | undefined> {
  let query = db.selectFrom('api_keys').select(COLUMNS).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toRecord(row);
}

export async function findApiKeyByHash(db: Db, secretHash: string): Promise<ApiKeyRecord | undefined> {
  const row = await db.selectFrom('api_keys').select(COLUMNS).where('secret_hash', '=', secretHash).executeTakeFirst();
  return row && toRecord(row);
}

export async function apiKeyHashExists(db: Db, secretHash: string): Promise<boolean> {
  return (await db.selectFrom('api_keys').select('id').where('secret_hash', '=', secretHash).executeTakeFirst()) !== undefined;
}

export async function countActiveKeys(db: Db, role: Role): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', role)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function revokeApiKey(db: Db, id: string): Promise<ApiKeyRecord> {
  const row = await db
    .updateTable('api_keys')
    .set({ revoked_at: sql`coalesce(revoked_at, ${nowMs})` })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

/** Revokes the live keys bound to an investor profile; returns them as they were and are now. */
export async function revokeKeysOfInvestor(db: Db, investorId: string): Promise<{ before: ApiKeyRecord; after: ApiKeyRecord }[]> {
  const live = await db
    .selectFrom('api_keys')
    .select(COLUMNS)
    .where('investor_id', '=', investorId)
    .where('revoked_at', 'is', null)
    .forUpdate()
    .execute();
  const changed = [];
  for (const row of live) changed.push({ before: toRecord(row), after: await revokeApiKey(db, row.id) });
  return changed;
}

/**
 * Records use at most once a minute per key: the condition makes every other request's
 * update a no-op, so authentication does not turn each read into a write.
 */
export async function touchApiKey(db: Db, id: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: nowMs })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}

export interface ApiKeyFilter {
  role?: Role;
  investorId?: string;
}

export async function searchApiKeys(db: Db, filter: ApiKeyFilter, page: { limit: number; cursor?: string }) {
  let query = db.selectFrom('api_keys').select(COLUMNS);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.investorId) query = query.where('investor_id', '=', filter.investorId);
  if (page.cursor) query = query.where(afterNewestFirst(page.cursor));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
  const { rows: pageRows, nextCursor } = toPage(rows, page.limit, newestFirstCursor);
  return { items: pageRows.map(toRecord), nextCursor };
}
