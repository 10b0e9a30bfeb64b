import t from 'tap';
import { bearer, buildTestApp, createKey } from './helpers/app.ts';

const KOTRA = 'https://www.kotra.example';

t.test('CORS follows the caller', async (t) => {
  const { app, adminKey } = await buildTestApp(t);
  const embed = await createKey(app, { role: 'embed', allowedOrigins: [KOTRA, 'http://localhost:8080'] });
  const preview = { method: 'POST' as const, url: '/v1/matches/preview', payload: { profile: { sectors: ['vaccines'] } } };

  t.test('an embed key from an allowed origin gets that origin back', async (t) => {
    const response = await app.inject({ ...preview, headers: { ...bearer(embed.key), origin: KOTRA } });
    t.equal(response.statusCode, 200);
    t.equal(response.headers['access-control-allow-origin'], KOTRA);
    t.match(response.headers.vary, /Origin/);
    t.notOk(response.headers['access-control-allow-credentials'], 'no credentials: keys travel in a header, not cookies');
    const exposed = String(response.headers['access-control-expose-headers']);
    for (const header of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after', 'x-request-id', 'etag']) {
      t.match(exposed, header, `exposes ${header}`);
    }
    const other = await app.inject({ method: 'GET', url: '/v1/opportunities', headers: { ...bearer(embed.key), origin: 'http://localhost:8080' } });
    t.equal(other.headers['access-control-allow-origin'], 'http://localhost:8080', 'each listed origin');
  });

  t.test('from any other origin, or none, it is refused', async (t) => {
    for (const origin of ['https://evil.example', 'https://www.kotra.example.evil.example', 'http://www.kotra.example', 'null', undefined]) {
      const response = await app.inject({ ...preview, headers: { ...bearer(embed.key), ...(origin && { origin }) } });
      t.equal(response.statusCode, 403, `origin ${origin} → 403`);
      t.equal(response.json().code, 'origin-not-allowed');
      t.not(response.headers['access-control-allow-origin'], origin ?? 'x', 'the foreign origin is never granted');
    }
  });

  t.test('anonymous public reads: any origin, no credentials', async (t) => {
    const response = await app.inject({ method: 'GET', url: '/v1/opportunities', headers: { origin: 'https://news.example' } });
    t.equal(response.statusCode, 200);
    t.equal(response.headers['access-control-allow-origin'], '*');
    t.notOk(response.headers['access-control-allow-credentials']);
  });

  t.test('secret keys get no CORS grant: they belong on servers', async (t) => {
    const response = await app.inject({ method: 'GET', url: '/v1/api-keys', headers: { ...bearer(adminKey), origin: 'https://admin.example' } });
    t.equal(response.statusCode, 200);
    t.notOk(response.headers['access-control-allow-origin']);
  });

  t.test('preflights are answered for any origin, before any key is checked', async (t) => {
    for (const origin of [KOTRA, 'https://anyone.example']) {
      const response = await app.inject({
        method: 'OPTIONS',
        url: '/v1/matches/preview',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      t.equal(response.statusCode, 204, `preflight from ${origin}`);
      t.equal(response.headers['access-control-allow-origin'], '*');
      t.match(String(response.headers['access-control-allow-methods']), /PATCH/);
      const allowed = String(response.headers['access-control-allow-headers']).toLowerCase();
      for (const header of ['authorization', 'content-type', 'idempotency-key', 'if-match', 'accept-language']) t.match(allowed, header, `allows ${header}`);
      t.equal(response.headers['access-control-max-age'], '600');
    }
  });
});

t.test('security headers', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await app.inject({ method: 'GET', url: '/v1/opportunities' });
  t.equal(response.headers['x-content-type-options'], 'nosniff');
  t.match(response.headers['strict-transport-security'], /max-age=\d+/);
  t.equal(response.headers['x-frame-options'], 'SAMEORIGIN');
  t.equal(response.headers['cross-origin-resource-policy'], 'cross-origin', 'public data may be loaded by other sites');
  t.notOk(response.headers['x-powered-by']);

  const docs = await app.inject({ method: 'GET', url: '/docs' });
  t.equal(docs.statusCode, 200, 'the docs page still loads');
  t.match(docs.headers['content-security-policy'], /script-src 'self'/, 'with its own content security policy');
  const initializer = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
  t.equal(initializer.statusCode, 200);
});
