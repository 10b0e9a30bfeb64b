import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import t from 'tap';
import { startTracing } from '../src/observability/tracing.ts';
import { buildTestApp } from './helpers/app.ts';

// Tracing is process-wide, so it is started before the app and its database, as the server does.
const exporter = new InMemorySpanExporter();
const tracing = startTracing({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
t.teardown(() => tracing.shutdown());

t.test('a request is traced with its route and its database queries as child spans', async (t) => {
  const { inject } = await buildTestApp(t);
  exporter.reset();
  const response = await inject({ url: '/v1/opportunities?limit=2' });
  t.equal(response.statusCode, 200);

  const spans = exporter.getFinishedSpans();
  const request = spans.find((span) => span.attributes['http.route'] === '/v1/opportunities');
  t.ok(request, `a span for the route template (spans: ${spans.map((s) => s.name).join(', ')})`);
  const traceId = request!.spanContext().traceId;
  const queries = spans.filter((span) => span.attributes['db.system.name'] === 'postgresql' && span.spanContext().traceId === traceId);
  t.ok(
    queries.some((span) => span.name === 'SELECT'),
    'the search’s SELECT is a span in the same trace',
  );
  t.ok(
    queries.every((span) => typeof span.attributes['db.response.returned_rows'] === 'number'),
    'with the rows it returned',
  );
});
