import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../domain/access.ts';
import { notifyChange } from '../db/database.ts';
import { insertEvents } from '../db/repositories/events.ts';
import type { Database } from '../db/schema.ts';
import { eventData, eventOf, type EventEntity, type RecordedChange } from '../domain/events.ts';

export type { RecordedChange } from '../domain/events.ts';

/** Records one change; its entity and action must name an event type, so the compiler checks both. */
export type RecordChange = (change: RecordedChange) => void;

/** Where this process applies its own changes; its notifications carry `source`, so it can skip them. */
export interface LocalChanges {
  readonly source: string;
  publish(change: Change): Promise<void>;
}

/** Entities other parts of the system keep in memory, and so must hear about. */
export const NOTIFIED_ENTITIES = ['opportunity', 'investor', 'api-key'] as const satisfies readonly EventEntity[];

/** The change after a bulk load (seeding, demo data): every in-memory copy starts over. Its notification is the bare word. */
export const RELOAD = 'reload';

export const CHANGE_KINDS = [...NOTIFIED_ENTITIES, RELOAD] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A change as subscribers get it: an entity and its id, or `reload` (no id) after a bulk load. */
export interface Change {
  entity: ChangeKind;
  id: string | undefined;
}

/** Separates a notification's change from the process that made it: `investor:<id>@<source>`. */
const SOURCE_MARK = '@';

const isChangeKind = (entity: string): entity is ChangeKind => (CHANGE_KINDS as readonly string[]).includes(entity);

/**
 * Reads a notification (`investor:<id>@<source>`, or a bare `reload` from seeding); a kind this
 * version does not know (sent by a newer instance) is nobody's concern here: no change.
 */
export function parseNotification(payload: string): { change: Change | undefined; source: string | undefined } {
  const [text = '', source] = payload.split(SOURCE_MARK);
  const [entity = '', id] = text.split(':');
  return { change: isChangeKind(entity) ? { entity, id } : undefined, source };
}

/** The notification text for a change made by `source`. */
export const notificationOf = (change: Change, source: string) => `${change.entity}${change.id === undefined ? '' : `:${change.id}`}${SOURCE_MARK}${source}`;

/**
 * Past this many changed rows in one write (a bulk import), subscribers are told to reload
 * once instead of reading every row again.
 */
const BULK_CHANGE = 100;

const isNotified = (entity: EventEntity): entity is (typeof NOTIFIED_ENTITIES)[number] => (NOTIFIED_ENTITIES as readonly string[]).includes(entity);

/**
 * Every write goes through here: each recorded change becomes one typed event in the outbox,
 * in the same transaction that makes it. The audit log is a view over those events, and
 * webhooks and match alerts are derived from them in the background. The notification is sent inside the transaction too (PostgreSQL delivers it to
 * every instance on commit); the change is applied on this instance before the caller gets its
 * response, so it reads its own write.
 */
export class ChangeWriter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly channel: string,
    private readonly local: LocalChanges,
  ) {}

  async write<T>(actor: Actor, work: (trx: Transaction<Database>, record: RecordChange) => Promise<T>): Promise<T> {
    let notifications: Change[] = [];
    const result = await this.db.transaction().execute(async (trx) => {
      const recorded: RecordedChange[] = [];
      const value = await work(trx, (change) => void recorded.push(change));
      await insertEvents(
        trx,
        recorded.map((change) => ({
          ...change,
          ...eventData(change),
          type: eventOf(change.entity, change.action).type,
          actorKeyId: actor.keyId,
          actorRole: actor.role,
          requestId: actor.requestId,
        })),
      );
      const notified = new Map<string, Change>();
      for (const c of recorded) if (isNotified(c.entity)) notified.set(`${c.entity}:${c.entityId}`, { entity: c.entity, id: c.entityId });
      notifications = notified.size > BULK_CHANGE ? [{ entity: RELOAD, id: undefined }] : [...notified.values()];
      for (const change of notifications) await notifyChange(trx, this.channel, notificationOf(change, this.local.source));
      return value;
    });
    for (const change of notifications) await this.local.publish(change);
    return result;
  }
}
