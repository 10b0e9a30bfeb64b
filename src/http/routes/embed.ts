import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from '../plugins/problems.ts';

const EMBED_DIR = fileURLToPath(new URL('../../../embed/', import.meta.url));
const YEAR = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

interface Asset {
  body: Buffer;
  etag: string;
  hash: string;
}

/**
 * A file read once and kept: the bundle changes only with a deploy. A missing build is looked
 * for again on the next request, so `npm run build:embed` fixes a running service.
 */
function asset(dir: string, path: string): () => Asset | null {
  let loaded: Asset | null = null;
  return () => {
    if (loaded) return loaded;
    try {
      const body = readFileSync(join(dir, path));
      const hash = createHash('sha256').update(body).digest('hex');
      loaded = { body, etag: `"${hash.slice(0, 32)}"`, hash: hash.slice(0, 12) };
    } catch {
      return null;
    }
    return loaded;
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

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  file: Asset | null,
  type: string,
  cacheControl: string,
): FastifyReply {
  if (!file) {
    return sendProblem(request, reply, {
      status: 503,
      code: 'embed-not-built',
      title: 'Service unavailable',
      detail: 'The embeddable components have not been built; run `npm run build:embed` on the server.',
    });
  }
  reply.header('cache-control', cacheControl).header('etag', file.etag).header('x-content-type-options', 'nosniff');
  const match = request.headers['if-none-match'];
  if (match && (match === '*' || match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag))) {
    return reply.code(304).send();
  }
  return reply.type(type).send(file.body);
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
  const bundle = asset(dir, 'dist/peluang.js');
  const bundleMap = asset(dir, 'dist/peluang.js.map');
  const demoScript = asset(dir, 'dist/demo.js');
  const demoScriptMap = asset(dir, 'dist/demo.js.map');
  const demoPage = asset(dir, 'demo/index.html');
  const demoStyles = asset(dir, 'demo/demo.css');
  if (!bundle()) app.log.warn('the embeddable components are not built: /embed answers 503 until `npm run build:embed` has run');
  const hidden = { schema: { hide: true } };

  app.get('/embed/v1/peluang.js', hidden, async (request, reply) => send(request, crossOrigin(reply), bundle(), JS, YEAR));
  app.get('/embed/v1/peluang.js.map', hidden, async (request, reply) => send(request, crossOrigin(reply), bundleMap(), JSON_MAP, YEAR));
  // The same bundle under its content hash, for pages that pin an exact build (and use SRI).
  app.get<{ Params: { hash: string } }>('/embed/v1/peluang.:hash.js', hidden, async (request, reply) => {
    const file = bundle();
    if (file && request.params.hash !== file.hash) {
      return sendProblem(request, reply, {
        status: 404,
        code: 'route-not-found',
        title: 'Not found',
        detail: `No bundle with hash ${request.params.hash}; the current one is /embed/v1/peluang.${file.hash}.js.`,
      });
    }
    return send(request, crossOrigin(reply), file, JS, YEAR);
  });

  app.get('/embed/demo', hidden, async (request, reply) => {
    // With `no-referrer` a same-origin POST carries `Origin: null`, and the embed key's origin check would refuse it.
    reply.header('content-security-policy', DEMO_CSP).header('referrer-policy', 'strict-origin-when-cross-origin');
    // Without the bundle the page would show nothing; the operator gets the same 503 instead.
    return send(request, reply, bundle() && demoPage(), 'text/html; charset=utf-8', REVALIDATE);
  });
  app.get('/embed/demo.js', hidden, async (request, reply) => send(request, reply, demoScript(), JS, REVALIDATE));
  app.get('/embed/demo.js.map', hidden, async (request, reply) => send(request, reply, demoScriptMap(), JSON_MAP, REVALIDATE));
  app.get('/embed/demo.css', hidden, async (request, reply) => send(request, reply, demoStyles(), 'text/css; charset=utf-8', REVALIDATE));
};
