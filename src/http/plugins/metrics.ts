import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fp from 'fastify-plugin';
import fastifyMetricsModule from 'fastify-metrics';
import client, { Registry } from 'prom-client';
import { serviceMetrics } from '../../observability/metrics.ts';

// A CommonJS module with an `exports.default`: under Node's ESM interop the plugin is one level down.
const fastifyMetrics = fastifyMetricsModule.default;

export interface MetricsOptions {
  /** Serve /metrics on its own port (bound to `host`), open; without it, on the API port to admin keys. */
  port?: number | undefined;
  host: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Where the separate metrics listener is, once listening (METRICS_PORT). */
    metricsAddress: AddressInfo | null;
  }
}

/**
 * Prometheus metrics: fastify-metrics' request histogram and summary (`http_request_duration_seconds`,
 * labelled by route template, never the raw URL), Node.js process metrics, and the service's own.
 */
export const metricsPlugin = fp(
  async (app, options: MetricsOptions) => {
    // Per app, so several apps in one process (tests, benchmarks) never register a metric twice.
    const http = new Registry();
    await app.register(fastifyMetrics, {
      endpoint: null,
      defaultMetrics: { enabled: true, register: http },
      routeMetrics: {
        enabled: true,
        registeredRoutesOnly: true,
        // Scrapes and probes would drown the API's own traffic.
        routeBlacklist: ['/metrics', '/health', '/ready'],
        overrides: { histogram: { registers: [http] }, summary: { registers: [http] } },
      },
    });
    const scrape = async () => {
      const merged = client.Registry.merge([http, serviceMetrics]);
      return { contentType: merged.contentType, body: await merged.metrics() };
    };

    app.decorate('metricsAddress', null);
    if (options.port === undefined) {
      app.get('/metrics', { config: { access: ['admin'], rateLimit: false }, schema: { hide: true } }, async (_request, reply) => {
        const { contentType, body } = await scrape();
        return reply.type(contentType).send(body);
      });
      return;
    }

    const port = options.port;
    const server: Server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Only GET /metrics is served here.\n');
        return;
      }
      scrape().then(
        ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body),
        (error: unknown) => {
          app.log.error({ err: error }, 'metrics scrape failed');
          response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics could not be collected.\n');
        },
      );
    });
    app.addHook('onReady', async () => {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, options.host, () => resolve());
      });
      app.metricsAddress = server.address() as AddressInfo;
    });
    app.addHook('onClose', async () => {
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    });
  },
  { name: 'metrics', dependencies: ['auth'] },
);
