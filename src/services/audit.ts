import type { Kysely } from 'kysely';
import { searchAudit } from '../db/repositories/audit.ts';
import type { Database } from '../db/schema.ts';
import type { AuditQuery } from '../domain/audit.ts';
import { badRequest, withCursor } from './errors.ts';

/** Reading the audit log; entries are written by ChangeWriter alongside each change. */
export class AuditService {
  constructor(private readonly db: Kysely<Database>) {}

  async search(filter: AuditQuery, page: { limit: number; cursor?: string | undefined }) {
    if (filter.since && filter.until && filter.since >= filter.until) {
      throw badRequest('invalid-range', '`since` must be before `until`.', 'until', 'querystring');
    }
    return withCursor(() => searchAudit(this.db, filter, { limit: page.limit, ...(page.cursor && { cursor: page.cursor }) }));
  }
}
