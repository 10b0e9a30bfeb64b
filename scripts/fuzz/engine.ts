/**
 * A seeded fuzzer driven by the OpenAPI document: for every operation and parameter it sends
 * valid, boundary and invalid input (wrong types, lengths, enums, NUL and unpaired surrogates,
 * huge numbers, nulls, duplicate keys, wrong content types, malformed JSON) and raw malformed
 * HTTP, 16 connections at a time, and records every answer that breaks the rules: a 5xx, a
 * 4xx that is not a problem document, or an answer slower than the limit.
 */
import { request as httpRequest, Agent } from 'node:http';
import { connect } from 'node:net';
import { createRandom } from '../../src/services/synthetic-data.ts';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  format?: string;
};

interface Operation {
  method: string;
  path: string;
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzOptions {
  baseUrl: string;
  document: OpenApiDocument;
  seed: number;
  durationMs: number;
  connections?: number;
  /** Sent as `Authorization: Bearer …` on about half the requests, to reach past the key checks. */
  apiKey?: string;
  /** An answer slower than this counts as a hang. */
  answerWithinMs?: number;
}

export interface FuzzFailure {
  reason: string;
  method: string;
  url: string;
  status?: number;
  body?: string;
}

export interface FuzzReport {
  requests: number;
  operations: number;
  byStatus: Record<string, number>;
  failures: FuzzFailure[];
  slowestMs: number;
}

const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ud83d', '😀', 'ä'.repeat(5000), "' or 1=1 --", '%00', '../../etc/passwd',
  '<script>alert(1)</script>', '\u202e', 'null', '-1', '1e309', '0x10', 'NaN', '{"a":1}', ',,,', 'a,b,c'.repeat(200),
];
const NASTY_NUMBERS = [0, -1, 1, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, 0.5, Number.MAX_SAFE_INTEGER, 1e21];

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const random = createRandom(options.seed);
  const next = () => random.next();
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const chance = (p: number) => next() < p;
  const schemas = options.document.components?.schemas ?? {};
  const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(schemas[schema.$ref.split('/').pop()!] ?? {}) : schema);

  const operations: Operation[] = Object.entries(options.document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })),
  );

  /** A value that fits the schema, mostly; sometimes at its bounds. */
  const valid = (given: Schema, depth = 0): unknown => {
    const schema = resolve(given);
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants) return valid(pick(variants), depth);
    if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => valid(part, depth)));
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return pick(schema.enum);
    const type = Array.isArray(schema.type) ? pick(schema.type.filter((t) => t !== 'null')) : schema.type;
    switch (type) {
      case 'string':
        if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
        if (schema.format === 'email') return 'someone@example.com';
        if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
        if (schema.format === 'uri') return 'https://example.com';
        return 'x'.repeat(Math.max(schema.minLength ?? 1, chance(0.2) ? (schema.maxLength ?? 20) : 5));
      case 'integer':
      case 'number':
        return chance(0.3) ? (schema.maximum ?? 1) : (schema.minimum ?? 1);
      case 'boolean':
        return chance(0.5);
      case 'array':
        return depth > 4 || !schema.items ? [] : Array.from({ length: chance(0.8) ? 1 : 2 }, () => valid(schema.items!, depth + 1));
      case 'object':
      default: {
        if (depth > 5) return {};
        const result: Record<string, unknown> = {};
        for (const [name, property] of Object.entries(schema.properties ?? {})) {
          if (schema.required?.includes(name) || chance(0.5)) result[name] = valid(property, depth + 1);
        }
        return result;
      }
    }
  };

  /** Something the schema does not allow, or only just allows. */
  const invalid = (given: Schema): unknown => {
    const schema = resolve(given);
    const roll = next();
    if (roll < 0.25) return pick(NASTY_STRINGS);
    if (roll < 0.4) return pick(NASTY_NUMBERS);
    if (roll < 0.5) return null;
    if (roll < 0.55) return chance(0.5) ? [] : {};
    if (roll < 0.65 && schema.maxLength !== undefined) return 'y'.repeat(schema.maxLength + 1);
    if (roll < 0.7) return [pick(NASTY_STRINGS), pick(NASTY_STRINGS)];
    if (roll < 0.8) return { nested: pick(NASTY_STRINGS) };
    return valid(schema);
  };

  /** A body: mostly valid with one field spoiled. */
  const bodyFor = (schema: Schema): unknown => {
    const body = valid(schema);
    if (!body || typeof body !== 'object' || Array.isArray(body)) return chance(0.5) ? body : invalid(schema);
    const spoil = (target: Record<string, unknown>, property: Schema | undefined) => {
      const resolved = property ? resolve(property) : {};
      const keys = Object.keys(resolved.properties ?? target);
      if (!keys.length) return;
      const key = pick(keys);
      const child = target[key];
      if (child && typeof child === 'object' && !Array.isArray(child) && chance(0.5)) spoil(child as Record<string, unknown>, resolved.properties?.[key]);
      else target[key] = invalid(resolved.properties?.[key] ?? {});
    };
    if (chance(0.85)) spoil(body as Record<string, unknown>, schema);
    if (chance(0.1)) (body as Record<string, unknown>)[pick(NASTY_STRINGS) || 'extra'] = pick(NASTY_STRINGS);
    return body;
  };

  const encodeQueryValue = (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
    // Unpaired surrogates cannot be percent-encoded as UTF-8; send them as their raw escape bytes.
    return /[\ud800-\udfff]/.test(text) && !/[\ud800-\udbff][\udc00-\udfff]/.test(text) ? `%ED%A0%80${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))}` : encodeURIComponent(text);
  };

  interface Planned {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: string;
  }

  const plan = (operation: Operation): Planned => {
    let path = operation.path;
    const query: string[] = [];
    const headers: Record<string, string> = {};
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'path') {
        const value = chance(0.7) ? '00000000-0000-4000-8000-000000000000' : invalid(parameter.schema);
        path = path.replace(`{${parameter.name}}`, encodeQueryValue(value) || '%20');
      } else if (parameter.in === 'query' && (parameter.required || chance(0.5))) {
        const value = chance(0.5) ? valid(parameter.schema) : invalid(parameter.schema);
        const values = Array.isArray(value) && chance(0.5) ? value : [value];
        for (const v of values) query.push(`${encodeURIComponent(parameter.name)}=${encodeQueryValue(v)}`);
        if (chance(0.05)) query.push(`${encodeURIComponent(parameter.name)}=${encodeQueryValue(invalid(parameter.schema))}`);
      } else if (parameter.in === 'header' && chance(0.5)) {
        headers[parameter.name] = String(invalid(parameter.schema)).replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
      }
    }
    if (options.apiKey && chance(0.6)) headers.authorization = `Bearer ${options.apiKey}`;
    if (chance(0.1)) headers.authorization = pick(['Bearer pk_admin_x', 'Basic abc', 'Bearer', 'Bearer pk_staff_' + '0'.repeat(40)]);
    if (chance(0.1)) headers['accept-language'] = pick(['id', 'ko;q=0.5, ja', '*', 'zz', ';;;', 'en-US,en;q=abc']);
    if (chance(0.05)) headers['if-none-match'] = pick(['"v1"', '*', 'W/"x"', 'garbage']);
    if (chance(0.05)) headers['if-match'] = pick(['"v1"', '*', 'W/"v1"', 'garbage', '"v99999999999"']);
    if (chance(0.05)) headers['idempotency-key'] = pick(['k', 'x'.repeat(300), '', 'key with spaces']);
    let body: string | undefined;
    const json = operation.requestBody?.content['application/json']?.schema;
    if (json || chance(0.05)) {
      const roll = next();
      headers['content-type'] = roll < 0.85 ? 'application/json' : pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data', '']);
      const text = JSON.stringify(json ? bodyFor(json) : {}) ?? 'null';
      const shape = next();
      if (shape < 0.08) body = text.slice(0, Math.floor(text.length / 2));
      else if (shape < 0.14 && text.startsWith('{"')) body = `{"${text.slice(2).split('"')[0]}":1,${text.slice(1)}`; // a duplicated key
      else if (shape < 0.17) body = '';
      else if (shape < 0.2) body = pick(['[]', 'null', '1', '"x"', '{"__proto__":{"a":1}}', '{"constructor":{"prototype":{}}}']);
      else body = text;
    }
    return { method: chance(0.02) ? pick(['PUT', 'PROPFIND', 'TRACE', 'OPTIONS']) : operation.method, url: `${path}${query.length ? `?${query.join('&')}` : ''}`, headers, ...(body !== undefined && { body }) };
  };

  const RAW_REQUESTS = [
    'GET / HTTP/1.1\r\nHost: x\r\nX-Big: ' + 'a'.repeat(20_000) + '\r\n\r\n',
    'FOO /v1/sectors HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET /v1/sectors HTTP/9.9\r\nHost: x\r\n\r\n',
    'GET /v1/sectors HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
    'POST /v1/opportunities HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    'GET /v1/%ZZ HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET /v1/sectors HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n',
    '\x00\x01\x02\r\n\r\n',
  ];

  const base = new URL(options.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections ?? 16 });
  const limit = options.answerWithinMs ?? 5000;
  const report: FuzzReport = { requests: 0, operations: operations.length, byStatus: {}, failures: [], slowestMs: 0 };

  const check = (planned: { method: string; url: string }, status: number, contentType: string, body: string, ms: number) => {
    report.requests += 1;
    report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
    report.slowestMs = Math.max(report.slowestMs, ms);
    const fail = (reason: string) => report.failures.length < 50 && report.failures.push({ reason, ...planned, status, body: body.slice(0, 300) });
    if (status >= 500) fail('server error');
    else if (status >= 400 && planned.method !== 'HEAD' && !contentType.startsWith('application/problem+json')) fail('4xx is not a problem document');
    if (ms > limit) fail(`answered after ${ms} ms`);
  };

  const send = (planned: Planned) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = httpRequest(
        { host: base.hostname, port: base.port, method: planned.method, path: planned.url, headers: planned.headers, agent, timeout: limit * 2 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            check(planned, res.statusCode ?? 0, String(res.headers['content-type'] ?? ''), Buffer.concat(chunks).toString(), Math.round(performance.now() - started));
            resolve();
          });
          res.on('error', () => resolve());
        },
      );
      req.on('timeout', () => {
        report.failures.push({ reason: `no answer within ${limit * 2} ms`, method: planned.method, url: planned.url });
        req.destroy();
      });
      req.on('error', (error) => {
        if (report.failures.length < 50) report.failures.push({ reason: `connection error ${error.message}`, method: planned.method, url: planned.url });
        resolve();
      });
      req.end(planned.body);
    });

  const sendRaw = (raw: string) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const socket = connect({ host: base.hostname, port: Number(base.port) });
      let answer = '';
      socket.setTimeout(limit * 2, () => socket.destroy());
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('error', () => {});
      socket.on('close', () => {
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
        const contentType = /\r\ncontent-type: ([^\r\n]*)/i.exec(answer)?.[1] ?? '';
        if (status) check({ method: 'RAW', url: JSON.stringify(raw.slice(0, 60)) }, status, contentType, answer.split('\r\n\r\n')[1] ?? '', Math.round(performance.now() - started));
        resolve();
      });
      socket.end(raw);
    });

  const deadline = Date.now() + options.durationMs;
  let turn = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      turn += 1;
      if (turn % 25 === 0) await sendRaw(pick(RAW_REQUESTS));
      else await send(plan(operations[turn % operations.length]!));
    }
  };
  await Promise.all(Array.from({ length: options.connections ?? 16 }, worker));
  agent.destroy();
  return report;
}
