import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { Webhook as Signer } from 'standardwebhooks';
import { SYSTEM_ACTOR, actsForBkpm, type Actor } from '../domain/access.ts';
import { NO_INVESTOR_ID, investorScope, maySee } from '../domain/access-policy.ts';
import { patternMatches, type EventFamily, type EventPattern } from '../domain/events.ts';
import { STRONG_MATCH_SCORE } from '../domain/match-alerts.ts';
import {
  PREVIOUS_SECRET_GRACE_MS,
  DELIVERY_TIMEOUT_MS,
  parseRetryAfter,
  retryDelay,
  type DeliveryState,
  type DueDelivery,
  type SigningWebhook,
  type Webhook,
} from '../domain/webhooks.ts';
import { lastEventId, type StoredEvent } from '../db/repositories/events.ts';
import {
  claimDueDeliveries,
  deleteWebhook,
  findDelivery,
  findWebhook,
  insertDeliveries,
  insertWebhook,
  nextDueDelivery,
  recordDeliveryOutcome,
  requeueDelivery,
  searchDeliveries,
  searchWebhooks,
  subscribersOf,
  updateWebhook,
  withoutSecrets,
  type DeliveryOutcome,
} from '../db/repositories/webhooks.ts';
import type { Database } from '../db/schema.ts';
import type { ChangeWriter, RecordChange } from './changes.ts';
import { badRequest, conflict, forbidden, notFound, withCursor } from './errors.ts';
import type { EventReaction } from './outbox.ts';
import { checkTarget, send, type HostResolver, type SendResult } from './webhook-delivery.ts';

export interface WebhookOptions {
  allowPrivateTargets: boolean;
  /** Delays before each retry, in milliseconds. */
  retrySchedule: readonly number[];
  resolveHost: HostResolver;
}

export interface WebhookInput {
  url: string;
  events: EventPattern[];
  minScore?: number | null | undefined;
}

export interface WebhookUpdate extends Partial<WebhookInput> {
  enabled?: boolean | undefined;
}

/** Patterns each side may subscribe to: staff follow opportunities and interests; an investor its matches and its own interests. */
const STAFF_FAMILIES = ['opportunity.', 'interest.', 'webhook.'] as const satisfies readonly `${EventFamily}.`[];
const INVESTOR_FAMILIES = ['match.', 'interest.', 'webhook.'] as const satisfies readonly `${EventFamily}.`[];

const BATCH = 50;

/** Webhook subscriptions, fan-out of outbox events to them, and signed delivery with retries. */
export class WebhookService implements EventReaction {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly changes: ChangeWriter,
    private readonly options: WebhookOptions,
  ) {}

  /** The secret is shown here once; creating sends nothing, and only later events are delivered. */
  async create(input: WebhookInput, actor: Actor): Promise<{ webhook: Webhook; secret: string }> {
    this.#checkEvents(input.events, actor);
    await this.#checkUrl(input.url);
    const secret = newSecret();
    return this.changes.write(actor, async (trx, record) => {
      const created = await insertWebhook(trx, {
        url: input.url,
        events: input.events,
        minScore: input.minScore ?? null,
        investorId: actsForBkpm(actor) ? null : actor.investorId,
        ownerKeyId: actor.keyId,
        secret,
        afterEventId: await lastEventId(trx),
      });
      const webhook = withoutSecrets(created);
      record({ entity: 'webhook', entityId: webhook.id, action: 'create', before: null, after: webhook });
      return { webhook, secret };
    });
  }

  async search(actor: Actor, page: { limit: number; cursor?: string | undefined }) {
    const scope = investorScope(actor);
    const found = await withCursor(() => searchWebhooks(this.db, scope === 'all' ? {} : { investorId: scope === 'none' ? NO_INVESTOR_ID : scope.only }, page));
    return { items: found.items.map(withoutSecrets), nextCursor: found.nextCursor };
  }

  async get(id: string, actor: Actor): Promise<Webhook> {
    return withoutSecrets(await this.#visible(this.db, id, actor));
  }

  async update(id: string, changes: WebhookUpdate, actor: Actor): Promise<Webhook> {
    if (changes.events) this.#checkEvents(changes.events, actor);
    if (changes.url) await this.#checkUrl(changes.url);
    return this.changes.write(actor, async (trx, record) => {
      const current = await this.#visible(trx, id, actor, true);
      const updated = await updateWebhook(trx, id, {
        ...changes,
        // Enabling again clears why it was disabled.
        ...(changes.enabled === true && { disabledReason: null }),
        ...(changes.enabled === false && { disabledReason: 'disabled' }),
      });
      record({ entity: 'webhook', entityId: id, action: 'update', before: withoutSecrets(current), after: withoutSecrets(updated) });
      return withoutSecrets(updated);
    });
  }

  async delete(id: string, actor: Actor): Promise<void> {
    await this.changes.write(actor, async (trx, record) => {
      const current = await this.#visible(trx, id, actor, true);
      await deleteWebhook(trx, id);
      record({ entity: 'webhook', entityId: id, action: 'delete', before: withoutSecrets(current), after: null });
    });
  }

  /** A new secret; the old one keeps signing beside it for a day, so receivers can switch without losing messages. */
  async rotateSecret(id: string, actor: Actor): Promise<{ webhook: Webhook; secret: string }> {
    const secret = newSecret();
    return this.changes.write(actor, async (trx, record) => {
      const current = await this.#visible(trx, id, actor, true);
      const updated = await updateWebhook(trx, id, { secret, previousSecret: current.secret, previousSecretUntil: new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS) });
      record({ entity: 'webhook', entityId: id, action: 'rotate-secret', before: withoutSecrets(current), after: withoutSecrets(updated) });
      return { webhook: withoutSecrets(updated), secret };
    });
  }

  /** Queues a `webhook.ping` to this subscription alone, through the outbox like every event. */
  async ping(id: string, actor: Actor): Promise<void> {
    await this.changes.write(actor, async (trx, record) => {
      const current = await this.#visible(trx, id, actor);
      if (!current.enabled) throw conflict('webhook-disabled', `Webhook ${id} is disabled (${current.disabledReason}); enable it first.`);
      record({ entity: 'webhook', entityId: id, action: 'ping', before: null, after: null, data: { webhookId: id } });
    });
  }

  async deliveries(id: string, actor: Actor, page: { limit: number; cursor?: string | undefined }) {
    await this.#visible(this.db, id, actor);
    return withCursor(() => searchDeliveries(this.db, id, page));
  }

  async redeliver(id: string, deliveryId: string, actor: Actor) {
    await this.#visible(this.db, id, actor);
    const delivery = await findDelivery(this.db, id, deliveryId);
    if (!delivery) throw notFound('Delivery', deliveryId);
    if (delivery.state === 'pending') throw conflict('delivery-pending', `Delivery ${deliveryId} is still pending; it will be attempted again by itself.`);
    await requeueDelivery(this.db, deliveryId, new Date());
    return (await findDelivery(this.db, id, deliveryId))!;
  }

  /** Outbox reaction: one delivery for every subscription that wants the event. */
  async react(trx: Transaction<Database>, _record: RecordChange, event: StoredEvent): Promise<void> {
    const now = new Date();
    if (event.type === 'webhook.ping') {
      await insertDeliveries(trx, event.id, [event.entityId], now);
      return;
    }
    const subscribers = (await subscribersOf(trx, event)).filter(
      (webhook) =>
        webhook.events.some((pattern) => patternMatches(pattern, event.type)) &&
        (event.type !== 'match.new' || Number(event.data.score) >= (webhook.minScore ?? STRONG_MATCH_SCORE)),
    );
    await insertDeliveries(trx, event.id, subscribers.map((webhook) => webhook.id), now);
  }

  /** Sends every delivery that is due; answers how many were attempted. */
  async deliverDue(): Promise<number> {
    const now = new Date();
    const due = await this.db.transaction().execute((trx) => claimDueDeliveries(trx, now, new Date(now.getTime() + 6 * DELIVERY_TIMEOUT_MS), BATCH));
    await Promise.all(due.map((delivery) => this.#attempt(delivery)));
    return due.length;
  }

  /** When the next pending delivery falls due, if before `until`. */
  nextDue(until: Date): Promise<Date | undefined> {
    return nextDueDelivery(this.db, until);
  }

  async #attempt(delivery: DueDelivery): Promise<void> {
    const check = await checkTarget(delivery.webhook.url, this.options.allowPrivateTargets, this.options.resolveHost);
    const result: SendResult = check.ok ? await send(delivery.webhook.url, check.address, ...signed(delivery)) : { error: `target refused: ${check.message}` };
    const outcome = this.#outcome(delivery, result);
    await recordDeliveryOutcome(this.db, delivery.id, outcome);
    if (result.status === 410) await this.#disableGone(delivery.webhook.id);
  }

  #outcome(delivery: DueDelivery, result: SendResult): DeliveryOutcome {
    const status = result.status ?? null;
    if (status !== null && status >= 200 && status < 300) return { state: 'delivered', lastStatus: status, lastError: null, nextAttemptAt: null };
    const lastError = result.error ?? (status !== null && status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`);
    if (status === 410) return { state: 'failed', lastStatus: status, lastError: 'HTTP 410: the receiver is gone; the webhook is disabled', nextAttemptAt: null };
    const now = Date.now();
    const retryAfter = status === 429 || status === 503 ? parseRetryAfter(result.retryAfter, now) : undefined;
    const delay = retryDelay(this.options.retrySchedule, delivery.attempts - 1, Math.random(), retryAfter);
    const state: DeliveryState = delay === undefined ? 'failed' : 'pending';
    return { state, lastStatus: status, lastError, nextAttemptAt: delay === undefined ? null : new Date(now + delay) };
  }

  async #disableGone(id: string): Promise<void> {
    await this.changes.write(SYSTEM_ACTOR, async (trx, record) => {
      const current = await findWebhook(trx, id, { forUpdate: true });
      if (!current?.enabled) return;
      const updated = await updateWebhook(trx, id, { enabled: false, disabledReason: 'gone' });
      record({ entity: 'webhook', entityId: id, action: 'update', before: withoutSecrets(current), after: withoutSecrets(updated) });
    });
  }

  #checkEvents(events: readonly EventPattern[], actor: Actor): void {
    const families = actsForBkpm(actor) ? STAFF_FAMILIES : INVESTOR_FAMILIES;
    const index = events.findIndex((pattern) => !families.some((family) => pattern.startsWith(family)));
    if (index >= 0) {
      throw forbidden(
        actsForBkpm(actor)
          ? `Staff subscribe to opportunity.* and interest.* events, not ${events[index]}.`
          : `An investor key subscribes to match.new and interest.* events of its own profile, not ${events[index]}.`,
        `events.${index}`,
      );
    }
  }

  async #checkUrl(url: string): Promise<void> {
    const check = await checkTarget(url, this.options.allowPrivateTargets, this.options.resolveHost);
    if (!check.ok) throw badRequest(check.reason === 'unresolvable' ? 'unresolvable-target' : 'disallowed-target', `Refused webhook target: ${check.message}.`, 'url');
  }

  async #visible(db: Kysely<Database> | Transaction<Database>, id: string, actor: Actor, forUpdate = false): Promise<SigningWebhook> {
    const found = await findWebhook(db, id, { forUpdate });
    if (!found || !maySee(actor, { entity: 'webhook', investorId: found.investorId })) throw notFound('Webhook', id);
    return found;
  }
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * Headers and body of one attempt: the same body and webhook-id every time, signed anew with
 * this attempt's timestamp — by the current secret and, for a day after a rotation, the old one.
 */
function signed(delivery: DueDelivery): [Record<string, string>, string] {
  const body = JSON.stringify({ type: delivery.eventType, timestamp: delivery.eventAt.toISOString(), data: delivery.data });
  const now = new Date();
  const { secret, previousSecret, previousSecretUntil } = delivery.webhook;
  const secrets = [secret, ...(previousSecret && previousSecretUntil && previousSecretUntil > now ? [previousSecret] : [])];
  const signature = secrets.map((key) => new Signer(key).sign(delivery.messageId, now, body)).join(' ');
  return [{ 'webhook-id': delivery.messageId, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature }, body];
}
