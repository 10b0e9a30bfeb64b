import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifySchema, RouteOptions } from 'fastify';
import type { ZodType } from 'zod';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Audience } from '../../domain/access.ts';
import { Problem } from '../../schemas/common.ts';
import { PROBLEM_CONTENT_TYPE, TITLES } from './problems.ts';

export const API_VERSION = '1.0.0';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Request bodies by media type, for the OpenAPI document only: a route that takes files
     * as well as JSON reads and checks its body itself.
     */
    requestBodies?: Record<string, ZodType>;
  }
}

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
const LOCALIZED: Headers = {
  'content-language': { type: 'string', description: 'The language of the text in the response: `en`, `id`, `ko`, `ja` or `zh-Hans`' },
  vary: { type: 'string', description: 'Includes `Accept-Language`: the response depends on it' },
};
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
    // Open routes carry no padlock; what a key adds there is in the description.
    security: access.includes('anonymous') ? [] : [{ bearerAuth: [] }],
    description: [schema.description, describeAccess(access)].filter(Boolean).join('\n\n'),
    response: { ...(schema.response as object), 401: Problem, 403: Problem, 429: Problem },
  };
}

function headersFor(status: string, route: RouteOptions): Headers | undefined {
  const success = status.startsWith('2');
  const headers: Headers = {
    ...LOCALIZED,
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

type ObjectSchema = { type?: string; properties?: Record<string, object> };

/** Adds a property to a request part's schema, creating the part when the route has none. */
function withProperty(part: unknown, name: string, schema: object): ObjectSchema {
  const object = (part ?? { type: 'object' }) as ObjectSchema;
  return { ...object, properties: { ...object.properties, [name]: schema } };
}

/** Every API route answers in the caller's language (see the language plugin). */
function withLanguageParameters(schema: Record<string, unknown>): void {
  schema.headers = withProperty(schema.headers, 'accept-language', {
    type: 'string',
    description: 'Preferred languages (RFC 9110), e.g. `ko-KR,ko;q=0.9,en;q=0.5`. Served: en, id, ko, ja, zh (Simplified Chinese; `zh-CN`, `zh-Hans`, and also `zh-TW`/`zh-Hant`, get it). Default: en.',
    example: 'ko-KR,ko;q=0.9,en;q=0.5',
  });
  schema.querystring = withProperty(schema.querystring, 'lang', {
    type: 'string',
    description: 'Overrides Accept-Language, for links and embeds: `en`, `id`, `ko`, `ja`, `zh` or a tag such as `zh-CN`',
    example: 'ko',
  });
}

/** What a problem of each status typically says, as the service words it. */
const PROBLEM_EXAMPLES: Record<string, { code: string; detail: string }> = {
  '400': { code: 'validation-failed', detail: 'body investmentUsd.max: min must not exceed max' },
  '401': { code: 'authentication-required', detail: 'This route needs an API key: send Authorization: Bearer <key>.' },
  '403': { code: 'forbidden', detail: 'investor keys may not POST /v1/opportunities.' },
  '404': { code: 'not-found', detail: 'Opportunity 0195f7e2-5b4c-7c3e-9a51-2f1d8c6b7a10 does not exist' },
  '409': { code: 'invalid-transition', detail: 'Opportunity 0195f7e2-5b4c-7c3e-9a51-2f1d8c6b7a10 is already published.' },
  '412': { code: 'precondition-failed', detail: 'Opportunity 0195f7e2-5b4c-7c3e-9a51-2f1d8c6b7a10 has changed since you read it (it is now at version 3, ETag "v3"); read it again and reapply your change.' },
  '413': { code: 'payload-too-large', detail: 'The body is larger than the service accepts.' },
  '415': { code: 'unsupported-media-type', detail: 'Send the body as application/json.' },
  '422': { code: 'unknown-investor', detail: 'Investor 0195f7e2-5b4c-7c3e-9a51-2f1d8c6b7a10 does not exist or was deleted.' },
  '429': { code: 'rate-limited', detail: 'Too many requests: at most 600 a minute. Try again in 17 s (see Retry-After).' },
  '500': { code: 'internal', detail: 'Something went wrong on our side; quote request id 6f1c2a0e-8d7b-4c55-9a3e-2b7f0d9e4c11 when reporting it.' },
  '503': { code: 'database-unavailable', detail: 'The database does not answer; check DATABASE_URL and that PostgreSQL is running.' },
};

/** An error response as the service sends it: `application/problem+json`, with an example. */
function problemResponse(status: string, schema: object, url: string, headers: Headers | undefined): object {
  const title = TITLES[Number(status)]?.en ?? 'Error';
  const example = PROBLEM_EXAMPLES[status];
  return {
    description: title,
    ...(headers && { headers }),
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema,
        ...(example && {
          example: { type: `https://peluang.example.id/problems/${example.code}`, title, status: Number(status), ...example, instance: url.replace(/:\w+/g, '0195f7e2-5b4c-7c3e-9a51-2f1d8c6b7a10'), requestId: '6f1c2a0e-8d7b-4c55-9a3e-2b7f0d9e4c11' },
        }),
      },
    },
  };
}

/**
 * Every route's OpenAPI operation, made consistent here so routes added anywhere come out
 * right: conventions from the route's config, errors as problem documents, open routes
 * without a padlock, and the headers the service reads on every API route.
 */
const transform: typeof jsonSchemaTransform = (input) => {
  const access = input.route.config?.access;
  const schema = withServerErrors(access ? withConventions(input.schema, input.route) : input.schema);
  const output = jsonSchemaTransform({ ...input, schema });
  if (access) withLanguageParameters(output.schema as Record<string, unknown>);
  const responses = output.schema.response as Record<string, object> | undefined;
  for (const [status, response] of Object.entries(responses ?? {})) {
    const headers = { ...(access && headersFor(status, input.route)), ...(status === '503' && RETRY_AFTER) };
    const declared = Object.keys(headers).length ? headers : undefined;
    if (Number(status) >= 400) responses![status] = problemResponse(status, response, input.url, declared);
    else if (declared) responses![status] = { ...response, headers: declared };
  }
  if (!access) (output.schema as typeof output.schema & { security?: unknown }).security = [];
  const bodies = input.route.config?.requestBodies;
  if (bodies) {
    const content = Object.entries(bodies).map(([type, body]): [string, { schema: unknown }] => [type, { schema: jsonSchemaTransform({ ...input, schema: { body } }).schema.body }]);
    (output.schema as Record<string, unknown>).body = { content: Object.fromEntries(content) };
  }
  return output;
};

/**
 * Drops component schemas no operation reaches: zod registers input and output variants of
 * every named schema, and a variant nothing uses is noise to readers and linters.
 */
function withoutUnusedSchemas<T extends { components?: { schemas?: Record<string, unknown> } }>(document: T): T {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = value.slice('#/components/schemas/'.length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit({ ...document, components: { ...document.components, schemas: {} } });
  return { ...document, components: { ...document.components, schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name))) } };
}

/** The <style> element swagger-ui adds at run time; a new swagger-ui may change it (the browser test says so). */
const SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/** The OpenAPI 3.1 document, generated from the routes' zod schemas, at /openapi.json and /docs. */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Peluang API',
          version: API_VERSION,
          contact: { name: 'Peluang', url: 'https://peluang.example.id' },
          license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
          description:
            'Indonesian health-industry investment opportunities (pharmaceuticals, active pharmaceutical ingredients, medical devices), foreign investor profiles, and explained matches between them. Errors are RFC 9457 problem details (`application/problem+json`).\n\n' +
            'Send an API key as `Authorization: Bearer <key>`. Without one, reference data, the matching model and published opportunities can be read. Creates accept `Idempotency-Key`; single resources carry an `ETag` for `If-None-Match` and `If-Match`. Every API response carries rate-limit headers.',
        },
        servers: [{ url: '/', description: 'This service' }],
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
          { name: 'imports', description: 'Bulk import of opportunities from CSV or XLSX files' },
          { name: 'operations', description: 'Health and readiness' },
        ],
      },
      transform,
      transformObject: (input) => withoutUnusedSchemas(jsonSchemaTransformObject(input) as Parameters<typeof withoutUnusedSchemas>[0]) as ReturnType<typeof jsonSchemaTransformObject>,
    });
    // The docs page sets its own content security policy, which allows what swagger-ui runs:
    // its scripts and stylesheets, and the one <style> element it inserts, by its hash.
    await app.register(fastifySwaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      transformStaticCSP: (header) => header.replace("style-src 'self' https:", `style-src 'self' https: ${SWAGGER_UI_STYLE_HASH}`),
    });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
