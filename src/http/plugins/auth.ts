import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { actorOf, originAllowed, type Actor, type Audience, type Principal } from '../../domain/access.ts';
import type { ProblemCode } from '../../domain/problem-codes.ts';
import { sendProblem } from './problems.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Every /v1 route must say; other routes (health, docs) are public. */
    access?: readonly Audience[];
  }
  interface FastifyRequest {
    /** The caller's API key, once recognised; null for anonymous callers. */
    principal: Principal | null;
    /** Set when an Authorization header was sent but names no working key. */
    authFailure: 'malformed' | 'invalid' | null;
    /** The caller as services see it: for object-level rules and the audit log. */
    readonly actor: Actor;
  }
}

const BEARER = /^Bearer +([^\s]+) *$/i;
const REALM = 'Bearer realm="peluang"';

/**
 * API keys: recognised as the request arrives (so CORS and rate limits know the caller),
 * enforced once those have run, before the body is even read.
 */
export const authPlugin = fp(
  async (app) => {
    const keys = app.services.apiKeys;
    app.decorateRequest('principal', null);
    app.decorateRequest('authFailure', null);
    app.decorateRequest('actor', {
      getter(this: FastifyRequest) {
        return actorOf(this.principal, this.id);
      },
    });

    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/v1/') && !route.config?.access) {
        throw new Error(`${route.method} ${route.url} must declare who may call it (config.access)`);
      }
    });

    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      if (header === undefined) return;
      const key = BEARER.exec(header)?.[1];
      if (!key) {
        request.authFailure = 'malformed';
        return;
      }
      request.principal = await keys.authenticate(key);
      if (!request.principal) request.authFailure = 'invalid';
    });

    app.addHook('preParsing', async (request, reply) => {
      if (request.authFailure) return unauthorized(request, reply, request.authFailure);
      const access = request.routeOptions.config.access;
      if (!access) return;
      const principal = request.principal;
      if (principal?.role === 'embed' && !originAllowed(principal, request.headers.origin)) {
        return sendProblem(request, reply, {
          status: 403,
          code: 'origin-not-allowed',
          title: 'Origin not allowed',
          detail: request.headers.origin
            ? 'This embed key may not be used from this web origin; ask for the origin to be added to the key.'
            : 'Embed keys work only from web pages on their allowed origins (the request has no Origin header).',
        });
      }
      const audience: Audience = principal?.role ?? 'anonymous';
      if (access.includes(audience)) return;
      if (!principal) return unauthorized(request, reply, 'missing');
      return sendProblem(request, reply, {
        status: 403,
        code: 'forbidden',
        title: 'Forbidden',
        detail: `${principal.role} keys may not ${request.method} ${request.routeOptions.url}.`,
      });
    });
  },
  { name: 'auth', dependencies: ['problems'] },
);

function unauthorized(request: FastifyRequest, reply: FastifyReply, why: 'missing' | 'malformed' | 'invalid'): FastifyReply {
  // The key itself never appears in the answer (nor in logs, where Authorization is redacted).
  const details = (
    {
      missing: { code: 'authentication-required', detail: 'This operation needs an API key: send `Authorization: Bearer <key>`.' },
      malformed: { code: 'invalid-api-key', detail: 'Send the API key as `Authorization: Bearer <key>`.' },
      invalid: { code: 'invalid-api-key', detail: 'The API key is not valid: it is unknown, revoked or mistyped.' },
    } satisfies Record<typeof why, { code: ProblemCode; detail: string }>
  )[why];
  reply.header('www-authenticate', why === 'missing' ? REALM : `${REALM}, error="invalid_token"`);
  return sendProblem(request, reply, { status: 401, title: 'Unauthorized', ...details });
}
