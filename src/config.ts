import { z } from 'zod';
import { parseRetrySchedule } from './domain/webhooks.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Environment variables the service reads; each is documented in README's configuration table. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATABASE_READ_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  DEMO_DATA: booleanFlag.optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  TRUST_PROXY: booleanFlag.default(false),
  LOAD_SHED_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  LOAD_SHED_HEAP_USED_PERCENT: z.coerce.number().int().min(0).max(100).default(90),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(120),
  RATE_LIMIT_KEY_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  BOOTSTRAP_ADMIN_KEY: z
    .string()
    .regex(/^pk_admin_[A-Za-z0-9]{32,200}$/, 'must be an admin key: pk_admin_ followed by 32 to 200 letters and digits')
    .optional(),
  INTEREST_RESPONSE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** A second staff key approves each publication (four eyes); `false` lets staff publish drafts directly. */
  REVIEW_REQUIRED: booleanFlag.default(true),
  /** Days after verification until a published opportunity is due for review and shows as stale. */
  REVIEW_INTERVAL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default('5s,5m,30m,2h,5h,10h,24h')
    .transform((text, ctx) => parseRetrySchedule(text) ?? (ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of delays such as 5s,5m,2h (units ms, s, m, h)' }), z.NEVER)),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanFlag.default(false),
  /** IDR per USD for showing rupiah amounts and checking IDR thresholds; configured, never fetched. */
  USD_IDR_RATE: z.coerce.number().positive().max(1_000_000).default(16_500),
  USD_IDR_RATE_DATE: z.iso.date({ error: 'must be a date such as 2026-12-01' }).default('2026-12-01'),
}).refine((config) => !config.DATABASE_READ_URL || config.DATABASE_URL, {
  path: ['DATABASE_READ_URL'],
  message: 'a read replica works only beside a primary: set DATABASE_URL too, or unset DATABASE_READ_URL',
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Variables that may hold secrets: named in errors, their values never shown. */
const SECRETS: ReadonlySet<string> = new Set(['BOOTSTRAP_ADMIN_KEY', 'DATABASE_URL', 'DATABASE_READ_URL']);

/** Reads and validates the environment; throws one error that lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse(defined);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `  ${name}=${SECRETS.has(name) ? '(value hidden)' : JSON.stringify(env[name])}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration; fix these environment variables and start again:\n${lines.join('\n')}`);
}
