import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import t from 'tap';
import { problemsPlugin } from '../src/http/plugins/problems.ts';
import { embedRoutes } from '../src/http/routes/embed.ts';
import { buildTestApp } from './helpers/app.ts';

const built = readFileSync(new URL('../embed/dist/peluang.js', import.meta.url));

t.test('the bundle and the demo page, as the service serves them', async (t) => {
  const { app } = await buildTestApp(t);

  t.test('the bundle: cached for a year under its versioned path, revalidated by ETag, loadable from any site', async (t) => {
    const response = await app.inject({ url: '/embed/v1/peluang.js', headers: { origin: 'https://chamber.example.org' } });
    t.equal(response.statusCode, 200);
    t.match(response.headers['content-type'], /^text\/javascript/);
    t.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    t.equal(response.headers['access-control-allow-origin'], '*');
    t.equal(response.headers['cross-origin-resource-policy'], 'cross-origin');
    t.same(response.rawPayload, built, 'the built file');
    t.match(response.body, /peluang-opportunities/);
    t.match(response.body, /peluang-match-finder/);
    t.match(response.body, /\/\/# sourceMappingURL=peluang\.js\.map\s*$/);

    const etag = response.headers.etag as string;
    t.match(etag, /^W\/"[0-9a-f]+-[0-9a-f]+"$/, 'weak, from size and modification time');
    const again = await app.inject({ url: '/embed/v1/peluang.js', headers: { 'if-none-match': etag } });
    t.equal(again.statusCode, 304);
    t.equal(again.body, '');
    const head = await app.inject({ method: 'HEAD', url: '/embed/v1/peluang.js' });
    t.equal(head.statusCode, 200);

    const map = await app.inject({ url: '/embed/v1/peluang.js.map' });
    t.equal(map.statusCode, 200);
    const sourceMap = JSON.parse(map.body) as { sources: string[]; sourcesContent: string[] };
    t.ok(sourceMap.sources.some((source) => source.endsWith('src/opportunities.ts')), 'a source map back to the sources');
    t.equal(sourceMap.sourcesContent.length, sourceMap.sources.length, 'with the sources in it');
  });

  t.test('the same bundle under its content hash; another hash is not found', async (t) => {
    const latest = await app.inject({ url: '/embed/v1/peluang.abc123def456.js' });
    t.equal(latest.statusCode, 404);
    t.equal(latest.json().code, 'route-not-found');
    const current = /\/embed\/v1\/peluang\.([0-9a-f]{12})\.js/.exec(latest.json().detail)?.[1];
    t.ok(current, 'the answer names the current one');
    const hashed = await app.inject({ url: `/embed/v1/peluang.${current}.js` });
    t.equal(hashed.statusCode, 200);
    t.same(hashed.rawPayload, built);
    t.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  t.test('the demo page: both elements, one script tag, a strict content security policy', async (t) => {
    const response = await app.inject({ url: '/embed/demo' });
    t.equal(response.statusCode, 200);
    t.match(response.headers['content-type'], /^text\/html/);
    t.equal(response.headers['cache-control'], 'no-cache');
    t.match(response.headers['content-security-policy'], /script-src 'self'/);
    t.notMatch(response.headers['content-security-policy'], /unsafe-inline/, 'the components need no inline script or style');
    t.match(response.body, /<script src="\/embed\/v1\/peluang\.js" defer><\/script>/);
    t.match(response.body, /<peluang-opportunities /);
    t.match(response.body, /<peluang-match-finder /);
    for (const url of ['/embed/demo.js', '/embed/demo.css']) t.equal((await app.inject({ url })).statusCode, 200, url);
  });

  t.test('none of it is in the API document', async (t) => {
    const document = (await app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    t.same(Object.keys(document.paths).filter((path) => path.startsWith('/embed')), []);
  });
});

t.test('a service whose components were never built says how to build them, and keeps running', async (t) => {
  const app = Fastify();
  await app.register(problemsPlugin);
  await app.register(embedRoutes, { dir: mkdtempSync(join(tmpdir(), 'peluang-embed-')) });
  t.teardown(() => app.close());
  for (const url of ['/embed/v1/peluang.js', '/embed/demo']) {
    const response = await app.inject({ url });
    t.equal(response.statusCode, 503, url);
    t.match(response.headers['content-type'], /^application\/problem\+json/);
    t.equal(response.json().code, 'embed-not-built');
    t.match(response.json().detail, /npm run build:embed/);
  }
});
