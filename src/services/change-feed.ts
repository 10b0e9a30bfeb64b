import type { DatabaseHandle } from '../db/database.ts';

/** Something that keeps database rows in memory and must hear when they change. */
export interface ChangeSubscriber {
  /** One change: `<entity>:<id>`, or `reload` after a bulk load. */
  applyChange(payload: string): Promise<void>;
  /** Notifications may have been missed (a lost listener connection): forget or reload everything. */
  resync(): void;
}

interface FeedLog {
  error(details: object, message: string): void;
}

/**
 * The one LISTEN connection of an instance, fanned out to every in-memory copy of database
 * state (the matching index, recognised API keys). Changes made on this instance are also
 * published here directly, so they apply before the write's response is sent.
 */
export class ChangeFeed {
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
      (payload) => void this.publish(payload).catch((err: unknown) => this.log.error({ err, payload }, 'could not apply a change notification')),
      () => this.#subscribers.forEach((subscriber) => subscriber.resync()),
    );
  }

  async stop(): Promise<void> {
    // The database may already be gone (closed first by its owner); nothing is left to stop then.
    await this.#stopListening?.().catch(() => {});
  }

  async publish(payload: string): Promise<void> {
    await Promise.all(this.#subscribers.map((subscriber) => subscriber.applyChange(payload)));
  }
}
