import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { IdempotencyClaim } from '../../services/idempotency.ts';
import { sendProblem } from './problems.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route creates something: it honours `Idempotency-Key`. `withhold` names response
     * fields never stored for a replay (they come back as null), for secrets shown only once.
     */
    idempotent?: true | { withhold: readonly string[] };
  }
  interface FastifyRequest {
    idempotencyClaim: IdempotencyClaim | null;
  }
}

/** Response headers a replay must repeat. */
const REPLAYED_HEADERS = ['location', 'etag', 'content-type'] as const;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function requestHash(request: FastifyRequest): string {
  const path = request.url.split('?')[0];
  return createHash('sha256').update(`${request.method} ${path}\n${canonicalJson(request.body ?? null)}`).digest('hex');
}

/**
 * `Idempotency-Key` on creates, kept in PostgreSQL so a retry is recognised by any instance,
 * after a restart too. The key is claimed before the work starts (so a concurrent duplicate
 * is turned away), and the response is stored once sent, to be replayed to any retry.
 * Requests that fail validation never get this far and store nothing, as with Stripe.
 */
export const idempotencyPlugin = fp(
  async (app, options: { requestTimeoutMs: number }) => {
    const keys = app.services.idempotency;
    let sweptAt = 0;
    app.decorateRequest('idempotencyClaim', null);

    app.addHook('preHandler', async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (!request.routeOptions.config.idempotent || typeof key !== 'string' || !request.principal) return;
      const owner = request.principal.keyId;
      const hash = requestHash(request);
      if (Date.now() - sweptAt > SWEEP_EVERY_MS) {
        sweptAt = Date.now();
        keys.deleteExpired().catch((err: unknown) => request.log.warn({ err }, 'could not delete expired idempotency keys'));
      }
      // A request older than the timeout has been answered (503) and will not store a result: its claim is free.
      const claim = await keys.claim(owner, key, hash, options.requestTimeoutMs);
      if (claim) {
        request.idempotencyClaim = claim;
        return;
      }
      const earlier = await keys.find(owner, key);
      if (earlier && earlier.requestHash !== hash) {
        return sendProblem(request, reply, {
          status: 422,
          code: 'idempotency-key-reused',
          title: 'Idempotency key reused',
          detail: 'This Idempotency-Key was already used for a different request; use a new key for a new request.',
          errors: [{ in: 'headers', field: 'idempotency-key', pointer: '/idempotency-key', message: 'already used with a different body or path' }],
        });
      }
      if (!earlier || earlier.status === 0) {
        return sendProblem(request, reply, {
          status: 409,
          code: 'idempotency-key-in-progress',
          title: 'Conflict',
          detail: 'A request with this Idempotency-Key is still being handled; retry once it has finished.',
        });
      }
      for (const [name, value] of Object.entries(earlier.headers)) reply.header(name, value);
      return reply.code(earlier.status).header('idempotent-replayed', 'true').send(JSON.stringify(earlier.response));
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotencyClaim;
      if (!claim) return payload;
      request.idempotencyClaim = null;
      if (reply.statusCode >= 500 || typeof payload !== 'string') {
        // Our failure, not the request's: let a retry run it again. With the database away the
        // claim stays until the request timeout, then a retry takes it over.
        await keys.release(claim).catch((err: unknown) => request.log.warn({ err }, 'could not release an idempotency key'));
        return payload;
      }
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      const response = JSON.parse(payload) as unknown;
      const config = request.routeOptions.config.idempotent;
      if (typeof config === 'object' && response && typeof response === 'object') {
        for (const field of config.withhold) if (field in response) (response as Record<string, unknown>)[field] = null;
      }
      if (!(await keys.complete(claim, { status: reply.statusCode, response, headers }))) {
        request.log.warn({ idempotencyKey: claim.key }, 'idempotency key was taken over after the request timeout; this response is not stored');
      }
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['auth'] },
);
