import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../db/database.ts';
import { parseNotification, type Change, type LocalChanges } from './changes.ts';

/** Something that keeps database rows in memory and must hear when they change. */
export interface ChangeSubscriber {
  applyChange(change: Change): Promise<void>;
  /** Notifications may have been missed (a lost listener connection): forget or reload everything. */
  resync(): void;
}

interface FeedLog {
  error(details: object, message: string): void;
}

/**
 * The one LISTEN connection of an instance, fanned out to every in-memory copy of database
 * state (the matching index, recognised API keys). Changes made on this instance are published
 * here directly, so they apply before the write's response is sent; their notifications, which
 * come back later, are skipped.
 */
export class ChangeFeed implements LocalChanges {
  /** Marks this instance's notifications: it applied them when it made them. */
  readonly source = randomUUID();
  readonly #subscribers: ChangeSubscriber[] = [];
  #stopListening: (() => Promise<void>) | undefined;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly log: FeedLog,
  ) {}

  subscribe(subscriber: ChangeSubscriber): void {
    this.#subscribers.push(subscriber);
  }

  /** Starts listening; call before loading anything, so no change falls between the two. */
  async start(): Promise<void> {
    this.#stopListening = await this.database.listen(
      (payload) => {
        const { change, source } = parseNotification(payload);
        if (change && source !== this.source) void this.publish(change);
      },
      () => this.#subscribers.forEach((subscriber) => subscriber.resync()),
    );
  }

  async stop(): Promise<void> {
    // The database may already be gone (closed first by its owner); nothing is left to stop then.
    await this.#stopListening?.().catch(() => {});
  }

  /**
   * Never fails: a subscriber that cannot apply a change starts over from the database instead
   * (the index makes requests wait for that reload), so the write itself still succeeds.
   */
  async publish(change: Change): Promise<void> {
    await Promise.all(
      this.#subscribers.map(async (subscriber) => {
        try {
          await subscriber.applyChange(change);
        } catch (err) {
          this.log.error({ err, change }, 'could not apply a change; reloading from the database');
          subscriber.resync();
        }
      }),
    );
  }
}
