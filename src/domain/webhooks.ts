import ipaddr from 'ipaddr.js';
import type { EventPattern, EventType } from './events.ts';

/** Webhook delivery states; `failed` deliveries stay listable and may be redelivered. */
export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface Webhook {
  id: string;
  url: string;
  events: EventPattern[];
  minScore: number | null;
  /** The investor profile an investor key's subscription belongs to; null for staff subscriptions. */
  investorId: string | null;
  ownerKeyId: string | null;
  enabled: boolean;
  disabledReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A subscription with its signing secrets, as only delivery sees it. */
export interface SigningWebhook extends Webhook {
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

export interface Delivery {
  id: string;
  webhookId: string;
  eventId: number;
  eventType: EventType;
  messageId: string;
  state: DeliveryState;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** A claimed delivery with what sending it needs. */
export interface DueDelivery extends Delivery {
  eventAt: Date;
  data: Record<string, unknown>;
  webhook: SigningWebhook;
}

/** How long a rotated-out secret still signs, so receivers can switch over without losing messages. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;
export const DELIVERY_TIMEOUT_MS = 10_000;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `5s,5m,30m` → delays in milliseconds before each retry; undefined when malformed. */
export function parseRetrySchedule(text: string): number[] | undefined {
  const delays = text.split(',').map((part) => {
    const match = /^\s*(\d{1,9})(ms|s|m|h)\s*$/.exec(part);
    return match ? Number(match[1]) * UNITS[match[2]!]! : Number.NaN;
  });
  return delays.length > 0 && delays.length <= 50 && delays.every(Number.isFinite) ? delays : undefined;
}

/**
 * The delay before retry number `retry` (0-based), ±20 % jitter so retries of many deliveries
 * spread out; a receiver's Retry-After (on 429/503) is honoured up to twice the scheduled delay.
 * Undefined when the schedule is used up.
 */
export function retryDelay(schedule: readonly number[], retry: number, random: number, retryAfterMs?: number): number | undefined {
  const scheduled = schedule[retry];
  if (scheduled === undefined) return undefined;
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, 2 * scheduled);
  return Math.round(scheduled * (0.8 + 0.4 * random));
}

/** Retry-After as seconds or an HTTP date, in milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d{1,9}$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export type TargetRefusal =
  | { reason: 'not-https'; message: string }
  | { reason: 'numeric-host'; message: string }
  | { reason: 'private-address'; message: string };

/**
 * Only ordinary public unicast addresses are targets: no loopback, private, link-local, CGNAT,
 * multicast, unspecified, IPv4-mapped or NAT64 addresses, nor anything reserved.
 */
export function addressRefusal(address: string): TargetRefusal | undefined {
  if (!ipaddr.isValid(address)) return { reason: 'private-address', message: `${address} is not an IP address` };
  const range = ipaddr.parse(address).range();
  return range === 'unicast' ? undefined : { reason: 'private-address', message: `${address} is a ${range} address, not a public one` };
}

/**
 * Checks what can be checked without DNS: https only, and an IPv4 host written as it reads
 * (`2130706433`, `0177.0.0.1` and `0x7f.1` are refused, not reinterpreted). Returns the host
 * the URL names.
 */
export function checkTargetUrl(raw: string, allowPrivate: boolean): { host: string; refusal?: TargetRefusal } {
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return { host, refusal: { reason: 'not-https', message: 'webhook targets must use https' } };
  }
  const written = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(raw)?.[1]?.toLowerCase() ?? '';
  if (ipaddr.IPv4.isValid(host) && written !== host) {
    return { host, refusal: { reason: 'numeric-host', message: `the host ${written} is an IPv4 address in decimal, octal or hex form; write it as dotted decimal` } };
  }
  return { host };
}
