import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { FastifyPluginCallback } from 'fastify';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * What the app and the database pick up when tracing is on (set by startTracing in
 * tracing.ts); kept apart from the SDK so processes without tracing never load it.
 */
let requestTracing: FastifyPluginCallback | null = null;

export function setTracing(plugin: FastifyPluginCallback | null): void {
  requestTracing = plugin;
}

/** The Fastify plugin that traces requests, or null when tracing is off. Registered before any route. */
export function tracingPlugin(): FastifyPluginCallback | null {
  return requestTracing;
}

/** The query plugin when tracing is on; otherwise none, so untraced processes pay nothing. */
export function queryTracingPlugins(): KyselyPlugin[] {
  return requestTracing ? [new QueryTracingPlugin()] : [];
}

const tracer = trace.getTracer('peluang-database');

/**
 * One client span per SQL statement, child of the request's span, on both databases (pg and
 * the embedded one). Kysely tells plugins of results only, so a failed statement leaves no span.
 */
export class QueryTracingPlugin implements KyselyPlugin {
  readonly #spans = new WeakMap<object, Span>();

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    const operation = node.kind.replace(/QueryNode$/, '').toUpperCase();
    const span = tracer.startSpan(operation, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation },
    });
    this.#spans.set(queryId, span);
    return node;
  }

  async transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const span = this.#spans.get(queryId);
    if (span) {
      if (result.numAffectedRows !== undefined) span.setAttribute('db.response.affected_rows', Number(result.numAffectedRows));
      span.setAttribute('db.response.returned_rows', result.rows.length);
      span.setStatus({ code: SpanStatusCode.OK });
      span.end();
      this.#spans.delete(queryId);
    }
    return result;
  }
}
