import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ServiceError } from '../../services/errors.ts';
import type { RateLimitCounters } from '../../services/rate-limits.ts';
import { ReservedCounters } from '../rate-limit-store.ts';
import { rateLimitedRequests } from '../../observability/metrics.ts';

export interface RateLimits {
  /** Requests per minute without a key, per client IP; 0 switches the limit off. */
  anonymousPerMinute: number;
  /** Requests per minute per key (per key and client IP for publishable embed keys); 0: off. */
  keyPerMinute: number;
}

const WINDOW_MS = 60_000;

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * Counters live in PostgreSQL so every instance behind the load balancer enforces one shared
 * limit, reserved in blocks so most requests are counted without a query (see ReservedCounters
 * for the bound on early refusals). Old windows are swept now and then by whichever instance
 * notices first.
 */
function postgresStore(store: RateLimitCounters, log: FastifyBaseLogger) {
  let sweptAt = 0;
  const sweep = () => {
    if (Date.now() - sweptAt < WINDOW_MS) return;
    sweptAt = Date.now();
    store.deleteWindowsBefore(new Date(sweptAt - 2 * WINDOW_MS)).catch((err: unknown) => log.warn({ err }, 'could not delete old rate-limit counters'));
  };
  const counters = new ReservedCounters((bucket, n, windowMs) => store.reserve(bucket, n, windowMs));
  return class PostgresRateLimitStore {
    incr(bucket: string, callback: Callback, timeWindow: number = WINDOW_MS, max?: number): void {
      counters.count(bucket, timeWindow, max).then(
        (counted) => callback(null, counted),
        (err: unknown) => {
          log.error({ err }, 'could not count a request against its rate limit; letting it through');
          callback(err instanceof Error ? err : new Error(String(err)));
        },
      );
      sweep();
    }
    child() {
      return this;
    }
  };
}

/** Per key, or per IP without one; limits and the key come from the caller recognised by auth. */
export const rateLimitPlugin = fp(
  async (app, limits: RateLimits) => {
    const limitFor = (request: FastifyRequest) => (request.principal ? limits.keyPerMinute : limits.anonymousPerMinute);
    await app.register(fastifyRateLimit, {
      global: true,
      hook: 'onRequest',
      timeWindow: WINDOW_MS,
      max: (request) => limitFor(request),
      allowList: (request) => limitFor(request) === 0,
      keyGenerator: (request) => {
        const principal = request.principal;
        if (!principal) return `ip:${request.ip}`;
        // An embed key is public, shared by every visitor of a site: each visitor gets the budget.
        return principal.role === 'embed' ? `key:${principal.keyId}:ip:${request.ip}` : `key:${principal.keyId}`;
      },
      // The database being unreachable is reported by the request itself; counting must not add a second failure.
      skipOnError: true,
      store: postgresStore(app.services.rateLimits, app.log),
      errorResponseBuilder: (request, context) => {
        rateLimitedRequests.inc({ role: request.principal?.role ?? 'anonymous' });
        return new ServiceError(429, 'rate-limited', `Too many requests: at most ${context.max} a minute. Try again in ${Math.ceil(context.ttl / 1000)} s (see Retry-After).`);
      },
    });
  },
  { name: 'rate-limit', dependencies: ['auth'] },
);
