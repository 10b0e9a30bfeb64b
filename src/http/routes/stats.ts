import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import Negotiator from 'negotiator';
import { funnelCsv } from '../../domain/funnel.ts';
import { leavesOf } from '../../domain/reference/sectors.ts';
import { problemResponses } from '../../schemas/common.ts';
import { Funnel, FunnelQuery } from '../../schemas/stats.ts';
import { STAFF } from '../access.ts';

const MEDIA_TYPES = ['application/json', 'text/csv'];

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/v1/stats/funnel',
    {
      config: { access: STAFF },
      schema: {
        tags: ['stats'],
        operationId: 'getFunnel',
        summary: 'The deal-flow funnel: matches → interests → negotiations → commitments',
        description:
          'Staff only. Per group: published opportunities, strong pairs, interests at each stage with the investment and jobs they stand for (indicated up to committed, realised at groundbreaking), conversion and median days between stages, and interests past their response time. Interests count when created in [`from`, `to`). With `Accept: text/csv` the same table comes as CSV, one row per group.',
        querystring: FunnelQuery,
        response: { 200: Funnel, ...problemResponses(400, 406) },
      },
    },
    async (request, reply) => {
      const { from, to, sector, province, country, groupBy } = request.query;
      const rows = await app.services.funnel.funnel(
        {
          ...(from && { from: new Date(from) }),
          ...(to && { to: new Date(to) }),
          ...(sector && { sectors: sector.flatMap((code) => leavesOf(code)) }),
          ...(province && { provinces: province }),
          ...(country && { countries: country }),
        },
        groupBy,
      );
      reply.header('vary', 'accept');
      if (new Negotiator(request.raw).mediaType(MEDIA_TYPES) === 'text/csv') {
        // A string body is sent as it is, past the JSON serializer; the type provider only knows the JSON shape.
        return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="funnel.csv"').send(funnelCsv(rows) as never);
      }
      return { data: rows };
    },
  );
};
