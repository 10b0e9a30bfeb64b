import underPressure from '@fastify/under-pressure';
import { getHeapStatistics } from 'node:v8';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './problems.ts';

export interface LoadSheddingOptions {
  /** Event-loop delay (ms) above which requests are refused; 0 switches the check off. */
  maxEventLoopDelayMs: number;
  /** Heap in use, as a percentage of what V8 may use, above which requests are refused; 0 switches the check off. */
  maxHeapUsedPercent: number;
}

/** What a refused client is told to wait, in seconds: about how long a stall or a collection takes to pass. */
const RETRY_AFTER_SECONDS = 5;

/** The 503 an overloaded instance answers, with how long to wait. */
export function sendOverloaded(request: FastifyRequest, reply: FastifyReply, reason: string): FastifyReply {
  return sendProblem(request, reply.header('retry-after', String(RETRY_AFTER_SECONDS)), {
    status: 503,
    code: 'overloaded',
    title: 'Service unavailable',
    detail: `This instance is overloaded (${reason}); try again in ${RETRY_AFTER_SECONDS} s.`,
  });
}

/** Liveness and scrapes keep answering under load: an overloaded process is still alive. */
const NEVER_SHED: ReadonlySet<string> = new Set(['/health', '/metrics']);

/**
 * Load shedding: while the event loop lags or the heap is nearly full, new requests get a 503
 * problem with Retry-After at once, so a balancer sends them elsewhere instead of queueing them.
 */
export const loadSheddingPlugin = fp(
  async (app, options: LoadSheddingOptions) => {
    await app.register(underPressure, {
      maxEventLoopDelay: options.maxEventLoopDelayMs,
      maxHeapUsedBytes: Math.round((getHeapStatistics().heap_size_limit * options.maxHeapUsedPercent) / 100),
      sampleInterval: 250,
      pressureHandler: (request, reply, type) => {
        if (NEVER_SHED.has(request.routeOptions.url ?? '')) return;
        // Sent here and nothing returned: under-pressure would send a returned value a second time.
        sendOverloaded(request, reply, type === 'heapUsedBytes' ? 'memory' : 'event-loop delay');
      },
    });
  },
  { name: 'load-shedding', dependencies: ['problems'] },
);
