import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, problemResponses } from '../../schemas/common.ts';
import { Delivery, DeliveryPage, DeliveryParams, PageQuery, Webhook, WebhookCreate, WebhookPage, WebhookUpdate } from '../../schemas/webhooks.ts';
import { STAFF_AND_INVESTORS } from '../access.ts';
import { presentDelivery, presentWebhook } from '../presenters.ts';

const WHO =
  'Staff keys subscribe to `opportunity.*` and `interest.*` events; an investor key to `match.new` and `interest.*` events of its own profile (anything else is 403) and sees only its own subscriptions (another one is 404).';

export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.webhooks;
  const common = { config: { access: STAFF_AND_INVESTORS } } as const;

  app.post(
    '/v1/webhooks',
    {
      ...common,
      schema: {
        tags: ['webhooks'],
        operationId: 'createWebhook',
        summary: 'Subscribe a URL to events',
        description: `Answers with the signing \`secret\` (\`whsec_…\`), shown this once. Only events after the subscription are sent; creating it sends nothing. The URL must be https on a public address (400 naming \`url\` otherwise). ${WHO}`,
        body: WebhookCreate,
        response: { 201: Webhook, ...problemResponses(400, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const { webhook, secret } = await service.create(request.body, request.actor);
      return reply.code(201).header('location', `/v1/webhooks/${webhook.id}`).send({ ...presentWebhook(webhook), secret });
    },
  );

  app.get(
    '/v1/webhooks',
    {
      ...common,
      schema: { tags: ['webhooks'], operationId: 'listWebhooks', summary: 'Webhook subscriptions, newest first', description: WHO, querystring: PageQuery, response: { 200: WebhookPage, ...problemResponses(400) } },
    },
    async (request) => {
      const page = await service.search(request.actor, request.query);
      return { data: page.items.map(presentWebhook), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/webhooks/:id',
    {
      ...common,
      schema: { tags: ['webhooks'], operationId: 'getWebhook', summary: 'Read one webhook subscription', description: WHO, params: IdParams, response: { 200: Webhook, ...problemResponses(400, 404) } },
    },
    async (request) => presentWebhook(await service.get(request.params.id, request.actor)),
  );

  app.patch(
    '/v1/webhooks/:id',
    {
      ...common,
      schema: {
        tags: ['webhooks'],
        operationId: 'updateWebhook',
        summary: 'Change the URL, events, minimum score, or enable/disable a subscription',
        description: `Enabling a subscription disabled after a 410 resumes deliveries. ${WHO}`,
        params: IdParams,
        body: WebhookUpdate,
        response: { 200: Webhook, ...problemResponses(400, 403, 404, 413, 415) },
      },
    },
    async (request) => presentWebhook(await service.update(request.params.id, request.body, request.actor)),
  );

  app.delete(
    '/v1/webhooks/:id',
    {
      ...common,
      schema: {
        tags: ['webhooks'],
        operationId: 'deleteWebhook',
        summary: 'Delete a subscription and its deliveries',
        description: WHO,
        params: IdParams,
        response: { 204: z.null().meta({ description: 'Deleted' }), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      await service.delete(request.params.id, request.actor);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/webhooks/:id/rotate-secret',
    {
      ...common,
      schema: {
        tags: ['webhooks'],
        operationId: 'rotateWebhookSecret',
        summary: 'Issue a new signing secret',
        description: `The new secret is shown once; for 24 hours the old and the new secret both sign every message, so a receiver can switch without losing one. ${WHO}`,
        params: IdParams,
        response: { 200: Webhook, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { webhook, secret } = await service.rotateSecret(request.params.id, request.actor);
      return { ...presentWebhook(webhook), secret };
    },
  );

  app.post(
    '/v1/webhooks/:id/test',
    {
      ...common,
      schema: {
        tags: ['webhooks'],
        operationId: 'pingWebhook',
        summary: 'Send a `webhook.ping` to this subscription',
        description: `Queued at once and delivered like any event; see its deliveries for the result. ${WHO}`,
        params: IdParams,
        response: { 202: z.null().meta({ description: 'Queued' }), ...problemResponses(400, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.ping(request.params.id, request.actor);
      return reply.code(202).send(null);
    },
  );

  app.get(
    '/v1/webhooks/:id/deliveries',
    {
      ...common,
      schema: {
        tags: ['webhooks'],
        operationId: 'listWebhookDeliveries',
        summary: 'Deliveries of a subscription, newest first',
        description: `Each with its event, attempts, last status code, next attempt and state (pending, delivered, failed). ${WHO}`,
        params: IdParams,
        querystring: PageQuery,
        response: { 200: DeliveryPage, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const page = await service.deliveries(request.params.id, request.actor, request.query);
      return { data: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/v1/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      ...common,
      schema: {
        tags: ['webhooks'],
        operationId: 'redeliverWebhookDelivery',
        summary: 'Send a failed or delivered message again',
        description: `The same message with the same \`webhook-id\`, from a fresh retry schedule; a pending one is 409. ${WHO}`,
        params: DeliveryParams,
        response: { 202: Delivery, ...problemResponses(400, 404, 409) },
      },
    },
    async (request, reply) => reply.code(202).send(presentDelivery(await service.redeliver(request.params.id, request.params.deliveryId, request.actor))),
  );
};
