import type { EventAction, EventEntity } from './events.ts';

/** The audit log is a view over the outbox: every event, with its snapshots, in the event vocabulary. */
export interface AuditEntry {
  id: number;
  at: Date;
  actorKeyId: string | null;
  actorRole: string;
  action: EventAction;
  entity: EventEntity;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** Which entries a search returns; every field narrows it. */
export interface AuditQuery {
  entities?: readonly EventEntity[];
  entityId?: string;
  actorKeyId?: string;
  actions?: readonly EventAction[];
  since?: Date;
  until?: Date;
}
