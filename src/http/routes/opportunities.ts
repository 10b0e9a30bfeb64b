import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OpportunityStatus } from '../../domain/codes.ts';
import { IdParams, NotModified, problemResponses } from '../../schemas/common.ts';
import { ConditionalReadHeaders, ConditionalWriteHeaders, CreateHeaders } from '../../schemas/headers.ts';
import {
  Opportunity,
  OpportunityCreate,
  OpportunityPage,
  OpportunitySearch,
  OpportunityUpdate,
} from '../../schemas/opportunities.ts';
import { EXPORT_HEADER, exportRow } from '../../domain/spreadsheet.ts';
import { SPREADSHEET_VOCABULARIES } from '../../services/spreadsheet-vocabularies.ts';
import { ANYONE, STAFF } from '../access.ts';
import { exportFormat, exportResponse, mapRows, sendRows } from '../exports.ts';
import { ifMatchCondition, tagResponse } from '../conditional.ts';
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
      config: { access: STAFF, idempotent: true, etag: true },
      schema: {
        tags: ['opportunities'],
        operationId: 'createOpportunity',
        summary: 'Create an opportunity (as a draft)',
        headers: CreateHeaders,
        body: OpportunityCreate,
        response: { 201: Opportunity, ...problemResponses(400, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const created = await service.create(request.body, request.actor);
      tagResponse(request, reply, created.version);
      return reply.code(201).header('location', `/v1/opportunities/${created.id}`).send(presentOpportunity(created, request.language, app.usdIdrRate));
    },
  );

  app.get(
    '/v1/opportunities',
    {
      config: { access: ANYONE },
      schema: {
        tags: ['opportunities'],
        operationId: 'searchOpportunities',
        summary: 'Search opportunities with filters, full text and cursor pagination',
        description:
          'Published opportunities by default, and only those without a staff key (other statuses: 403). List filters are comma-separated and match any of their values; different filters must all match. `q` searches in any of the five languages (see its description); results then come best first and say which recognised concepts each is tagged with. With `Accept: text/csv` or XLSX (or `format`), every matching opportunity comes as one file in the columns of the import template, plus names in the caller\'s language; it imports back unchanged.',
        querystring: OpportunitySearch,
        response: { 200: exportResponse(OpportunityPage), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const as = exportFormat(request, format, reply);
      if (as !== 'json') {
        const all = await service.searchAll(query, request.actor);
        return sendRows(reply, as, 'opportunities', EXPORT_HEADER, mapRows(all, (item) => exportRow(item, SPREADSHEET_VOCABULARIES, request.language)));
      }
      const page = await service.search(query, request.actor);
      return {
        data: page.items.map((item) => ({
          ...presentOpportunity(item, request.language, app.usdIdrRate),
          ...('matchedConcepts' in item && { matchedConcepts: item.matchedConcepts }),
        })),
        nextCursor: page.nextCursor,
        ...(page.recognised && { query: { concepts: page.recognised } }),
      };
    },
  );

  app.get(
    '/v1/opportunities/:id',
    {
      config: { access: ANYONE, etag: true },
      schema: {
        tags: ['opportunities'],
        operationId: 'getOpportunity',
        summary: 'Read one opportunity',
        description: 'Drafts, withdrawn and closed opportunities exist only for staff keys; for everyone else they are 404.',
        params: IdParams,
        headers: ConditionalReadHeaders,
        response: { 200: Opportunity, 304: NotModified, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const opportunity = await service.get(request.params.id, request.actor);
      if (tagResponse(request, reply, opportunity.version).notModified) return reply.code(304).send(null);
      return presentOpportunity(opportunity, request.language, app.usdIdrRate);
    },
  );

  app.patch(
    '/v1/opportunities/:id',
    {
      config: { access: STAFF, etag: true },
      schema: {
        tags: ['opportunities'],
        operationId: 'updateOpportunity',
        summary: 'Change fields of a draft or published opportunity',
        params: IdParams,
        headers: ConditionalWriteHeaders,
        body: OpportunityUpdate,
        response: { 200: Opportunity, ...problemResponses(400, 404, 409, 412, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const updated = await service.update(request.params.id, request.body, request.actor, ifMatchCondition(request));
      tagResponse(request, reply, updated.version);
      return presentOpportunity(updated, request.language, app.usdIdrRate);
    },
  );

  for (const { action, to, summary } of TRANSITIONS) {
    app.post(
      `/v1/opportunities/:id/${action}`,
      {
        config: { access: STAFF, etag: true },
        schema: {
          tags: ['opportunities'],
          operationId: `${action}Opportunity`,
          summary,
          params: IdParams,
          headers: ConditionalWriteHeaders,
          response: { 200: Opportunity, ...problemResponses(400, 404, 409, 412) },
        },
      },
      async (request, reply) => {
        const changed = await service.transition(request.params.id, to, request.actor, ifMatchCondition(request));
        tagResponse(request, reply, changed.version);
        return presentOpportunity(changed, request.language, app.usdIdrRate);
      },
    );
  }
};
