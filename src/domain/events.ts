/**
 * The event vocabulary: every recorded change becomes one typed event in the outbox, from
 * which the audit log, the change feed, webhooks and match alerts are all derived.
 */

export const EVENT_TYPES = [
  'opportunity.created',
  'opportunity.submitted',
  'opportunity.changes_requested',
  'opportunity.published',
  'opportunity.updated',
  'opportunity.stale',
  'opportunity.withdrawn',
  'opportunity.closed',
  'match.new',
  'interest.created',
  'interest.stage_changed',
  'interest.updated',
  'interest.expiring',
  'interest.contact_erased',
  'investor.created',
  'investor.updated',
  'investor.deleted',
  'api_key.created',
  'api_key.revoked',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.secret_rotated',
  'webhook.ping',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** The part of an event type before the dot: `opportunity`, `interest`… */
export type EventFamily = EventType extends `${infer Family}.${string}` ? Family : never;

/** What a webhook may subscribe to; the rest (profiles, keys, subscriptions) stay internal. */
export const WEBHOOK_EVENT_TYPES = [
  'opportunity.submitted',
  'opportunity.changes_requested',
  'opportunity.published',
  'opportunity.updated',
  'opportunity.stale',
  'opportunity.withdrawn',
  'opportunity.closed',
  'match.new',
  'interest.created',
  'interest.stage_changed',
  'interest.expiring',
  'webhook.ping',
] as const satisfies readonly EventType[];
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Subscription patterns: an exact type, or every type of one family. */
export const EVENT_WILDCARDS = ['opportunity.*', 'interest.*'] as const;
export const EVENT_PATTERNS = [...WEBHOOK_EVENT_TYPES, ...EVENT_WILDCARDS] as const;
export type EventPattern = (typeof EVENT_PATTERNS)[number];

export function patternMatches(pattern: EventPattern, type: EventType): boolean {
  return pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type) : pattern === type;
}

/** Which event each (entity, action) makes, and the reason it carries when one type has several causes. */
interface EventMapping {
  type: EventType;
  reason?: string;
}

export const EVENT_MAP = {
  opportunity: {
    create: { type: 'opportunity.created' },
    update: { type: 'opportunity.updated' },
    submit: { type: 'opportunity.submitted' },
    'request-changes': { type: 'opportunity.changes_requested' },
    publish: { type: 'opportunity.published' },
    verify: { type: 'opportunity.updated', reason: 'verified' },
    stale: { type: 'opportunity.stale' },
    withdraw: { type: 'opportunity.withdrawn' },
    close: { type: 'opportunity.closed', reason: 'closed' },
    expire: { type: 'opportunity.closed', reason: 'expired' },
  },
  match: {
    alert: { type: 'match.new' },
  },
  interest: {
    create: { type: 'interest.created' },
    transition: { type: 'interest.stage_changed' },
    expire: { type: 'interest.stage_changed', reason: 'expired' },
    update: { type: 'interest.updated' },
    warn: { type: 'interest.expiring' },
    'erase-contact': { type: 'interest.contact_erased' },
  },
  investor: {
    create: { type: 'investor.created' },
    update: { type: 'investor.updated' },
    delete: { type: 'investor.deleted' },
  },
  'api-key': {
    create: { type: 'api_key.created' },
    revoke: { type: 'api_key.revoked' },
  },
  webhook: {
    create: { type: 'webhook.created' },
    update: { type: 'webhook.updated' },
    delete: { type: 'webhook.deleted' },
    'rotate-secret': { type: 'webhook.secret_rotated' },
    ping: { type: 'webhook.ping' },
  },
} as const satisfies Record<string, Record<string, EventMapping>>;

type EventMap = typeof EVENT_MAP;
export type EventEntity = keyof EventMap;
export type EventAction = { [E in EventEntity]: keyof EventMap[E] }[EventEntity];
/** The actions an entity may record, so a typo in a service fails to compile. */
export type ActionOf<E extends EventEntity> = E extends EventEntity ? keyof EventMap[E] & string : never;

export const EVENT_ENTITIES = Object.keys(EVENT_MAP) as EventEntity[];
export const EVENT_ACTIONS = [...new Set(Object.values(EVENT_MAP).flatMap((actions) => Object.keys(actions)))] as EventAction[];

export function eventOf(entity: EventEntity, action: string): EventMapping {
  const mapping = (EVENT_MAP[entity] as Record<string, EventMapping>)[action];
  if (!mapping) throw new Error(`No event type for ${entity} ${action}; add it to EVENT_MAP`);
  return mapping;
}

interface ChangeOf<E extends EventEntity> {
  entity: E;
  entityId: string;
  action: ActionOf<E>;
  before: unknown;
  after: unknown;
  /** Fields receivers need that are not in the snapshots (a match's score, a decline reason). */
  data?: Record<string, unknown>;
}

/** A change as a service records it; snapshots never hold key secrets or hashes. */
export type RecordedChange = { [E in EventEntity]: ChangeOf<E> }[EventEntity];

type Snapshot = Record<string, unknown> | null | undefined;

/**
 * The thin payload receivers get: ids and the few fields that say what happened. Whatever is
 * personal (contacts, messages, notes) stays out.
 */
export function eventData(change: RecordedChange): { data: Record<string, unknown>; investorId: string | null } {
  const { reason } = eventOf(change.entity, change.action);
  const after = (change.after ?? change.before) as Snapshot;
  const before = change.before as Snapshot;
  const extra = { ...(reason && { reason }), ...change.data };
  switch (change.entity) {
    case 'opportunity':
      return {
        data: { opportunityId: change.entityId, status: after?.status, version: after?.version, ...extra },
        investorId: null,
      };
    case 'interest': {
      const investorId = (after?.investorId as string | undefined) ?? null;
      return {
        data: {
          interestId: change.entityId,
          opportunityId: after?.opportunityId,
          investorId,
          stage: after?.stage,
          ...(before && before.stage !== after?.stage && { previousStage: before.stage }),
          ...extra,
        },
        investorId,
      };
    }
    case 'match':
      return { data: { opportunityId: change.entityId, ...extra }, investorId: (change.data?.investorId as string | undefined) ?? null };
    case 'investor':
      return { data: { investorId: change.entityId }, investorId: change.entityId };
    default:
      return { data: { id: change.entityId, ...extra }, investorId: null };
  }
}
