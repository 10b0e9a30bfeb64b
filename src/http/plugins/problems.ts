import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { classifyDatabaseError } from '../../db/errors.ts';
import { ServiceError } from '../../services/errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://peluang.example.id/problems/';

type ProblemPart = 'body' | 'querystring' | 'params' | 'headers';
interface FieldError {
  in: ProblemPart;
  field: string;
  pointer: string;
  message: string;
}

export interface ProblemInit {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  /** Extension members, e.g. the id of the record a conflict is about. */
  members?: Record<string, unknown>;
}

function problemDocument(problem: ProblemInit, request?: FastifyRequest) {
  return {
    type: `${TYPE_BASE}${problem.code}`,
    title: problem.title,
    status: problem.status,
    code: problem.code,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(request && { instance: request.url.split('?')[0], requestId: request.id }),
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.members,
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ProblemInit): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problemDocument(problem, request));
}

/** A title and stable code for a status nothing more specific was said about. */
function genericProblem(status: number, detail?: string): ProblemInit {
  const title = TITLES[status] ?? STATUS_CODES[status] ?? 'Error';
  return { status, code: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'), title, ...(detail && { detail }) };
}

/**
 * Errors Node's HTTP parser meets before there is a request (headers too large, an unknown
 * method, malformed HTTP): a problem document written to the socket, which is then closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const [status, detail] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request headers are larger than the service accepts.']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'The request was not received in time.']
          : [400, 'The request is not valid HTTP.'];
    const body = JSON.stringify(problemDocument(genericProblem(status, detail)));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Seconds a client is asked to wait while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * 503 with `Retry-After`: the service cannot answer now but will again by itself (the database
 * is away, the process is overloaded or shutting down). One shape for every such answer.
 */
export function sendServiceUnavailable(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: { code: string; detail: string; retryAfterSeconds: number },
): FastifyReply {
  reply.header('retry-after', String(problem.retryAfterSeconds));
  return sendProblem(request, reply, { status: 503, code: problem.code, title: TITLES[503]!, detail: problem.detail });
}

export const sendDatabaseUnavailable = (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
  sendServiceUnavailable(request, reply, {
    code: 'database-unavailable',
    detail: 'The database cannot be reached just now; try again shortly.',
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
  });

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Fastify's own client errors, by code: our stable code and a hint on what to do. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported-media-type', detail: 'Send the body as application/json.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload-too-large', detail: 'The body is larger than the service accepts.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'empty-body', detail: 'The JSON body is empty; send a JSON document or no Content-Type.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid-content-length', detail: 'Content-Length does not match the body.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed-json', detail: 'The body is not valid JSON.' },
  FST_ERR_BAD_URL: { code: 'bad-url', detail: 'The URL is not validly encoded.' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'bad-request', detail: 'The request could not be routed.' },
};

/** A JSON pointer (RFC 6901) to the field at these path segments. */
export const pointerOf = (segments: readonly string[]) => segments.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** One entry per offending field; an unknown key is named itself, not its parent object. */
function fieldErrors(error: FastifyError): FieldError[] {
  const part = (error.validationContext ?? 'body') as ProblemPart;
  return (error.validation ?? []).flatMap((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean);
    const unknownKeys = issue.keyword === 'unrecognized_keys' ? ((issue.params as { keys?: string[] }).keys ?? []) : [];
    const paths = unknownKeys.length ? unknownKeys.map((key) => [...path, key]) : [path];
    return paths.map((segments) => ({
      in: part,
      field: segments.join('.') || '(root)',
      pointer: pointerOf(segments),
      message: issue.message ?? 'invalid',
    }));
  });
}

/** Errors Fastify raises before routing (a badly encoded URL, say), answered the same way. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
  sendProblem(request, reply, {
    status: 400,
    code: known?.code ?? 'bad-request',
    title: TITLES[400]!,
    detail: known?.detail ?? error.message,
  });
}

/** Every error leaves as RFC 9457 problem details; nothing internal leaks to the client. */
export const problemsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors = fieldErrors(error);
        return sendProblem(request, reply, {
          status: 400,
          code: 'validation-failed',
          title: 'The request is not valid',
          detail: errors.map((e) => `${e.in} ${e.field}: ${e.message}`).join('; '),
          errors,
        });
      }
      if (error instanceof ServiceError) {
        const fields = [...(error.field ? [error.field] : []), ...(error.more.fields ?? [])];
        return sendProblem(request, reply, {
          status: error.status,
          code: error.code,
          title: TITLES[error.status] ?? 'Error',
          detail: error.message,
          ...(fields.length && { errors: fields.map((field) => ({ in: error.part, field, pointer: `/${field.replace(/\./g, '/')}`, message: error.message })) }),
          ...(error.more.members && { members: error.more.members }),
        });
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
        return sendProblem(request, reply, { status: 500, code: 'internal', title: TITLES[500]! });
      }
      const failure = classifyDatabaseError(error);
      if (failure?.kind === 'unavailable') {
        request.log.warn({ err: error }, 'database unavailable');
        return sendDatabaseUnavailable(request, reply);
      }
      if (failure?.kind === 'conflict' || failure?.kind === 'invalid') {
        // Validation should have caught it; the database's rule is the last line, still the caller's to fix.
        request.log.warn({ err: error }, 'request refused by a database constraint');
        const conflict = failure.kind === 'conflict';
        return sendProblem(request, reply, {
          status: conflict ? 409 : 400,
          code: conflict ? 'conflict' : 'bad-request',
          title: TITLES[conflict ? 409 : 400]!,
          detail: conflict ? 'The request conflicts with data that already exists.' : 'The database refused a value in the request.',
        });
      }
      const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
      const status = error.statusCode ?? 500;
      if (known || (status >= 400 && status < 500)) {
        return sendProblem(request, reply, {
          status: known && status >= 500 ? 400 : status,
          code: known?.code ?? 'bad-request',
          title: TITLES[status] ?? 'Bad request',
          detail: known?.detail ?? error.message,
        });
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, {
        status: 500,
        code: 'internal',
        title: TITLES[500]!,
        detail: `Something went wrong on our side; quote request id ${request.id} when reporting it.`,
      });
    });

    // Answers sent by plugins in their own format (a refused CORS preflight, say) become problem documents too.
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode < 400 || String(reply.getHeader('content-type') ?? '').startsWith(PROBLEM_CONTENT_TYPE)) return payload;
      const text = typeof payload === 'string' && payload.length <= 200 && !payload.startsWith('{') ? payload : undefined;
      reply.type(PROBLEM_CONTENT_TYPE).removeHeader('content-length');
      return JSON.stringify(problemDocument(genericProblem(reply.statusCode, text), request));
    });

    app.setNotFoundHandler((request, reply) =>
      sendProblem(request, reply, {
        status: 404,
        code: 'route-not-found',
        title: TITLES[404]!,
        detail: `No route ${request.method} ${request.url.split('?')[0]}; see /docs for the API.`,
      }),
    );
  },
  { name: 'problems' },
);
