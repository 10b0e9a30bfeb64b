import { Counter, Histogram, Registry } from 'prom-client';

/**
 * The service's own Prometheus metrics, served at /metrics beside fastify-metrics' HTTP and
 * Node.js ones. One registry per process, as prom-client intends: a module that has something
 * to count (outbox depth, webhook deliveries, imported rows …) adds its metric here with
 * `registers: [serviceMetrics]` and a `peluang_` name. Labels are small fixed sets, never ids or keys.
 */
export const serviceMetrics = new Registry();
const registers = [serviceMetrics];

/** Which way a ranking goes: opportunities for an investor (by id or a previewed profile), or investors for an opportunity. */
export const MATCH_DIRECTIONS = ['investor', 'preview', 'opportunity'] as const;
export type MatchDirection = (typeof MATCH_DIRECTIONS)[number];

export const matchDuration = new Histogram({
  name: 'peluang_match_duration_seconds',
  help: 'Time to rank and explain one page of matches that was not cached',
  labelNames: ['direction'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers,
});

export const matchCandidates = new Histogram({
  name: 'peluang_match_candidates',
  help: 'Candidates a ranking chose from: published opportunities for an investor, live investors for an opportunity',
  labelNames: ['direction'] as const,
  buckets: [10, 100, 1_000, 10_000, 100_000, 1_000_000],
  registers,
});

export const matchPageCacheRequests = new Counter({
  name: 'peluang_match_page_cache_requests_total',
  help: 'Match pages asked for, by whether the page cache had them (hit ratio: hit / all)',
  labelNames: ['result'] as const,
  registers,
});

export const rateLimitedRequests = new Counter({
  name: 'peluang_rate_limited_requests_total',
  help: 'Requests refused with 429, by the caller’s role',
  labelNames: ['role'] as const,
  registers,
});
