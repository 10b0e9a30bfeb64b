import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditSearch } from '../../schemas/audit.ts';
import { problemResponses } from '../../schemas/common.ts';
import { STAFF } from '../access.ts';
import { presentAuditEntry } from '../presenters.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/audit',
    {
      config: { access: STAFF },
      schema: {
        tags: ['audit'],
        operationId: 'listAuditEntries',
        summary: 'Who changed what and when, newest first',
        description: 'Every change to an opportunity, investor profile or API key, with the entity before and after it. Key secrets and hashes are never recorded.',
        querystring: AuditSearch,
        response: { 200: AuditPage, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { entity, entityId, actorKeyId, action, since, until, limit, cursor } = request.query;
      const page = await app.services.audit.search(
        {
          ...(entity && { entities: entity }),
          ...(entityId && { entityId }),
          ...(actorKeyId && { actorKeyId }),
          ...(action && { actions: action }),
          ...(since && { since: new Date(since) }),
          ...(until && { until: new Date(until) }),
        },
        { limit, cursor },
      );
      return { data: page.items.map(presentAuditEntry), nextCursor: page.nextCursor };
    },
  );
};
