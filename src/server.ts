import closeWithGrace from 'close-with-grace';
import { buildApp, databaseTarget } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { announceApi } from './db/data-dir-lock.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { loggerOptions } from './http/logging.ts';
import { seedDemoDataIfEmpty } from './services/demo-data.ts';
import { publicBaseUrl, startBanner } from './services/start-banner.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const target = databaseTarget(config);
  // Tracing only with a collector to send to; loaded on demand, so no SDK otherwise.
  const tracing = config.OTEL_EXPORTER_OTLP_ENDPOINT ? (await import('./observability/tracing.ts')).startTracing() : null;
  const database = await openDatabase(target);
  await migrateToLatest(database.db);
  // Demo data goes into a fresh embedded database unless switched off; a real server only on request.
  const seeded = (config.DEMO_DATA ?? target.kind === 'embedded') && (await seedDemoDataIfEmpty(database, config.REVIEW_INTERVAL_DAYS));

  const app = await buildApp({
    config,
    database,
    logger: loggerOptions(config.LOG_LEVEL),
  });
  app.addHook('onClose', async () => database.close());
  if (tracing) app.addHook('onClose', async () => tracing.shutdown());
  if (seeded) app.log.info('demo data loaded into the empty database');
  if (config.BOOTSTRAP_ADMIN_KEY) {
    const stored = await app.services.apiKeys.ensureBootstrapAdminKey(config.BOOTSTRAP_ADMIN_KEY);
    if (stored) app.log.info({ keyId: stored.id, prefix: stored.prefix }, 'stored the admin key from BOOTSTRAP_ADMIN_KEY');
  }

  // Readiness fails at once, the drain lets load balancers notice, then in-flight requests get the grace period.
  const timing = { drainMs: config.SHUTDOWN_DRAIN_MS, graceMs: config.SHUTDOWN_GRACE_MS };
  closeWithGrace({ delay: timing.drainMs + timing.graceMs + 1000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal, ...timing }, 'shutting down');
    await app.shutdown(err ? { drainMs: 0, graceMs: timing.graceMs } : timing);
  });

  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const base = publicBaseUrl(config.HOST, typeof address === 'object' && address ? address.port : config.PORT);
  if (target.kind === 'embedded' && target.dataDir) announceApi(target.dataDir, base);
  const where = target.kind === 'embedded' ? `embedded PostgreSQL in ${target.dataDir}` : 'PostgreSQL at DATABASE_URL';
  const banner = await startBanner(database, base, where);
  for (const line of banner.info) app.log.info(line);
  for (const line of banner.warn) app.log.warn(line);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Peluang could not start:', error instanceof Error ? error.message : error);
    if (error instanceof Error && error.cause) console.error('Cause:', error.cause);
  }
  process.exit(1);
});
