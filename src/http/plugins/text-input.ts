import fp from 'fastify-plugin';
import { pointerOf, sendProblem } from './problems.ts';

/** NUL, which PostgreSQL cannot store in text, or a UTF-16 surrogate without its pair, which JSON storage refuses. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Part = 'body' | 'querystring' | 'params';

/** The path of the first string (value or object key) the database could not store, if any. */
export function findUnstorableText(value: unknown, path: string[] = []): string[] | undefined {
  // A file sent as bytes (an import) is no text yet: the route that decodes it checks what it reads.
  if (value instanceof Uint8Array) return undefined;
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return [...path, key];
      const found = findUnstorableText(child, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Refuses, before any route's validation, text the database cannot hold, wherever it is sent:
 * every route, present and future, answers 400 naming the field instead of failing in the database.
 */
export const textInputPlugin = fp(
  async (app) => {
    app.addHook('preValidation', async (request, reply) => {
      const parts: [Part, unknown][] = [['params', request.params], ['querystring', request.query], ['body', request.body]];
      for (const [part, value] of parts) {
        const path = findUnstorableText(value);
        if (!path) continue;
        const field = path.join('.') || '(root)';
        const message = 'must not contain NUL characters or unpaired UTF-16 surrogates';
        return sendProblem(request, reply, {
          status: 400,
          code: 'validation-failed',
          title: 'The request is not valid',
          detail: `${part} ${field}: ${message}`,
          errors: [{ in: part, field, pointer: pointerOf(path), message }],
        });
      }
    });
  },
  { name: 'text-input', dependencies: ['problems'] },
);
