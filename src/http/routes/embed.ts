import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../plugins/problems.ts';

const EMBED_DIR = fileURLToPath(new URL('../../../embed/', import.meta.url));
/** Versioned and content-hashed paths: `public, max-age=31536000, immutable`. */
const YEAR = { maxAge: '365d', immutable: true } as const;
/** The demo page and its files follow the bundle's latest build: always revalidated by ETag. */
const REVALIDATE = { cacheControl: false } as const;

type Caching = typeof YEAR | typeof REVALIDATE;

function exists(dir: string, path: string): boolean {
  return statSync(join(dir, path), { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * The bundle's content hash, for its pinned URL (and the page's SRI). Worked out again only when
 * the file changes, so `npm run build:embed` on a running service moves the pinned URL with it.
 */
function contentHash(dir: string, path: string): () => string | null {
  let known: { stamp: string; hash: string } | null = null;
  return () => {
    const stat = statSync(join(dir, path), { throwIfNoEntry: false });
    if (!stat?.isFile()) return null;
    const stamp = `${stat.size}-${stat.mtimeMs}`;
    if (known?.stamp !== stamp) {
      known = { stamp, hash: createHash('sha256').update(readFileSync(join(dir, path))).digest('hex').slice(0, 12) };
    }
    return known.hash;
  };
}

/** The demo page passes a strict policy, showing chambers that the bundle needs no inline code. */
const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * A file from the embed folder through @fastify/static, which answers conditional requests with
 * its ETag; a file not built yet is looked for again on the next request, so `npm run build:embed`
 * fixes a running service.
 */
function send(
  request: FastifyRequest,
  reply: FastifyReply,
  dir: string,
  path: string | null,
  type: string,
  caching: Caching,
): FastifyReply {
  if (path === null || !exists(dir, path)) {
    return sendProblem(request, reply, {
      status: 503,
      code: 'embed-not-built',
      title: 'Service unavailable',
      detail: 'The embeddable components have not been built; run `npm run build:embed` on the server.',
    });
  }
  // Our own types: the library's lookup would say application/javascript, which the standard retired.
  reply.type(type).header('x-content-type-options', 'nosniff');
  if (caching === REVALIDATE) reply.header('cache-control', 'no-cache');
  return reply.sendFile(path, dir, { ...caching, contentType: false });
}

/** Scripts other sites load: readable from any origin, whatever policy the rest of the API has. */
function crossOrigin(reply: FastifyReply): FastifyReply {
  return reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
}

const JS = 'text/javascript; charset=utf-8';
const JSON_MAP = 'application/json; charset=utf-8';

/**
 * The drop-in web components (`/embed/v1/peluang.js`, v1 being their major version) and a demo
 * page showing them as a chamber of commerce's site would embed them. Not part of the API document.
 */
export const embedRoutes: FastifyPluginAsync<{ dir?: string }> = async (app, options) => {
  const dir = options.dir ?? EMBED_DIR;
  const BUNDLE = 'dist/peluang.js';
  const bundleHash = contentHash(dir, BUNDLE);
  // Only the reply decorator: each file has its own route, cache policy and not-built answer.
  await app.register(fastifyStatic, { root: dir, serve: false });
  if (!exists(dir, BUNDLE)) app.log.warn('the embeddable components are not built: /embed answers 503 until `npm run build:embed` has run');
  const hidden = { schema: { hide: true } };

  app.get('/embed/v1/peluang.js', hidden, async (request, reply) => send(request, crossOrigin(reply), dir, BUNDLE, JS, YEAR));
  app.get('/embed/v1/peluang.js.map', hidden, async (request, reply) => send(request, crossOrigin(reply), dir, 'dist/peluang.js.map', JSON_MAP, YEAR));
  // The same bundle under its content hash, for pages that pin an exact build (and use SRI).
  app.get<{ Params: { hash: string } }>('/embed/v1/peluang.:hash.js', hidden, async (request, reply) => {
    const hash = bundleHash();
    if (hash && request.params.hash !== hash) {
      return sendProblem(request, reply, {
        status: 404,
        code: 'route-not-found',
        title: 'Not found',
        detail: `No bundle with hash ${request.params.hash}; the current one is /embed/v1/peluang.${hash}.js.`,
      });
    }
    return send(request, crossOrigin(reply), dir, BUNDLE, JS, YEAR);
  });

  app.get('/embed/demo', hidden, async (request, reply) => {
    // With `no-referrer` a same-origin POST carries `Origin: null`, and the embed key's origin check would refuse it.
    reply.header('content-security-policy', DEMO_CSP).header('referrer-policy', 'strict-origin-when-cross-origin');
    // Without the bundle the page would show nothing; the operator gets the same 503 instead.
    return send(request, reply, dir, exists(dir, BUNDLE) ? 'demo/index.html' : null, 'text/html; charset=utf-8', REVALIDATE);
  });
  app.get('/embed/demo.js', hidden, async (request, reply) => send(request, reply, dir, 'dist/demo.js', JS, REVALIDATE));
  app.get('/embed/demo.js.map', hidden, async (request, reply) => send(request, reply, dir, 'dist/demo.js.map', JSON_MAP, REVALIDATE));
  app.get('/embed/demo.css', hidden, async (request, reply) => send(request, reply, dir, 'demo/demo.css', 'text/css; charset=utf-8', REVALIDATE));
};
