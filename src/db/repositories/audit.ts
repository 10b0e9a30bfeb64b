import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { AuditEntry, AuditQuery } from '../../domain/audit.ts';
import type { EventAction, EventEntity } from '../../domain/events.ts';
import type { AuditRow, Database } from '../schema.ts';
import { InvalidCursorError } from './cursor.ts';

type Db = Kysely<Database> | Transaction<Database>;

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at,
    actorKeyId: row.actor_key_id,
    actorRole: row.actor_role,
    action: row.action as EventAction,
    entity: row.entity as EventEntity,
    entityId: row.entity_id,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.request_id,
  };
}

/** Newest first; the cursor is the last entry's id, which only grows. */
export async function searchAudit(db: Db, filter: AuditQuery, page: { limit: number; cursor?: string }) {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.entities?.length) query = query.where('entity', 'in', [...filter.entities]);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorKeyId) query = query.where('actor_key_id', '=', filter.actorKeyId);
  if (filter.actions?.length) query = query.where('action', 'in', [...filter.actions]);
  if (filter.since) query = query.where('at', '>=', filter.since);
  if (filter.until) query = query.where('at', '<', filter.until);
  if (page.cursor) {
    const before = decodeAuditCursor(page.cursor);
    if (before === undefined) throw new InvalidCursorError();
    query = query.where(sql<SqlBool>`id < ${before}`);
  }
  const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  const hasMore = rows.length > page.limit;
  const items = (hasMore ? rows.slice(0, page.limit) : rows).map(toEntry);
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? Buffer.from(`audit:${last.id}`).toString('base64url') : null };
}

function decodeAuditCursor(raw: string): number | undefined {
  const match = /^audit:(\d{1,18})$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}
