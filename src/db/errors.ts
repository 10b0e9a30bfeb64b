/**
 * What a database failure means for the caller, from PostgreSQL's SQLSTATE or the driver's
 * socket error: the database is away (retry later), the request broke a rule the schema
 * enforces (the caller's to fix), or something else (ours to fix).
 */
export type DatabaseFailure =
  | { kind: 'unavailable' }
  | { kind: 'conflict'; constraint?: string }
  | { kind: 'invalid'; constraint?: string }
  | { kind: 'bug' };

/** SQLSTATE classes and codes that mean "not now": connection lost, server starting or stopping, timeouts, no capacity. */
const UNAVAILABLE_CLASSES = ['08', '53', '57P', '58'];
const UNAVAILABLE_CODES = new Set(['57014' /* query_canceled: statement timeout */, '55P03' /* lock_not_available */, '40001', '40P01']);
/** Errors of Node's sockets and of the pg driver when the server is unreachable. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end',
  'Query read timeout',
  'PGlite is closed',
  // The database handle was closed: the instance is shutting down.
  'driver has already been destroyed',
];

export function classifyDatabaseError(error: unknown): DatabaseFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, constraint } = error as Error & { code?: unknown; constraint?: unknown };
  const named = typeof constraint === 'string' ? { constraint } : {};
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code)) return { kind: 'unavailable' };
    if (/^[0-9A-Z]{5}$/.test(code)) {
      if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_CLASSES.some((prefix) => code.startsWith(prefix))) return { kind: 'unavailable' };
      if (code === '23505' || code === '23P01') return { kind: 'conflict', ...named };
      // Integrity (23: not null, foreign key, check) and data exceptions (22: out of range, bad encoding…).
      if (code.startsWith('23') || code.startsWith('22')) return { kind: 'invalid', ...named };
      return { kind: 'bug' };
    }
  }
  if (DRIVER_MESSAGES.some((message) => error.message.includes(message))) return { kind: 'unavailable' };
  return undefined;
}
