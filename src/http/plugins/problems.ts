import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
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
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ProblemInit): FastifyReply {
  return reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({
      type: `${TYPE_BASE}${problem.code}`,
      title: problem.title,
      status: problem.status,
      code: problem.code,
      ...(problem.detail ? { detail: problem.detail } : {}),
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...(problem.errors ? { errors: problem.errors } : {}),
    });
}

export const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
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
      pointer: segments.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join(''),
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
        return sendProblem(request, reply, {
          status: error.status,
          code: error.code,
          title: TITLES[error.status] ?? 'Error',
          detail: error.message,
          ...(error.field ? { errors: [{ in: error.part, field: error.field, pointer: `/${error.field.replace(/\./g, '/')}`, message: error.message }] } : {}),
        });
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
        return sendProblem(request, reply, { status: 500, code: 'internal', title: TITLES[500]! });
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
