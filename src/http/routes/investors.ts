import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, NotModified, problemResponses } from '../../schemas/common.ts';
import { ConditionalReadHeaders, ConditionalWriteHeaders, CreateHeaders } from '../../schemas/headers.ts';
import { Investor, InvestorCreate, InvestorPage, InvestorSearch, InvestorUpdate } from '../../schemas/investors.ts';
import { STAFF, STAFF_AND_INVESTORS } from '../access.ts';
import { ifMatchCondition, tagResponse } from '../conditional.ts';
import { presentInvestor } from '../presenters.ts';

const OWN_PROFILE_ONLY = 'An investor key sees and changes only its own profile; any other id is 404.';

export const investorRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.investors;

  app.post(
    '/v1/investors',
    {
      config: { access: STAFF, idempotent: true, etag: true },
      schema: {
        tags: ['investors'],
        operationId: 'createInvestor',
        summary: 'Create an investor profile',
        headers: CreateHeaders,
        body: InvestorCreate,
        response: { 201: Investor, ...problemResponses(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const created = await service.create({ ...request.body, website: request.body.website ?? null }, request.actor);
      tagResponse(request, reply, created.version);
      return reply.code(201).header('location', `/v1/investors/${created.id}`).send(presentInvestor(created, request.language, app.usdIdrRate));
    },
  );

  app.get(
    '/v1/investors',
    {
      config: { access: STAFF_AND_INVESTORS },
      schema: {
        tags: ['investors'],
        operationId: 'listInvestors',
        summary: 'List investor profiles, newest first',
        description: 'Staff see every profile; an investor key sees its own.',
        querystring: InvestorSearch,
        response: { 200: InvestorPage, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { country, sector, technology, limit, cursor } = request.query;
      const page = await service.search({ countries: country, sectors: sector, technologies: technology, limit, cursor }, request.actor);
      return { data: page.items.map((item) => presentInvestor(item, request.language, app.usdIdrRate)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/investors/:id',
    {
      config: { access: STAFF_AND_INVESTORS, etag: true },
      schema: {
        tags: ['investors'],
        operationId: 'getInvestor',
        summary: 'Read one investor profile',
        description: OWN_PROFILE_ONLY,
        params: IdParams,
        headers: ConditionalReadHeaders,
        response: { 200: Investor, 304: NotModified, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const investor = await service.get(request.params.id, request.actor);
      if (tagResponse(request, reply, investor.version).notModified) return reply.code(304).send(null);
      return presentInvestor(investor, request.language, app.usdIdrRate);
    },
  );

  app.patch(
    '/v1/investors/:id',
    {
      config: { access: STAFF_AND_INVESTORS, etag: true },
      schema: {
        tags: ['investors'],
        operationId: 'updateInvestor',
        summary: 'Change fields of an investor profile',
        description: OWN_PROFILE_ONLY,
        params: IdParams,
        headers: ConditionalWriteHeaders,
        body: InvestorUpdate,
        response: { 200: Investor, ...problemResponses(400, 404, 412, 413, 415) },
      },
    },
    async (request, reply) => {
      const updated = await service.update(request.params.id, request.body, request.actor, ifMatchCondition(request));
      tagResponse(request, reply, updated.version);
      return presentInvestor(updated, request.language, app.usdIdrRate);
    },
  );

  app.delete(
    '/v1/investors/:id',
    {
      config: { access: STAFF_AND_INVESTORS },
      schema: {
        tags: ['investors'],
        operationId: 'deleteInvestor',
        summary: 'Delete an investor profile (kept for the record, gone from the API and matching)',
        description: `${OWN_PROFILE_ONLY} API keys acting for the profile are revoked with it.`,
        params: IdParams,
        headers: ConditionalWriteHeaders,
        response: { 204: z.null().meta({ description: 'Deleted' }), ...problemResponses(400, 404, 412) },
      },
    },
    async (request, reply) => {
      await service.delete(request.params.id, request.actor, ifMatchCondition(request));
      return reply.code(204).send(null);
    },
  );
};
