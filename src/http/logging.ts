import { stdSerializers, type LoggerOptions } from 'pino';
import type { LogLevel } from 'fastify';

/** Request headers that carry credentials. */
const REDACTED_HEADERS = ['req.headers.authorization', 'req.headers.cookie'];

/** Database error fields that repeat the data written: bound parameters, the failing row. */
const ROW_DATA_FIELDS = ['params', 'parameters', 'queryOptions', 'detail'] as const;

type SerializedError = ReturnType<typeof stdSerializers.err> & Record<string, unknown>;

/**
 * Errors as pino logs them, less what would put people's data in the log: a database error's
 * parameters and row details (contact names, e-mail addresses, phone numbers).
 */
export function redactedError(error: Error): SerializedError {
  const serialized = stdSerializers.err(error) as SerializedError;
  const scrub = (value: Record<string, unknown> | undefined) => {
    if (!value || typeof value !== 'object') return;
    for (const field of ROW_DATA_FIELDS) if (field in value) value[field] = '[redacted]';
    scrub(value.cause as Record<string, unknown> | undefined);
  };
  scrub(serialized);
  return serialized;
}

export function loggerOptions(level: LogLevel | 'silent'): LoggerOptions {
  return { level, redact: REDACTED_HEADERS, serializers: { err: redactedError } };
}

/** A caller-chosen request id that looks like an API key is never echoed or logged. */
export const looksLikeApiKey = (value: string) => /pk_[a-z]+_/i.test(value);
