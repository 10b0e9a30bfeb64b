import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendServiceUnavailable } from './problems.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route does a bounded but large piece of work in one step (a 10,000-row import): it gets LONG_RUNNING_FACTOR times the deadline. */
    longRunning?: boolean;
  }
}

const LONG_RUNNING_FACTOR = 4;

/**
 * Every request is answered within `timeoutMs`: one still running then gets 503 with
 * `Retry-After`, and its idempotency claim may be taken over by a retry.
 */
export const deadlinePlugin = fp(
  async (app, options: { timeoutMs: number }) => {
    const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();
    const clear = async (request: FastifyRequest) => clearTimeout(timers.get(request));
    app.addHook('onRequest', async (request, reply) => {
      const timeoutMs = request.routeOptions.config.longRunning ? options.timeoutMs * LONG_RUNNING_FACTOR : options.timeoutMs;
      const timer = setTimeout(() => {
        if (reply.sent) return;
        request.log.warn({ timeoutMs }, 'request timed out');
        sendServiceUnavailable(request, reply, {
          code: 'request-timeout',
          detail: `The request took longer than ${timeoutMs} ms; try again.`,
          retryAfterSeconds: 1,
        });
      }, timeoutMs);
      timer.unref();
      timers.set(request, timer);
    });
    app.addHook('onResponse', clear);
    app.addHook('onRequestAbort', clear);
  },
  { name: 'deadline', dependencies: ['problems'] },
);
