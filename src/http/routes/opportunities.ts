import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OpportunityStatus } from '../../domain/codes.ts';
import { IdParams, problemResponses } from '../../schemas/common.ts';
import {
  Opportunity,
  OpportunityCreate,
  OpportunityPage,
  OpportunitySearch,
  OpportunityUpdate,
} from '../../schemas/opportunities.ts';
import { presentOpportunity } from '../presenters.ts';

const TRANSITIONS: { action: string; to: OpportunityStatus; summary: string }[] = [
  { action: 'publish', to: 'published', summary: 'Publish a draft: it becomes public and matchable' },
  { action: 'withdraw', to: 'withdrawn', summary: 'Withdraw a draft or published opportunity (final)' },
  { action: 'close', to: 'closed', summary: 'Close a published opportunity once taken up (final)' },
];

export const opportunityRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.opportunities;

  app.post(
    '/v1/opportunities',
    {
      schema: {
        tags: ['opportunities'],
        operationId: 'createOpportunity',
        summary: 'Create an opportunity (as a draft)',
        body: OpportunityCreate,
        response: { 201: Opportunity, ...problemResponses(400, 413, 415) },
      },
    },
    async (request, reply) => {
      const created = await service.create(request.body);
      return reply.code(201).header('location', `/v1/opportunities/${created.id}`).send(presentOpportunity(created, request.language));
    },
  );

  app.get(
    '/v1/opportunities',
    {
      schema: {
        tags: ['opportunities'],
        operationId: 'searchOpportunities',
        summary: 'Search opportunities with filters, full text and cursor pagination',
        description:
          'Published opportunities by default. List filters are comma-separated and match any of their values; different filters must all match. `q` searches titles, summaries and sponsor names in Indonesian and English.',
        querystring: OpportunitySearch,
        response: { 200: OpportunityPage, ...problemResponses(400) },
      },
    },
    async (request) => {
      const page = await service.search(request.query);
      return { data: page.items.map((item) => presentOpportunity(item, request.language)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/opportunities/:id',
    {
      schema: {
        tags: ['opportunities'],
        operationId: 'getOpportunity',
        summary: 'Read one opportunity',
        params: IdParams,
        response: { 200: Opportunity, ...problemResponses(400, 404) },
      },
    },
    async (request) => presentOpportunity(await service.get(request.params.id), request.language),
  );

  app.patch(
    '/v1/opportunities/:id',
    {
      schema: {
        tags: ['opportunities'],
        operationId: 'updateOpportunity',
        summary: 'Change fields of a draft or published opportunity',
        params: IdParams,
        body: OpportunityUpdate,
        response: { 200: Opportunity, ...problemResponses(400, 404, 409, 413, 415) },
      },
    },
    async (request) => presentOpportunity(await service.update(request.params.id, request.body), request.language),
  );

  for (const { action, to, summary } of TRANSITIONS) {
    app.post(
      `/v1/opportunities/:id/${action}`,
      {
        schema: {
          tags: ['opportunities'],
          operationId: `${action}Opportunity`,
          summary,
          params: IdParams,
          response: { 200: Opportunity, ...problemResponses(400, 404, 409) },
        },
      },
      async (request) => presentOpportunity(await service.transition(request.params.id, to), request.language),
    );
  }
};
