import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendServiceUnavailable } from './problems.ts';

/**
 * Every request is answered within `timeoutMs`: one still running then gets 503 with
 * `Retry-After`, and its idempotency claim may be taken over by a retry.
 */
export const deadlinePlugin = fp(
  async (app, options: { timeoutMs: number }) => {
    const timers = new WeakMap<FastifyRequest, NodeJS.Timeout>();
    const clear = async (request: FastifyRequest) => clearTimeout(timers.get(request));
    app.addHook('onRequest', async (request, reply) => {
      const timer = setTimeout(() => {
        if (reply.sent) return;
        request.log.warn({ timeoutMs: options.timeoutMs }, 'request timed out');
        sendServiceUnavailable(request, reply, {
          code: 'request-timeout',
          detail: `The request took longer than ${options.timeoutMs} ms; try again.`,
          retryAfterSeconds: 1,
        });
      }, options.timeoutMs);
      timer.unref();
      timers.set(request, timer);
    });
    app.addHook('onResponse', clear);
    app.addHook('onRequestAbort', clear);
  },
  { name: 'deadline', dependencies: ['problems'] },
);
