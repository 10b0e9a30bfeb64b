import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { ConfigSchema, type Config } from './config.ts';
import type { UsdIdrRate } from './domain/investment-facts.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database.ts';
import { authPlugin } from './http/plugins/auth.ts';
import { idempotencyPlugin } from './http/plugins/idempotency.ts';
import { languagePlugin } from './http/plugins/language.ts';
import { loadSheddingPlugin } from './http/plugins/load-shedding.ts';
import { metricsPlugin } from './http/plugins/metrics.ts';
import { tracingPlugin } from './observability/instrumentation.ts';
import { openapiPlugin } from './http/plugins/openapi.ts';
import { clientErrorHandler, frameworkErrorHandler, problemsPlugin } from './http/plugins/problems.ts';
import { rateLimitPlugin } from './http/plugins/rate-limit.ts';
import { securityHeadersPlugin } from './http/plugins/security-headers.ts';
import { looksLikeApiKey } from './http/logging.ts';
import { deadlinePlugin } from './http/plugins/deadline.ts';
import { shutdownPlugin } from './http/plugins/shutdown.ts';
import { textInputPlugin } from './http/plugins/text-input.ts';
import { notModifiedPlugin } from './http/plugins/not-modified.ts';
import { apiKeyRoutes } from './http/routes/api-keys.ts';
import { auditRoutes } from './http/routes/audit.ts';
import { embedRoutes } from './http/routes/embed.ts';
import { healthRoutes } from './http/routes/health.ts';
import { importRoutes } from './http/routes/imports.ts';
import { interestRoutes } from './http/routes/interests.ts';
import { investorRoutes } from './http/routes/investors.ts';
import { opportunityRoutes } from './http/routes/opportunities.ts';
import { referenceRoutes } from './http/routes/reference.ts';
import { statsRoutes } from './http/routes/stats.ts';
import { webhookRoutes } from './http/routes/webhooks.ts';
import { decisionReferenceRoutes } from './http/routes/decision-reference.ts';
import { defaultMatchingReference, defaultNameLookup } from './domain/matching/default-reference.ts';
import { matchingRoutes } from './http/routes/matching.ts';
import { ApiKeyService } from './services/api-keys.ts';
import { AuditService } from './services/audit.ts';
import { ChangeFeed } from './services/change-feed.ts';
import { ChangeWriter } from './services/changes.ts';
import { BackgroundWork } from './services/background.ts';
import { FunnelService } from './services/funnel.ts';
import { IdempotencyService } from './services/idempotency.ts';
import { ImportService } from './services/imports.ts';
import { InterestService } from './services/interests.ts';
import { InvestorService } from './services/investors.ts';
import { MatchAlerts } from './services/match-alerts.ts';
import { MatchingService } from './services/matching.ts';
import { OpportunityService } from './services/opportunities.ts';
import { OutboxProcessor } from './services/outbox.ts';
import { RateLimitCounters } from './services/rate-limits.ts';
import { systemResolver, type HostResolver } from './services/webhook-delivery.ts';
import { WebhookService } from './services/webhooks.ts';

export interface Services {
  opportunities: OpportunityService;
  investors: InvestorService;
  matching: MatchingService;
  apiKeys: ApiKeyService;
  audit: AuditService;
  interests: InterestService;
  webhooks: WebhookService;
  funnel: FunnelService;
  idempotency: IdempotencyService;
  rateLimits: RateLimitCounters;
  imports: ImportService;
  /** Outbox processing, webhook delivery and interest expiry; `drain()` runs them to completion. */
  background: BackgroundWork;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
    services: Services;
    /** USD_IDR_RATE as of USD_IDR_RATE_DATE: rupiah amounts shown and IDR thresholds checked with it. */
    usdIdrRate: UsdIdrRate;
  }
}

export interface AppOptions {
  config: Pick<Config, 'BODY_LIMIT_BYTES' | 'TRUST_PROXY'> & Partial<Config>;
  /** An open database; the app then leaves closing it to the caller. Without it, one is opened from config. */
  database?: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** How webhook target hosts are resolved; tests stand in for DNS. */
  resolveHost?: HostResolver;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function databaseTarget(config: Partial<Config>) {
  return config.DATABASE_URL
    ? ({ kind: 'postgres', url: config.DATABASE_URL, readUrl: config.DATABASE_READ_URL, poolSize: config.DATABASE_POOL_SIZE ?? 10 } as const)
    : ({ kind: 'embedded', dataDir: config.DATA_DIR ?? './data' } as const);
}

/** Builds the whole service; `npm start` and the tests both go through here. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const requestTimeoutMs = options.config.REQUEST_TIMEOUT_MS ?? 30_000;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.config.BODY_LIMIT_BYTES,
    trustProxy: options.config.TRUST_PROXY,
    // A caller's request id is kept when it is safe to log (never one that looks like a key); otherwise a fresh one is made.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) && !looksLikeApiKey(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    requestTimeout: requestTimeoutMs,
    // While shutting down, requests on open connections are still served, with `Connection: close`.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();

  // Before any route, so every route is traced.
  const tracing = tracingPlugin();
  if (tracing) await app.register(tracing);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only; any other body is refused with 415 rather than parsed.
  app.removeContentTypeParser('text/plain');
  // Partial updates may also be sent as JSON Merge Patch (RFC 7396), parsed as JSON is.
  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  const database = options.database ?? (await openDatabase(databaseTarget(options.config)));
  if (!options.database) {
    await migrateToLatest(database.db);
    app.addHook('onClose', async () => database.close());
  }
  app.decorate('database', database);
  const usdIdrRate: UsdIdrRate = {
    rate: options.config.USD_IDR_RATE ?? ConfigSchema.shape.USD_IDR_RATE.parse(undefined),
    asOf: options.config.USD_IDR_RATE_DATE ?? ConfigSchema.shape.USD_IDR_RATE_DATE.parse(undefined),
  };
  app.decorate('usdIdrRate', usdIdrRate);
  const feed = new ChangeFeed(database, app.log);
  const changes = new ChangeWriter(database.db, database.changeChannel, feed);
  const matching = new MatchingService(database, defaultMatchingReference, defaultNameLookup, app.log, usdIdrRate);
  const apiKeys = new ApiKeyService(database.db, changes, app.log);
  feed.subscribe(matching);
  feed.subscribe(apiKeys);
  const interests = new InterestService(database.db, changes, options.config.INTEREST_RESPONSE_DAYS ?? 14);
  const webhooks = new WebhookService(database.db, changes, {
    allowPrivateTargets: options.config.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? false,
    retrySchedule: options.config.WEBHOOK_RETRY_SCHEDULE ?? ConfigSchema.shape.WEBHOOK_RETRY_SCHEDULE.parse(undefined),
    resolveHost: options.resolveHost ?? systemResolver,
  });
  const opportunities = new OpportunityService(
    database.db,
    changes,
    usdIdrRate,
    {
      required: options.config.REVIEW_REQUIRED ?? ConfigSchema.shape.REVIEW_REQUIRED.parse(undefined),
      intervalDays: options.config.REVIEW_INTERVAL_DAYS ?? ConfigSchema.shape.REVIEW_INTERVAL_DAYS.parse(undefined),
    },
    database.reader,
  );
  const outbox = new OutboxProcessor(changes, [interests, new MatchAlerts(matching), webhooks]);
  const background = new BackgroundWork(
    [
      { name: 'outbox', everyMs: 1000, run: () => outbox.runOnce() },
      { name: 'webhook-deliveries', everyMs: 1000, run: () => webhooks.deliverDue(), nextDue: (until) => webhooks.nextDue(until) },
      { name: 'interest-expiry', everyMs: 60_000, run: () => interests.expireUnanswered() },
      { name: 'opportunity-freshness', everyMs: 60_000, run: () => opportunities.sweepFreshness() },
    ],
    app.log,
  );
  app.decorate('services', {
    opportunities,
    investors: new InvestorService(database.db, changes, database.reader),
    matching,
    apiKeys,
    audit: new AuditService(database.db),
    interests,
    webhooks,
    funnel: new FunnelService(database.db, matching, options.config.INTEREST_RESPONSE_DAYS ?? 14),
    idempotency: new IdempotencyService(database.db),
    rateLimits: new RateLimitCounters(database.db),
    imports: new ImportService(database.db, changes, usdIdrRate),
    background,
  });
  // Listening starts before the index loads, so no change can fall between the two.
  app.addHook('onReady', async () => {
    await feed.start();
    matching.start();
    background.start();
  });
  app.addHook('onClose', async () => {
    await background.stop();
    await feed.stop();
    await matching.stop();
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(problemsPlugin);
  // First after problems: an overloaded instance refuses before spending anything on a request.
  // Off unless configured (the server's configuration switches it on), so embedders and tests opt in.
  await app.register(loadSheddingPlugin, {
    maxEventLoopDelayMs: options.config.LOAD_SHED_EVENT_LOOP_DELAY_MS ?? 0,
    maxHeapUsedPercent: options.config.LOAD_SHED_HEAP_USED_PERCENT ?? 0,
  });
  await app.register(shutdownPlugin);
  await app.register(deadlinePlugin, { timeoutMs: requestTimeoutMs });
  await app.register(textInputPlugin);
  await app.register(notModifiedPlugin);
  // Order matters: the caller is recognised first, then CORS and rate limits use who it is.
  await app.register(authPlugin);
  await app.register(metricsPlugin, { port: options.config.METRICS_PORT, host: options.config.HOST ?? 'localhost' });
  await app.register(securityHeadersPlugin);
  await app.register(rateLimitPlugin, {
    anonymousPerMinute: options.config.RATE_LIMIT_ANONYMOUS_PER_MINUTE ?? 120,
    keyPerMinute: options.config.RATE_LIMIT_KEY_PER_MINUTE ?? 600,
  });
  await app.register(idempotencyPlugin, { requestTimeoutMs });
  await app.register(languagePlugin);
  await app.register(openapiPlugin);
  await app.register(healthRoutes);
  await app.register(referenceRoutes);
  await app.register(decisionReferenceRoutes);
  await app.register(opportunityRoutes);
  await app.register(investorRoutes);
  await app.register(matchingRoutes);
  await app.register(apiKeyRoutes);
  await app.register(auditRoutes);
  await app.register(embedRoutes);
  await app.register(interestRoutes);
  await app.register(webhookRoutes);
  await app.register(statsRoutes);
  await app.register(importRoutes);

  return app;
}
