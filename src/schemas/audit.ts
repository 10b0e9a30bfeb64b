import { z } from 'zod';
import { EVENT_ACTIONS, EVENT_ENTITIES } from '../domain/events.ts';
import { Cursor, Id, PageLimit, Timestamp, csvList, page } from './common.ts';

const Snapshot = z.record(z.string(), z.unknown()).nullable();

export const AuditEntry = z
  .object({
    id: z.number().int().meta({ description: 'Increases with every entry' }),
    at: Timestamp,
    actorKeyId: Id.nullable().meta({ description: 'The API key that made the change; null for the operator at the command line' }),
    actorRole: z.string().meta({ description: 'The role of that key, or `system`' }),
    action: z.enum(EVENT_ACTIONS),
    entity: z.enum(EVENT_ENTITIES),
    entityId: Id,
    before: Snapshot.meta({ description: 'The entity before the change; null when created' }),
    after: Snapshot.meta({ description: 'The entity after the change; null when deleted' }),
    requestId: z.string().nullable().meta({ description: 'X-Request-Id of the request that made the change' }),
  })
  .meta({ id: 'AuditEntry' });

export const AuditPage = page(AuditEntry, 'AuditPage');

export const AuditSearch = z
  .object({
    entity: csvList(z.enum(EVENT_ENTITIES), EVENT_ENTITIES.length, 'Kinds of entity').optional(),
    entityId: Id.optional(),
    actorKeyId: Id.optional(),
    action: csvList(z.enum(EVENT_ACTIONS), EVENT_ACTIONS.length, 'Actions').optional(),
    since: Timestamp.optional().meta({ description: 'Entries at or after this time' }),
    until: Timestamp.optional().meta({ description: 'Entries before this time' }),
    limit: PageLimit,
    cursor: Cursor.optional(),
  })
  .strict();
export type AuditEntryView = z.infer<typeof AuditEntry>;
