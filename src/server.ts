import closeWithGrace from 'close-with-grace';
import { buildApp, databaseTarget } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { loggerOptions } from './http/logging.ts';
import { seedDemoDataIfEmpty } from './services/demo-data.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const target = databaseTarget(config);
  const database = await openDatabase(target);
  await migrateToLatest(database.db);
  // Demo data goes into a fresh embedded database unless switched off; a real server only on request.
  const seeded = (config.DEMO_DATA ?? target.kind === 'embedded') && (await seedDemoDataIfEmpty(database));

  const app = await buildApp({
    config,
    database,
    logger: loggerOptions(config.LOG_LEVEL),
  });
  app.addHook('onClose', async () => database.close());
  if (seeded) app.log.warn('demo data loaded, with the well-known demo API keys from the README: keep this database private');
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
  const where = target.kind === 'embedded' ? `embedded PostgreSQL in ${target.dataDir}` : 'PostgreSQL at DATABASE_URL';
  app.log.info(`Peluang is up on ${config.HOST}:${config.PORT} (${where}); API docs at /docs`);
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
