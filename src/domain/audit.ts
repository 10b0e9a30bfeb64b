import type { EventEntity } from './events.ts';

/** The audit log is a view over the outbox: every event, with its snapshots. */
export type AuditedEntity = EventEntity;

export interface AuditEntry {
  id: number;
  at: Date;
  actorKeyId: string | null;
  actorRole: string;
  action: string;
  entity: AuditedEntity;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** Which entries a search returns; every field narrows it. */
export interface AuditQuery {
  entities?: readonly string[];
  entityId?: string;
  actorKeyId?: string;
  actions?: readonly string[];
  since?: Date;
  until?: Date;
}
