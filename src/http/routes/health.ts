import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../schemas/common.ts';
import { sendOverloaded } from '../plugins/load-shedding.ts';
import { sendDatabaseUnavailable, sendServiceUnavailable } from '../plugins/problems.ts';

const Status = z.object({ status: z.literal('ok') }).meta({ id: 'HealthStatus' });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    // Load balancers poll these; they are never rate limited.
    { config: { rateLimit: false }, schema: { tags: ['operations'], summary: 'The process is alive', description: 'Liveness: answers 200 while the process runs, even when overloaded or without a database. **Access:** anyone; never rate limited.', operationId: 'getHealth', response: { 200: Status } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['operations'],
        summary: 'The database answers and the instance is not shutting down',
        description: 'Readiness for a load balancer: 200 when the database answers, the instance is not shutting down and not overloaded; else 503 with `Retry-After`. **Access:** anyone; never rate limited.',
        operationId: 'getReady',
        response: { 200: Status, 503: Problem },
      },
    },
    async (request, reply) => {
      if (app.draining) {
        return sendServiceUnavailable(request, reply, { code: 'shutting-down', detail: 'This instance is shutting down.', retryAfterSeconds: 1 });
      }
      // Overloaded: out of the balancer's rotation until it recovers (load shedding answers the rest).
      if (app.isUnderPressure()) return sendOverloaded(request, reply, 'event-loop delay or memory');
      try {
        await sql`select 1`.execute(app.database.db);
        return { status: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return sendDatabaseUnavailable(request, reply);
      }
    },
  );
};
