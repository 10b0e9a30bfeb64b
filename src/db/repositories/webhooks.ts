import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { EventPattern, EventType } from '../../domain/events.ts';
import type { Delivery, DeliveryState, DueDelivery, SigningWebhook, Webhook } from '../../domain/webhooks.ts';
import type { Database, WebhookDeliveriesTable, WebhooksTable } from '../schema.ts';
import { afterNewestFirst, newestFirstCursor, toPage } from './cursor.ts';
import { nowMs } from './opportunities.ts';

type Db = Kysely<Database> | Transaction<Database>;

function toWebhook(row: Selectable<WebhooksTable>): SigningWebhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events as EventPattern[],
    minScore: row.min_score,
    investorId: row.investor_id,
    ownerKeyId: row.owner_key_id,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousSecretUntil: row.previous_secret_until,
  };
}

/** What the audit log and responses may show: never a secret. */
export function withoutSecrets({ secret: _s, previousSecret: _p, previousSecretUntil: _u, ...webhook }: SigningWebhook): Webhook {
  return webhook;
}

export interface NewWebhook {
  url: string;
  events: readonly EventPattern[];
  minScore: number | null;
  investorId: string | null;
  ownerKeyId: string | null;
  secret: string;
  afterEventId: number;
}

export async function insertWebhook(db: Db, input: NewWebhook): Promise<SigningWebhook> {
  const row = await db
    .insertInto('webhooks')
    .values({
      url: input.url,
      events: [...input.events],
      min_score: input.minScore,
      investor_id: input.investorId,
      owner_key_id: input.ownerKeyId,
      secret: input.secret,
      after_event_id: input.afterEventId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toWebhook(row);
}

export async function findWebhook(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<SigningWebhook | undefined> {
  let query = db.selectFrom('webhooks').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toWebhook(row);
}

export interface WebhookChanges {
  url?: string;
  events?: readonly EventPattern[];
  minScore?: number | null;
  enabled?: boolean;
  disabledReason?: string | null;
  secret?: string;
  previousSecret?: string | null;
  previousSecretUntil?: Date | null;
}

export async function updateWebhook(db: Db, id: string, changes: WebhookChanges): Promise<SigningWebhook> {
  const row = await db
    .updateTable('webhooks')
    .set({
      ...(changes.url !== undefined && { url: changes.url }),
      ...(changes.events !== undefined && { events: [...changes.events] }),
      ...(changes.minScore !== undefined && { min_score: changes.minScore }),
      ...(changes.enabled !== undefined && { enabled: changes.enabled }),
      ...(changes.disabledReason !== undefined && { disabled_reason: changes.disabledReason }),
      ...(changes.secret !== undefined && { secret: changes.secret }),
      ...(changes.previousSecret !== undefined && { previous_secret: changes.previousSecret }),
      ...(changes.previousSecretUntil !== undefined && { previous_secret_until: changes.previousSecretUntil }),
      version: sql`version + 1`,
      updated_at: nowMs,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toWebhook(row);
}

export async function deleteWebhook(db: Db, id: string): Promise<void> {
  await db.deleteFrom('webhooks').where('id', '=', id).execute();
}

export async function searchWebhooks(db: Db, filter: { investorId?: string }, page: { limit: number; cursor?: string | undefined }) {
  let query = db.selectFrom('webhooks').selectAll();
  if (filter.investorId) query = query.where('investor_id', '=', filter.investorId);
  if (page.cursor) query = query.where(afterNewestFirst(page.cursor));
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
  const { rows: pageRows, nextCursor } = toPage(rows, page.limit, newestFirstCursor);
  return { items: pageRows.map(toWebhook), nextCursor };
}

/** Enabled subscriptions made before the event that may want it: staff ones, and those of the investor it concerns. */
export async function subscribersOf(db: Db, event: { id: number; investorId: string | null }): Promise<Webhook[]> {
  let query = db.selectFrom('webhooks').selectAll().where('enabled', '=', true).where('after_event_id', '<', event.id);
  query = event.investorId
    ? query.where((eb) => eb.or([eb('investor_id', 'is', null), eb('investor_id', '=', event.investorId)]))
    : query.where('investor_id', 'is', null);
  return (await query.execute()).map((row) => withoutSecrets(toWebhook(row)));
}

/** One delivery per subscription and event, due at once; fanning out twice adds nothing. */
export async function insertDeliveries(db: Db, eventId: number, webhookIds: readonly string[], now: Date): Promise<void> {
  if (webhookIds.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(webhookIds.map((webhookId) => ({ webhook_id: webhookId, event_id: eventId, message_id: `msg_${randomUUID().replaceAll('-', '')}`, next_attempt_at: now })))
    .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
    .execute();
}

const deliveryColumns = [
  'd.id', 'd.webhook_id', 'd.event_id', 'd.message_id', 'd.state', 'd.attempts', 'd.last_status', 'd.last_error',
  'd.next_attempt_at', 'd.created_at', 'd.delivered_at', 'e.type', 'e.at as event_at', 'e.data',
] as const;

type DeliveryRow = Pick<Selectable<WebhookDeliveriesTable>, 'id' | 'webhook_id' | 'event_id' | 'message_id' | 'state' | 'attempts' | 'last_status' | 'last_error' | 'next_attempt_at' | 'created_at' | 'delivered_at'> & { type: string };

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: Number(row.event_id),
    eventType: row.type as EventType,
    messageId: row.message_id,
    state: row.state as DeliveryState,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

const deliveries = (db: Db) => db.selectFrom('webhook_deliveries as d').innerJoin('events as e', 'e.id', 'd.event_id');

/**
 * Claims due deliveries of enabled subscriptions: locked rows are skipped (another instance has
 * them), and each claimed one is leased — its next attempt pushed past the send — so no other
 * instance picks it up while this one sends.
 */
export async function claimDueDeliveries(trx: Transaction<Database>, now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]> {
  const rows = await deliveries(trx)
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select(deliveryColumns)
    .select('w.id as w_id')
    .where('d.state', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where('w.enabled', '=', true)
    .orderBy('d.next_attempt_at')
    .limit(limit)
    .forUpdate('d')
    .skipLocked()
    .execute();
  if (rows.length === 0) return [];
  await trx
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntil, attempts: sql`attempts + 1` })
    .where('id', 'in', rows.map((row) => row.id))
    .execute();
  const hooks = await trx.selectFrom('webhooks').selectAll().where('id', 'in', [...new Set(rows.map((row) => row.w_id))]).execute();
  const byId = new Map(hooks.map((row) => [row.id, toWebhook(row)]));
  return rows.map((row) => ({ ...toDelivery(row), attempts: row.attempts + 1, eventAt: row.event_at, data: row.data, webhook: byId.get(row.w_id)! }));
}

export interface DeliveryOutcome {
  state: DeliveryState;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
}

export async function recordDeliveryOutcome(db: Db, id: string, outcome: DeliveryOutcome): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      state: outcome.state,
      last_status: outcome.lastStatus,
      last_error: outcome.lastError,
      next_attempt_at: outcome.nextAttemptAt,
      ...(outcome.state === 'delivered' && { delivered_at: nowMs }),
    })
    .where('id', '=', id)
    .execute();
}

export async function searchDeliveries(db: Db, webhookId: string, page: { limit: number; cursor?: string | undefined }) {
  let query = deliveries(db).select(deliveryColumns).where('d.webhook_id', '=', webhookId);
  if (page.cursor) query = query.where(afterNewestFirst(page.cursor, 'd'));
  const rows = await query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(page.limit + 1).execute();
  const { rows: pageRows, nextCursor } = toPage(rows, page.limit, newestFirstCursor);
  return { items: pageRows.map(toDelivery), nextCursor };
}

export async function findDelivery(db: Db, webhookId: string, id: string): Promise<Delivery | undefined> {
  const row = await deliveries(db).select(deliveryColumns).where('d.webhook_id', '=', webhookId).where('d.id', '=', id).executeTakeFirst();
  return row && toDelivery(row);
}

/** Sends the same message again, from a fresh retry schedule; its webhook-id stays. */
export async function requeueDelivery(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('webhook_deliveries').set({ state: 'pending', attempts: 0, next_attempt_at: now }).where('id', '=', id).execute();
}

/** Pending deliveries of enabled subscriptions due before `until`: what a drain still waits for. */
export async function nextDueDelivery(db: Db, until: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select('d.next_attempt_at')
    .where('d.state', '=', 'pending')
    .where('w.enabled', '=', true)
    .where('d.next_attempt_at', '<=', until)
    .orderBy('d.next_attempt_at')
    .limit(1)
    .executeTakeFirst();
  return row?.next_attempt_at ?? undefined;
}
