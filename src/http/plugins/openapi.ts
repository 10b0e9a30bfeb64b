import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifySchema, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Audience } from '../../domain/access.ts';
import { Problem } from '../../schemas/common.ts';

export const API_VERSION = '1.0.0';

type Headers = Record<string, { type: string; description: string }>;

const RATE_LIMIT_HEADERS: Headers = {
  'x-ratelimit-limit': { type: 'integer', description: 'Requests allowed in the current one-minute window' },
  'x-ratelimit-remaining': { type: 'integer', description: 'Requests left in the current window' },
  'x-ratelimit-reset': { type: 'integer', description: 'Seconds until the window resets' },
};
const RETRY_AFTER: Headers = { 'retry-after': { type: 'integer', description: 'Seconds to wait before trying again' } };
const WWW_AUTHENTICATE: Headers = { 'www-authenticate': { type: 'string', description: 'Bearer challenge: send `Authorization: Bearer <key>`' } };
const ETAG: Headers = { etag: { type: 'string', description: 'The version of the resource, e.g. `"v3"`; send it back in If-Match or If-None-Match' } };
const LOCATION: Headers = { location: { type: 'string', description: 'Where the new resource is' } };
const REPLAYED: Headers = { 'idempotent-replayed': { type: 'string', description: '`true` when this is the stored response to an earlier request with the same Idempotency-Key' } };

function describeAccess(access: readonly Audience[]): string {
  const keys = access.filter((audience) => audience !== 'anonymous');
  const who = keys.length === 4 ? 'any API key' : `${keys.join(', ')} keys`;
  return access.includes('anonymous') ? `**Access:** anyone; no key needed (with a key: ${who}).` : `**Access:** ${who}.`;
}

/**
 * Adds what the HTTP conventions (keys, rate limits, conditional requests, idempotency) put
 * on every API route, from the route's own config, so routes state them once.
 */
function withConventions(schema: FastifySchema & { description?: string }, route: RouteOptions): FastifySchema {
  const access = route.config?.access;
  if (!access) return schema;
  return {
    ...schema,
    security: access.includes('anonymous') ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }],
    description: [schema.description, describeAccess(access)].filter(Boolean).join('\n\n'),
    response: { ...(schema.response as object), 401: Problem, 403: Problem, 429: Problem },
  };
}

function headersFor(status: string, route: RouteOptions): Headers | undefined {
  const success = status.startsWith('2');
  const headers: Headers = {
    ...((success || status === '429') && RATE_LIMIT_HEADERS),
    ...((status === '429' || status === '503') && RETRY_AFTER),
    ...(status === '401' && WWW_AUTHENTICATE),
    ...((status === '200' || status === '201') && route.config?.etag && ETAG),
    ...(status === '201' && LOCATION),
    ...(status === '201' && route.config?.idempotent && REPLAYED),
  };
  return Object.keys(headers).length ? headers : undefined;
}

/** Any operation may fail on our side (500) or while the database or the process cannot serve (503). */
function withServerErrors(schema: FastifySchema): FastifySchema {
  return { ...schema, response: { ...(schema.response as object), 500: Problem, 503: Problem } };
}

const transform: typeof jsonSchemaTransform = (input) => {
  const schema = withServerErrors(input.route.config?.access ? withConventions(input.schema, input.route) : input.schema);
  const output = jsonSchemaTransform({ ...input, schema });
  const responses = output.schema.response as Record<string, object> | undefined;
  for (const [status, response] of Object.entries(responses ?? {})) {
    const headers = headersFor(status, input.route);
    if (headers) responses![status] = { ...response, headers };
  }
  return output;
};

/** The OpenAPI 3.1 document, generated from the routes' zod schemas, at /openapi.json and /docs. */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Peluang API',
          version: API_VERSION,
          description:
            'Indonesian health-industry investment opportunities (pharmaceuticals, active pharmaceutical ingredients, medical devices), foreign investor profiles, and explained matches between them. Errors are RFC 9457 problem details (`application/problem+json`).\n\n' +
            'Send an API key as `Authorization: Bearer <key>`. Without one, reference data, the matching model and published opportunities can be read. Creates accept `Idempotency-Key`; single resources carry an `ETag` for `If-None-Match` and `If-Match`. Every API response carries rate-limit headers.',
        },
        components: {
          securitySchemes: {
            bearerAuth: {
              type: 'http',
              scheme: 'bearer',
              description: 'An API key, `pk_<role>_…`, with role admin, staff, investor or embed',
            },
          },
        },
        tags: [
          { name: 'reference', description: 'Controlled vocabularies and reference data' },
          { name: 'opportunities', description: 'Investment opportunities published by BKPM staff' },
          { name: 'investors', description: 'Foreign investor profiles' },
          { name: 'matching', description: 'Explained matches between investors and opportunities' },
          { name: 'api-keys', description: 'API keys and their roles' },
          { name: 'audit', description: 'Who changed what, and when' },
          { name: 'interests', description: "Investors' expressions of interest through BKPM's pipeline (confidential)" },
          { name: 'webhooks', description: 'Signed event notifications (Standard Webhooks)' },
          { name: 'stats', description: 'The deal-flow funnel BKPM reports on' },
          { name: 'operations', description: 'Health and readiness' },
        ],
      },
      transform,
      transformObject: jsonSchemaTransformObject,
    });
    // The docs page sets its own content security policy, which allows what swagger-ui runs.
    await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
