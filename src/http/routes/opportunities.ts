import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OpportunityStatus } from '../../domain/codes.ts';
import type { OpportunityQuery } from '../../domain/opportunity.ts';
import { IdParams, NotModified, problemResponses } from '../../schemas/common.ts';
import { ConditionalReadHeaders, ConditionalWriteHeaders, CreateHeaders } from '../../schemas/headers.ts';
import {
  Opportunity,
  OpportunityCreate,
  OpportunityMergePatch,
  OpportunityPage,
  OpportunitySearch,
  OpportunityUpdate,
  ReviewComment,
  ReviewHistory,
  type OpportunityMergePatchBody,
  type OpportunityUpdateBody,
} from '../../schemas/opportunities.ts';
import { badRequest } from '../../services/errors.ts';
import { EXPORT_HEADER, exportRow } from '../../domain/spreadsheet.ts';
import { SPREADSHEET_VOCABULARIES } from '../../services/spreadsheet-vocabularies.ts';
import { ANYONE, STAFF } from '../access.ts';
import { exportFormat, exportResponse, mapRows, sendRows } from '../exports.ts';
import { ifMatchCondition, tagResponse } from '../conditional.ts';
import { presentOpportunity } from '../presenters.ts';

const TRANSITIONS: { action: string; to: OpportunityStatus; summary: string; description: string; responses: (400 | 403 | 404 | 409 | 412)[] }[] = [
  {
    action: 'submit',
    to: 'in_review',
    summary: 'Submit a draft for review before publication',
    description: 'It stays in review, unchangeable (409 `opportunity-in-review`), until another staff key publishes it or requests changes.',
    responses: [400, 404, 409, 412],
  },
  {
    action: 'publish',
    to: 'published',
    summary: 'Publish: it becomes public and matchable',
    description:
      'With review required (REVIEW_REQUIRED, the default), publishes the version in review; the key that submitted it may not (403 `four-eyes-required`). A draft is published directly only by an admin, recorded as `publish-without-review`; a staff key gets 409 `review-required`. Publication counts as verification (see lastVerifiedAt).',
    responses: [400, 403, 404, 409, 412],
  },
  { action: 'withdraw', to: 'withdrawn', summary: 'Withdraw a draft, one in review or a published opportunity (final)', description: 'Withdrawn opportunities stay on record and can no longer change.', responses: [400, 404, 409, 412] },
  { action: 'close', to: 'closed', summary: 'Close a published opportunity once taken up (final)', description: 'An opportunity with `expiresAt` closes by itself then (event reason `expired`).', responses: [400, 404, 409, 412] },
];

const MERGE_PATCH = 'application/merge-patch+json';

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
      const { format, q, sector, province, islandGroup, technology, modality, status, kbli, landStatus, incentive, ...rest } = request.query;
      const query: OpportunityQuery = {
        ...rest,
        text: q,
        sectors: sector,
        provinces: province,
        islandGroups: islandGroup,
        technologies: technology,
        modalities: modality,
        statuses: status,
        kbliCodes: kbli,
        landStatuses: landStatus,
        incentives: incentive,
      };
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
        description:
          'As `application/json`, each field sent replaces that field whole. As `application/merge-patch+json` (RFC 7396), objects merge, `null` removes an optional field and arrays replace; the merged opportunity is validated whole. An opportunity in review cannot change (409 `opportunity-in-review`); changes to a published one are public at once.',
        params: IdParams,
        headers: ConditionalWriteHeaders,
        body: { content: { 'application/json': { schema: OpportunityUpdate }, [MERGE_PATCH]: { schema: OpportunityMergePatch } } },
        response: { 200: Opportunity, ...problemResponses(400, 404, 409, 412, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      // Bodies are validated per media type, so a request without one reaches here unvalidated.
      if (request.body === undefined) throw badRequest('validation-failed', 'Send the fields to change as a JSON object.', '(root)');
      const condition = ifMatchCondition(request);
      const updated = request.headers['content-type']?.toLowerCase().startsWith(MERGE_PATCH)
        ? await service.mergePatch(request.params.id, request.body as OpportunityMergePatchBody, request.actor, condition)
        : await service.update(request.params.id, request.body as OpportunityUpdateBody, request.actor, condition);
      tagResponse(request, reply, updated.version);
      return presentOpportunity(updated, request.language, app.usdIdrRate);
    },
  );

  app.post(
    '/v1/opportunities/:id/request-changes',
    {
      config: { access: STAFF, etag: true },
      schema: {
        tags: ['opportunities'],
        operationId: 'requestOpportunityChanges',
        summary: 'Send an opportunity in review back to draft, saying what to change',
        description: 'The comment is kept with the opportunity (see its reviews) and in the audit log.',
        params: IdParams,
        headers: ConditionalWriteHeaders,
        body: ReviewComment,
        response: { 200: Opportunity, ...problemResponses(400, 404, 409, 412, 415) },
      },
    },
    async (request, reply) => {
      const changed = await service.transition(request.params.id, 'draft', request.actor, ifMatchCondition(request), request.body.comment);
      tagResponse(request, reply, changed.version);
      return presentOpportunity(changed, request.language, app.usdIdrRate);
    },
  );

  app.post(
    '/v1/opportunities/:id/verify',
    {
      config: { access: STAFF, etag: true },
      schema: {
        tags: ['opportunities'],
        operationId: 'verifyOpportunity',
        summary: 'Confirm a published opportunity is still accurate',
        description: 'Sets lastVerifiedAt to now and reviewDueAt REVIEW_INTERVAL_DAYS later, so it is no longer stale.',
        params: IdParams,
        headers: ConditionalWriteHeaders,
        response: { 200: Opportunity, ...problemResponses(400, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const verified = await service.verify(request.params.id, request.actor, ifMatchCondition(request));
      tagResponse(request, reply, verified.version);
      return presentOpportunity(verified, request.language, app.usdIdrRate);
    },
  );

  app.get(
    '/v1/opportunities/:id/reviews',
    {
      config: { access: STAFF },
      schema: {
        tags: ['opportunities'],
        operationId: 'listOpportunityReviews',
        summary: "An opportunity's review steps and comments, oldest first",
        params: IdParams,
        response: { 200: ReviewHistory, ...problemResponses(400, 404) },
      },
    },
    async (request) => ({
      data: (await service.reviews(request.params.id, request.actor)).map((step) => ({ ...step, at: step.at.toISOString() })),
    }),
  );

  for (const { action, to, summary, description, responses } of TRANSITIONS) {
    app.post(
      `/v1/opportunities/:id/${action}`,
      {
        config: { access: STAFF, etag: true },
        schema: {
          tags: ['opportunities'],
          operationId: `${action}Opportunity`,
          summary,
          description,
          params: IdParams,
          headers: ConditionalWriteHeaders,
          response: { 200: Opportunity, ...problemResponses(...responses) },
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
