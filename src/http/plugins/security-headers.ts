import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { originAllowed } from '../../domain/access.ts';

/** Headers a browser script may read: rate limits, request ids, conditional requests, replays. */
const EXPOSED_HEADERS = [
  'x-request-id',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
  'etag',
  'location',
  'idempotent-replayed',
  'www-authenticate',
];

const PREFLIGHT: FastifyCorsOptions = {
  origin: '*',
  methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
  allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'Accept-Language', 'X-Request-Id'],
  maxAge: 600,
};

/**
 * CORS follows the caller, known by now from its key:
 * - preflights are answered for any origin, since the key is checked on the real request;
 * - an embed key gets its own origin back (the key is refused elsewhere from any other);
 * - anonymous callers get `*`: public data, and no credentials are ever involved;
 * - secret keys (admin, staff, investor) get no CORS grant: they belong on servers, not in pages.
 */
function corsFor(request: FastifyRequest): FastifyCorsOptions {
  if (request.method === 'OPTIONS') return PREFLIGHT;
  const principal = request.principal;
  const origin = request.headers.origin;
  if (principal?.role === 'embed' && origin && originAllowed(principal, origin)) return { origin, exposedHeaders: EXPOSED_HEADERS };
  if (principal && principal.role !== 'embed') return { origin: false };
  return { origin: '*', exposedHeaders: EXPOSED_HEADERS };
}

/** Security headers fit for a JSON API, and CORS. Registered after auth, whose result CORS uses. */
export const securityHeadersPlugin = fp(
  async (app) => {
    await app.register(fastifyHelmet, {
      // JSON needs no content security policy; /docs sets its own (see the OpenAPI plugin).
      contentSecurityPolicy: false,
      // Published opportunities and the embed script are meant to be loaded from other sites.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    });
    await app.register(fastifyCors, {
      hook: 'onRequest',
      strictPreflight: false,
      delegator: async (request: FastifyRequest) => corsFor(request),
    });
  },
  { name: 'security-headers', dependencies: ['auth'] },
);
