import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, problemResponses } from '../../schemas/common.ts';
import { Investor, InvestorCreate, InvestorPage, InvestorSearch, InvestorUpdate } from '../../schemas/investors.ts';
import { presentInvestor } from '../presenters.ts';

export const investorRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.investors;

  app.post(
    '/v1/investors',
    {
      schema: {
        tags: ['investors'],
        operationId: 'createInvestor',
        summary: 'Create an investor profile',
        body: InvestorCreate,
        response: { 201: Investor, ...problemResponses(400, 413, 415) },
      },
    },
    async (request, reply) => {
      const created = await service.create({ ...request.body, website: request.body.website ?? null });
      return reply.code(201).header('location', `/v1/investors/${created.id}`).send(presentInvestor(created, request.language));
    },
  );

  app.get(
    '/v1/investors',
    {
      schema: {
        tags: ['investors'],
        operationId: 'listInvestors',
        summary: 'List investor profiles, newest first',
        querystring: InvestorSearch,
        response: { 200: InvestorPage, ...problemResponses(400) },
      },
    },
    async (request) => {
      const page = await service.search(request.query);
      return { data: page.items.map((item) => presentInvestor(item, request.language)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/investors/:id',
    {
      schema: {
        tags: ['investors'],
        operationId: 'getInvestor',
        summary: 'Read one investor profile',
        params: IdParams,
        response: { 200: Investor, ...problemResponses(400, 404) },
      },
    },
    async (request) => presentInvestor(await service.get(request.params.id), request.language),
  );

  app.patch(
    '/v1/investors/:id',
    {
      schema: {
        tags: ['investors'],
        operationId: 'updateInvestor',
        summary: 'Change fields of an investor profile',
        params: IdParams,
        body: InvestorUpdate,
        response: { 200: Investor, ...problemResponses(400, 404, 413, 415) },
      },
    },
    async (request) => presentInvestor(await service.update(request.params.id, request.body), request.language),
  );

  app.delete(
    '/v1/investors/:id',
    {
      schema: {
        tags: ['investors'],
        operationId: 'deleteInvestor',
        summary: 'Delete an investor profile (kept for the record, gone from the API and matching)',
        params: IdParams,
        response: { 204: z.null().meta({ description: 'Deleted' }), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      await service.delete(request.params.id);
      return reply.code(204).send(null);
    },
  );
};
