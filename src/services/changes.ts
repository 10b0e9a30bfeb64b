import type { Kysely, Transaction } from 'kysely';
import { notifyChange } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

export type ChangedEntity = 'opportunity' | 'investor';

/**
 * Writes that other parts of the system must hear about. The notification is sent inside the
 * transaction (PostgreSQL delivers it to every instance on commit); `afterCommit` applies the
 * change on this instance before the caller gets its response, so it reads its own write.
 */
export class ChangeWriter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly channel: string,
    private readonly afterCommit: (change: string) => Promise<void>,
  ) {}

  async write<T>(entity: ChangedEntity, id: string | ((result: T) => string), work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    let change = '';
    const result = await this.db.transaction().execute(async (trx) => {
      const value = await work(trx);
      change = `${entity}:${typeof id === 'string' ? id : id(value)}`;
      await notifyChange(trx, this.channel, change);
      return value;
    });
    await this.afterCommit(change);
    return result;
  }
}
