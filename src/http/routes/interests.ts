import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, problemResponses } from '../../schemas/common.ts';
import { ConditionalWriteHeaders } from '../../schemas/headers.ts';
import { Interest, InterestCreate, InterestPage, InterestSearch, InterestTransitionInput, InterestUpdate } from '../../schemas/interests.ts';
import { ADMIN, STAFF, STAFF_AND_INVESTORS } from '../access.ts';
import { ifMatchCondition, tagResponse } from '../conditional.ts';
import { presentInterest } from '../presenters.ts';

const CONFIDENTIAL = 'Interest is confidential: staff see every interest, an investor key only its own (any other id is 404); embed keys and anonymous callers never see one.';

export const interestRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.interests;
  const present = (view: Parameters<typeof presentInterest>[0], request: { actor: Parameters<typeof presentInterest>[1] }) =>
    presentInterest(view, request.actor, service.responseDays);

  app.post(
    '/v1/interests',
    {
      config: { access: STAFF_AND_INVESTORS, etag: true },
      schema: {
        tags: ['interests'],
        operationId: 'createInterest',
        summary: 'Express interest in a published opportunity',
        description: `An investor key files for its own profile; staff file on behalf of an investor with \`investorId\`. Starts at \`submitted\`. An opportunity that is not published is 404 for investor keys and 409 \`opportunity-not-published\` for staff; a second open interest of the same investor in the same opportunity is 409 \`interest-exists\` with \`existingId\`. ${CONFIDENTIAL}`,
        body: InterestCreate,
        response: { 201: Interest, ...problemResponses(400, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const created = await service.create(request.body, request.actor);
      tagResponse(request, reply, created.interest.version);
      return reply.code(201).header('location', `/v1/interests/${created.interest.id}`).send(present(created, request));
    },
  );

  app.get(
    '/v1/interests',
    {
      config: { access: STAFF_AND_INVESTORS },
      schema: {
        tags: ['interests'],
        operationId: 'listInterests',
        summary: 'Expressions of interest, newest first',
        description: CONFIDENTIAL,
        querystring: InterestSearch,
        response: { 200: InterestPage, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { stage, opportunityId, investorId, limit, cursor } = request.query;
      const page = await service.search({ ...(stage && { stages: stage }), opportunityId, investorId }, { limit, cursor }, request.actor);
      return { data: page.items.map((item) => present(item, request)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/interests/:id',
    {
      config: { access: STAFF_AND_INVESTORS, etag: true },
      schema: {
        tags: ['interests'],
        operationId: 'getInterest',
        summary: 'Read one expression of interest with its history',
        description: `${CONFIDENTIAL} The investor sees shared notes only, and BKPM rather than staff key ids.`,
        params: IdParams,
        response: { 200: Interest, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await service.get(request.params.id, request.actor);
      tagResponse(request, reply, found.interest.version);
      return present(found, request);
    },
  );

  app.post(
    '/v1/interests/:id/transitions',
    {
      config: { access: STAFF_AND_INVESTORS, etag: true },
      schema: {
        tags: ['interests'],
        operationId: 'moveInterest',
        summary: 'Move an interest to another stage',
        description:
          'Staff move an interest along the pipeline or decline it (with a `reason`); the investor may only withdraw its own (anything else is 403). A move not allowed from the current stage is 409 `invalid-transition` with `allowed`; from `negotiating` on, the expected investment and jobs are needed, and `groundbreaking` needs `groundbreakingAt` (409 `stage-requirements-unmet` naming each field; the body may carry them).',
        params: IdParams,
        headers: ConditionalWriteHeaders,
        body: InterestTransitionInput,
        response: { 200: Interest, ...problemResponses(400, 403, 404, 409, 412, 413, 415) },
      },
    },
    async (request, reply) => {
      const moved = await service.transition(request.params.id, request.body, request.actor, ifMatchCondition(request));
      tagResponse(request, reply, moved.interest.version);
      return present(moved, request);
    },
  );

  app.patch(
    '/v1/interests/:id',
    {
      config: { access: STAFF, etag: true },
      schema: {
        tags: ['interests'],
        operationId: 'updateInterest',
        summary: 'Set the expected investment, jobs, likelihood and dates of an interest',
        description: 'Staff only. Merge semantics: fields left out stay, null clears one. Send `If-Match` to guard against concurrent edits.',
        params: IdParams,
        headers: ConditionalWriteHeaders,
        body: InterestUpdate,
        response: { 200: Interest, ...problemResponses(400, 404, 412, 413, 415) },
      },
    },
    async (request, reply) => {
      const updated = await service.update(request.params.id, request.body, request.actor, ifMatchCondition(request));
      tagResponse(request, reply, updated.interest.version);
      return present(updated, request);
    },
  );

  app.post(
    '/v1/interests/:id/erase-contact',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['interests'],
        operationId: 'eraseInterestContact',
        summary: "Erase an interest's contact details (UU PDP 27/2022)",
        description: 'Admin only. The interest and its history stay; the contact goes from the interest and from every audit entry about it, and the audit log records the erasure without the data.',
        params: IdParams,
        response: { 200: Interest, ...problemResponses(400, 404) },
      },
    },
    async (request) => present(await service.eraseContact(request.params.id, request.actor), request),
  );
};
