import { InvalidCursorError } from '../db/repositories/cursor.ts';
import type { ProblemCode } from '../domain/problem-codes.ts';

/** What a database failure means for the caller; the HTTP layer asks here, never the database layer. */
export { classifyDatabaseError, type DatabaseFailure } from '../db/errors.ts';

/** Errors a service raises for the HTTP layer to turn into problem responses. */
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 412 | 413 | 422 | 428 | 429,
    readonly code: ProblemCode,
    message: string,
    readonly field?: string,
    readonly part: 'body' | 'querystring' | 'params' | 'headers' = 'body',
    /** More offending fields than `field`, and extension members for the problem (RFC 9457 §3.2). */
    readonly more: { fields?: readonly string[]; members?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string, id: string) => new ServiceError(404, 'not-found', `${what} ${id} does not exist`);

export const conflict = (code: ProblemCode, message: string, more: ServiceError['more'] = {}) =>
  new ServiceError(409, code, message, more.fields?.[0], 'body', { ...more, fields: more.fields?.slice(1) ?? [] });

export const badRequest = (code: ProblemCode, message: string, field?: string, part?: ServiceError['part']) =>
  new ServiceError(400, code, message, field, part);

export const forbidden = (message: string, field?: string, part?: ServiceError['part']) => new ServiceError(403, 'forbidden', message, field, part);

export const unprocessable = (code: ProblemCode, message: string, field?: string) => new ServiceError(422, code, message, field);

export const preconditionFailed = (what: string, id: string, version: number) =>
  new ServiceError(
    412,
    'precondition-failed',
    `${what} ${id} has changed since you read it (it is now at version ${version}, ETag "v${version}"); read it again and reapply your change.`,
    'if-match',
    'headers',
  );

/** Runs a listing; a cursor the repository cannot use becomes a 400 naming the `cursor` parameter. */
export async function withCursor<T>(list: () => Promise<T>, detail = 'The cursor is not valid; start again without a cursor.'): Promise<T> {
  try {
    return await list();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badRequest('invalid-cursor', detail, 'cursor', 'querystring');
    throw error;
  }
}
