import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { UiLanguage } from '../../domain/codes.ts';
import type { ProblemCode } from '../../domain/problem-codes.ts';
import { ServiceError, classifyDatabaseError } from '../../services/errors.ts';
import { markLocalized } from './language.ts';

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
  code: ProblemCode;
  /** In English; replaced by the localized title of the code or status (see `titleFor`). */
  title?: string;
  detail?: string;
  errors?: FieldError[];
  /** Extension members, e.g. the id of the record a conflict is about. */
  members?: Record<string, unknown>;
}

/** A problem whose code may also be derived from its status (see genericProblem). */
type AnyProblem = Omit<ProblemInit, 'code'> & { code: string };

function problemDocument(problem: AnyProblem, request?: FastifyRequest) {
  return {
    type: `${TYPE_BASE}${problem.code}`,
    title: request ? titleFor(request, problem) : problem.title,
    status: problem.status,
    code: problem.code,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(request && { instance: request.url.split('?')[0], requestId: request.id }),
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.members,
  };
}

/** A problem in the request's language: problems are localized responses wherever they come from. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ProblemInit): FastifyReply {
  markLocalized(request, reply);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problemDocument(problem, request));
}

/** A title and stable code for a status nothing more specific was said about. */
function genericProblem(status: number, detail?: string): AnyProblem {
  const title = TITLES[status]?.en ?? STATUS_CODES[status] ?? 'Error';
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
  problem: { code: ProblemCode; detail: string; retryAfterSeconds: number },
): FastifyReply {
  reply.header('retry-after', String(problem.retryAfterSeconds));
  return sendProblem(request, reply, { status: 503, code: problem.code, detail: problem.detail });
}

export const sendDatabaseUnavailable = (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
  sendServiceUnavailable(request, reply, {
    code: 'database-unavailable',
    detail: 'The database cannot be reached just now; try again shortly.',
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
  });

type Titles = Record<UiLanguage, string>;

/** Problem titles in every language the service answers in; the `detail` stays in English. */
export const TITLES: Record<number, Titles> = {
  400: { en: 'Bad request', id: 'Permintaan tidak valid', ko: '잘못된 요청', ja: '不正なリクエスト', zh: '请求无效' },
  401: { en: 'Unauthorized', id: 'Tidak terautentikasi', ko: '인증 필요', ja: '認証が必要です', zh: '未经身份验证' },
  403: { en: 'Forbidden', id: 'Akses ditolak', ko: '접근 거부', ja: 'アクセスが拒否されました', zh: '禁止访问' },
  404: { en: 'Not found', id: 'Tidak ditemukan', ko: '찾을 수 없음', ja: '見つかりません', zh: '未找到' },
  405: { en: 'Method not allowed', id: 'Metode tidak diizinkan', ko: '허용되지 않는 메서드', ja: '許可されていないメソッド', zh: '不允许的请求方法' },
  406: { en: 'Not acceptable', id: 'Tidak dapat diterima', ko: '허용되지 않는 형식', ja: '受け入れ不可', zh: '无法接受' },
  408: { en: 'Request timeout', id: 'Waktu permintaan habis', ko: '요청 시간 초과', ja: 'リクエストがタイムアウトしました', zh: '请求超时' },
  409: { en: 'Conflict', id: 'Konflik', ko: '충돌', ja: '競合', zh: '冲突' },
  412: { en: 'Precondition failed', id: 'Prasyarat gagal', ko: '사전 조건 실패', ja: '前提条件が満たされていません', zh: '前提条件不满足' },
  413: { en: 'Payload too large', id: 'Muatan terlalu besar', ko: '요청 본문이 너무 큼', ja: 'リクエスト本文が大きすぎます', zh: '请求内容过大' },
  415: { en: 'Unsupported media type', id: 'Jenis media tidak didukung', ko: '지원하지 않는 미디어 유형', ja: 'サポートされていないメディアタイプ', zh: '不支持的媒体类型' },
  422: { en: 'Unprocessable content', id: 'Konten tidak dapat diproses', ko: '처리할 수 없는 내용', ja: '処理できない内容', zh: '无法处理的内容' },
  428: { en: 'Precondition required', id: 'Prasyarat diperlukan', ko: '사전 조건 필요', ja: '前提条件が必要です', zh: '需要前提条件' },
  429: { en: 'Too many requests', id: 'Terlalu banyak permintaan', ko: '요청이 너무 많음', ja: 'リクエストが多すぎます', zh: '请求过多' },
  431: { en: 'Request header fields too large', id: 'Header permintaan terlalu besar', ko: '요청 헤더가 너무 큼', ja: 'リクエストヘッダーが大きすぎます', zh: '请求头过大' },
  500: { en: 'Internal server error', id: 'Kesalahan server internal', ko: '내부 서버 오류', ja: 'サーバー内部エラー', zh: '服务器内部错误' },
  503: { en: 'Service unavailable', id: 'Layanan tidak tersedia', ko: '서비스를 사용할 수 없음', ja: 'サービスを利用できません', zh: '服务不可用' },
};

/** Titles of problems whose code says more than their status. */
const CODE_TITLES: Partial<Record<ProblemCode, Titles>> = {
  'validation-failed': {
    en: 'The request is not valid',
    id: 'Permintaan tidak valid',
    ko: '요청이 올바르지 않습니다',
    ja: 'リクエストが正しくありません',
    zh: '请求不合法',
  },
  'origin-not-allowed': {
    en: 'Origin not allowed',
    id: 'Asal (origin) tidak diizinkan',
    ko: '허용되지 않은 출처(origin)',
    ja: '許可されていないオリジン',
    zh: '来源(origin)不被允许',
  },
  'idempotency-key-reused': {
    en: 'Idempotency key reused',
    id: 'Idempotency key sudah dipakai',
    ko: '이미 사용된 멱등성 키',
    ja: '使用済みの冪等キー',
    zh: '幂等键已被使用',
  },
};

/**
 * The title in the request's language: by code, else by status. A caller's own title that says
 * more than its status's and has no translation yet is kept, in English.
 */
function titleFor(request: FastifyRequest, problem: AnyProblem): string {
  const byCode = (CODE_TITLES as Partial<Record<string, Titles>>)[problem.code];
  if (byCode) return byCode[request.language];
  const byStatus = TITLES[problem.status];
  if (problem.title && problem.title !== byStatus?.en) return problem.title;
  return byStatus?.[request.language] ?? problem.title ?? 'Error';
}

/** Fastify's own client errors, by code: our stable code and a hint on what to do. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: ProblemCode; detail: string }> = {
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
          detail: errors.map((e) => `${e.in} ${e.field}: ${e.message}`).join('; '),
          errors,
        });
      }
      if (error instanceof ServiceError) {
        const fields = [...(error.field ? [error.field] : []), ...(error.more.fields ?? [])];
        return sendProblem(request, reply, {
          status: error.status,
          code: error.code,
          detail: error.message,
          ...(fields.length && { errors: fields.map((field) => ({ in: error.part, field, pointer: `/${field.replace(/\./g, '/')}`, message: error.message })) }),
          ...(error.more.members && { members: error.more.members }),
        });
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
        return sendProblem(request, reply, { status: 500, code: 'internal' });
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
          detail: conflict ? 'The request conflicts with data that already exists.' : 'The database refused a value in the request.',
        });
      }
      const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
      const status = error.statusCode ?? 500;
      if (known || (status >= 400 && status < 500)) {
        return sendProblem(request, reply, {
          status: known && status >= 500 ? 400 : status,
          code: known?.code ?? 'bad-request',
          detail: known?.detail ?? error.message,
        });
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, {
        status: 500,
        code: 'internal',
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
        detail: `No route ${request.method} ${request.url.split('?')[0]}; see /docs for the API.`,
      }),
    );
  },
  { name: 'problems' },
);
