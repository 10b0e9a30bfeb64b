import { sql, type Kysely, type Transaction } from 'kysely';
import type { EventAction, EventEntity, EventType } from '../../domain/events.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewEvent {
  type: EventType;
  entity: EventEntity;
  entityId: string;
  action: EventAction;
  actorKeyId: string | null;
  actorRole: string;
  requestId: string | null;
  before: unknown;
  after: unknown;
  data: Record<string, unknown>;
  investorId: string | null;
}

/** An event as the background work reads it: no snapshots, only what reactions need. */
export interface StoredEvent {
  id: number;
  at: Date;
  type: EventType;
  entity: EventEntity;
  entityId: string;
  data: Record<string, unknown>;
  investorId: string | null;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** Rows per statement: eleven parameters each, and PostgreSQL takes at most 65,535 in one statement. */
const INSERT_CHUNK = 1000;

export async function insertEvents(db: Db, events: readonly NewEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += INSERT_CHUNK) await insertEventChunk(db, events.slice(start, start + INSERT_CHUNK));
}

async function insertEventChunk(db: Db, events: readonly NewEvent[]): Promise<void> {
  await db
    .insertInto('events')
    .values(
      events.map((event) => ({
        type: event.type,
        entity: event.entity,
        entity_id: event.entityId,
        action: event.action,
        actor_key_id: event.actorKeyId,
        actor_role: event.actorRole,
        request_id: event.requestId,
        before: json(event.before),
        after: json(event.after),
        data: JSON.stringify(event.data),
        investor_id: event.investorId,
      })),
    )
    .execute();
}

/**
 * Claims the oldest unprocessed events; rows another instance holds are skipped, so each event
 * is handled by one instance. The lock lasts until the caller's transaction ends.
 */
export async function claimUnprocessedEvents(trx: Transaction<Database>, limit: number): Promise<StoredEvent[]> {
  const rows = await trx
    .selectFrom('events')
    .select(['id', 'at', 'type', 'entity', 'entity_id', 'data', 'investor_id'])
    .where('processed_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    at: row.at,
    type: row.type as EventType,
    entity: row.entity as EventEntity,
    entityId: row.entity_id,
    data: row.data,
    investorId: row.investor_id,
  }));
}

export async function markEventsProcessed(trx: Transaction<Database>, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('events').set({ processed_at: new Date() }).where('id', 'in', ids.map(String)).execute();
}

export async function countUnprocessedEvents(db: Db): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).where('processed_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest event id so far: a subscription made now is sent only events after it. */
export async function lastEventId(db: Db): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Removes personal data from an entity's recorded snapshots, keeping the record of what happened. */
export async function scrubSnapshotField(db: Db, entity: EventEntity, entityId: string, field: string): Promise<void> {
  await sql`update events set before = before - ${field}::text, after = after - ${field}::text where entity = ${entity} and entity_id = ${entityId}`.execute(db);
}
