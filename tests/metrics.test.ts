import { randomUUID } from 'node:crypto';
import t from 'tap';
import { bearer, buildTestApp, createKey } from './helpers/app.ts';

/** The value of one sample line, e.g. `name{label="x"}`; 0 when absent. */
function sample(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && labels.split(',').every((label) => l.includes(label)));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

t.test('/metrics on the API port: admin keys only, route-labelled histograms and the service’s own', async (t) => {
  const { app, inject } = await buildTestApp(t, undefined, { RATE_LIMIT_ANONYMOUS_PER_MINUTE: 2 });
  const { key: staff } = await createKey(app, { role: 'staff' });

  t.equal((await app.inject({ url: '/metrics' })).statusCode, 401, 'no key: 401');
  t.equal((await app.inject({ url: '/metrics', headers: bearer(staff) })).statusCode, 403, 'a staff key: 403');

  const before = (await inject({ url: '/metrics' })).body;
  const missing = randomUUID();
  t.equal((await inject({ url: `/v1/opportunities/${missing}` })).statusCode, 404);
  const preview = { profile: { country: 'KR', sectors: ['vaccines'] }, limit: 3 };
  t.equal((await inject({ method: 'POST', url: '/v1/matches/preview', payload: preview })).statusCode, 200);
  t.equal(
    (await inject({ method: 'POST', url: '/v1/matches/preview', payload: preview })).statusCode,
    200,
    'the same page again, from the cache',
  );
  for (let i = 0; i < 3; i++) await app.inject({ url: '/v1/sectors' });

  const response = await inject({ url: '/metrics' });
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /^text\/plain; version=0\.0\.4/);
  const text = response.body;
  t.ok(
    sample(text, 'http_request_duration_seconds_count', 'route="/v1/opportunities/:id",status_code="404"') >= 1,
    'requests counted by route template',
  );
  t.notMatch(text, missing, 'never by the raw URL');
  t.notMatch(text, /pk_admin_/, 'nor by key');
  t.match(text, /^process_cpu_user_seconds_total /m, 'Node.js process metrics');
  t.equal(
    sample(text, 'peluang_match_duration_seconds_count', 'direction="preview"') -
      sample(before, 'peluang_match_duration_seconds_count', 'direction="preview"'),
    1,
    'one ranking timed',
  );
  t.ok(sample(text, 'peluang_match_candidates_count', 'direction="preview"') >= 1, 'with its candidates');
  t.ok(
    sample(text, 'peluang_match_page_cache_requests_total', 'result="hit"') -
      sample(before, 'peluang_match_page_cache_requests_total', 'result="hit"') >=
      1,
    'the second page came from the cache',
  );
  t.ok(
    sample(text, 'peluang_rate_limited_requests_total', 'role="anonymous"') -
      sample(before, 'peluang_rate_limited_requests_total', 'role="anonymous"') >=
      1,
    'rate-limited requests by role',
  );
});

t.test('METRICS_PORT serves /metrics on its own listener, and not on the API port', async (t) => {
  const { app, inject } = await buildTestApp(t, undefined, { METRICS_PORT: 0, HOST: '127.0.0.1' });
  t.equal((await inject({ url: '/metrics' })).statusCode, 404, 'not on the API port');
  const address = app.metricsAddress!;
  t.equal(address.address, '127.0.0.1', 'bound to HOST');
  await app.inject({ url: '/v1/sectors' });
  const response = await fetch(`http://127.0.0.1:${address.port}/metrics`);
  t.equal(response.status, 200, 'open on its own port');
  t.match(await response.text(), /http_request_duration_seconds_bucket\{[^}]*route="\/v1\/sectors"/);
  t.equal((await fetch(`http://127.0.0.1:${address.port}/`)).status, 404, 'nothing else there');
});
