import { FastifyOtelInstrumentation } from '@fastify/otel';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { setTracing } from './instrumentation.ts';

/**
 * Starts OpenTelemetry tracing for the process: request spans from @fastify/otel, database
 * spans from QueryTracingPlugin (instrumentation.ts), exported over OTLP to OTEL_EXPORTER_OTLP_ENDPOINT (the
 * SDK reads that and the other standard OTEL_* variables itself). Call before building the app.
 * `spanProcessors` replaces the OTLP exporter, for tests.
 */
export function startTracing(options: { spanProcessors?: SpanProcessor[] } = {}): { shutdown(): Promise<void> } {
  const instrumentation = new FastifyOtelInstrumentation();
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? 'peluang',
    instrumentations: [instrumentation],
    ...(options.spanProcessors && { spanProcessors: options.spanProcessors }),
  });
  sdk.start();
  setTracing(instrumentation.plugin());
  return {
    async shutdown() {
      setTracing(null);
      await sdk.shutdown();
    },
  };
}
