import { z } from 'zod';
import { EVENT_PATTERNS, EVENT_TYPES } from '../domain/events.ts';
import { DELIVERY_STATES } from '../domain/webhooks.ts';
import { Cursor, Id, PageLimit, Timestamp, page, uniqueList } from './common.ts';

export const EventPatternSchema = z.enum(EVENT_PATTERNS).meta({
  id: 'WebhookEventPattern',
  description: 'An event type, or every type of a family: `opportunity.*`, `interest.*`',
});

const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })
  .max(2000)
  .meta({ description: 'Where events are POSTed; https, on a public address', example: 'https://hooks.kotra.example/peluang' });

const MinScore = z.number().min(0).max(100).meta({ description: '`match.new` only: the lowest score to be told of; default 75 (the `strong` band)' });

export const WebhookCreate = z
  .object({
    url: WebhookUrl,
    events: uniqueList(EventPatternSchema, EVENT_PATTERNS.length).min(1),
    minScore: MinScore.optional(),
  })
  .strict()
  .meta({ id: 'WebhookCreateInput' });

export const WebhookUpdate = z
  .object({
    url: WebhookUrl.optional(),
    events: uniqueList(EventPatternSchema, EVENT_PATTERNS.length).min(1).optional(),
    minScore: MinScore.nullable().optional(),
    enabled: z.boolean().optional().meta({ description: 'false pauses deliveries; true resumes them (also after a 410)' }),
  })
  .strict()
  .meta({ id: 'WebhookUpdateInput' });

export const Webhook = z
  .object({
    id: Id,
    url: z.string(),
    events: z.array(EventPatternSchema),
    minScore: z.number().nullable(),
    investorId: Id.nullable().meta({ description: 'The investor profile an investor key subscribed for; null for staff subscriptions' }),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().meta({ description: '`gone` after the receiver answered 410; `disabled` when switched off' }),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    secret: z.string().optional().meta({ description: 'The signing secret (`whsec_…`), shown only when created or rotated' }),
  })
  .meta({ id: 'Webhook' });
export type WebhookView = z.infer<typeof Webhook>;

export const WebhookPage = page(Webhook, 'WebhookPage');

export const Delivery = z
  .object({
    id: Id,
    eventId: z.number().int(),
    eventType: z.enum(EVENT_TYPES),
    messageId: z.string().meta({ description: 'The `webhook-id` header: the same on every attempt and redelivery' }),
    state: z.enum(DELIVERY_STATES),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: Timestamp.nullable(),
    createdAt: Timestamp,
    deliveredAt: Timestamp.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type DeliveryView = z.infer<typeof Delivery>;

export const DeliveryPage = page(Delivery, 'WebhookDeliveryPage');

export const PageQuery = z.object({ limit: PageLimit, cursor: Cursor.optional() }).strict();

export const DeliveryParams = z.object({ id: Id, deliveryId: Id }).strict();
