import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiKey, ApiKeyCreate, ApiKeyCreated, ApiKeyPage, ApiKeySearch } from '../../schemas/api-keys.ts';
import { IdParams, problemResponses } from '../../schemas/common.ts';
import { CreateHeaders } from '../../schemas/headers.ts';
import { ADMIN, STAFF } from '../access.ts';
import { presentApiKey } from '../presenters.ts';

export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.apiKeys;

  app.post(
    '/v1/api-keys',
    {
      config: { access: STAFF, idempotent: { withhold: ['key'] } },
      schema: {
        tags: ['api-keys'],
        operationId: 'createApiKey',
        summary: 'Create an API key; the key is in this response only',
        description:
          'Admins create keys of any role; staff create `investor` keys (with the `investorId` they act for) and `embed` keys (with their `allowedOrigins`). Only a hash of the key is stored, so a replay of this request (same Idempotency-Key) returns `key: null`: revoke that key and create another if the first response was lost.',
        headers: CreateHeaders,
        body: ApiKeyCreate,
        response: { 201: ApiKeyCreated, ...problemResponses(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const { key, record } = await service.create(request.body, request.actor);
      return reply.code(201).header('location', `/v1/api-keys/${record.id}`).header('cache-control', 'no-store').send({ ...presentApiKey(record), key });
    },
  );

  app.get(
    '/v1/api-keys',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['api-keys'],
        operationId: 'listApiKeys',
        summary: 'List API keys, newest first (never the keys themselves)',
        querystring: ApiKeySearch,
        response: { 200: ApiKeyPage, ...problemResponses(400) },
      },
    },
    async (request) => {
      const page = await service.search(request.query);
      return { data: page.items.map(presentApiKey), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/api-keys/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['api-keys'],
        operationId: 'getApiKey',
        summary: 'Read one API key (never the key itself)',
        params: IdParams,
        response: { 200: ApiKey, ...problemResponses(400, 404) },
      },
    },
    async (request) => presentApiKey(await service.get(request.params.id, request.actor)),
  );

  app.delete(
    '/v1/api-keys/:id',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['api-keys'],
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key (at once, for good; kept for the record)',
        description: 'Revoking twice is harmless. The last working admin key cannot be revoked (409 `last-admin-key`).',
        params: IdParams,
        response: { 200: ApiKey, ...problemResponses(400, 404, 409) },
      },
    },
    async (request) => presentApiKey(await service.revoke(request.params.id, request.actor)),
  );
};
