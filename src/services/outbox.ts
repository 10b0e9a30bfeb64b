import type { Transaction } from 'kysely';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { claimUnprocessedEvents, markEventsProcessed, type StoredEvent } from '../db/repositories/events.ts';
import type { Database } from '../db/schema.ts';
import type { ChangeWriter, RecordChange } from './changes.ts';

/** Something derived from events: webhook deliveries, declined interests, match alerts. */
export interface EventReaction {
  /** Work that must not run inside the claim's transaction (loading an in-memory index). */
  prepare?(): Promise<void>;
  react(trx: Transaction<Database>, record: RecordChange, event: StoredEvent): Promise<void>;
}

const BATCH = 100;

/**
 * Reads the outbox. A batch of events is claimed with FOR UPDATE SKIP LOCKED, every reaction
 * runs in the same transaction, and the events are marked processed with it: an event is
 * handled once across instances, and a failed batch is retried whole. Events the reactions
 * record (match alerts, declines) join the outbox and are handled in a later batch.
 */
export class OutboxProcessor {
  constructor(
    private readonly changes: ChangeWriter,
    private readonly reactions: readonly EventReaction[],
  ) {}

  /** Handles one batch; answers how many events it handled. */
  async runOnce(): Promise<number> {
    for (const reaction of this.reactions) await reaction.prepare?.();
    return this.changes.write(SYSTEM_ACTOR, async (trx, record) => {
      const events = await claimUnprocessedEvents(trx, BATCH);
      for (const event of events) {
        for (const reaction of this.reactions) await reaction.react(trx, record, event);
      }
      await markEventsProcessed(trx, events.map((event) => event.id));
      return events.length;
    });
  }
}
