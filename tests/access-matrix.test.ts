import t from 'tap';
import type { InjectOptions } from 'fastify';
import { SYSTEM_ACTOR } from '../src/domain/access.ts';
import { bearer, buildTestApp, createKey } from './helpers/app.ts';
import { investorBody, opportunityBody } from './helpers/fixtures.ts';

/**
 * Every operation × every kind of caller. Expected statuses are in caller order:
 * anonymous, admin, staff, investor (acting for "own"), embed (from an allowed origin).
 * An embed key from a foreign origin gets 403 on every API route and a revoked key 401
 * everywhere, so those two columns are checked for every row without being written out.
 */
type Row = [name: string, request: () => Promise<InjectOptions>, expected: [number, number, number, number, number]];

const ALLOWED_ORIGIN = 'https://www.kotra.example';

t.test('role × operation matrix', async (t) => {
  const { app } = await buildTestApp(t);
  const services = app.services;
  const investor = async (name: string) =>
    (await services.investors.create({ ...investorBody({ companyName: name }), website: null }, SYSTEM_ACTOR)).id;
  const draft = async () => (await services.opportunities.create(opportunityBody(), SYSTEM_ACTOR)).id;
  const submitted = async () => {
    const id = await draft();
    await services.opportunities.transition(id, 'in_review', SYSTEM_ACTOR);
    return id;
  };
  const published = async () => {
    const id = await draft();
    await services.opportunities.transition(id, 'published', SYSTEM_ACTOR);
    return id;
  };

  const own = await investor('Own Co.');
  const other = await investor('Other Co.');
  const publishedId = await published();
  const draftId = await draft();

  const keys = {
    admin: (await createKey(app, { role: 'admin' })).key,
    staff: (await createKey(app, { role: 'staff' })).key,
    investor: (await createKey(app, { role: 'investor', investorId: own })).key,
    embed: (await createKey(app, { role: 'embed', allowedOrigins: [ALLOWED_ORIGIN] })).key,
  };
  const revoked = await createKey(app, { role: 'staff' });
  await services.apiKeys.revoke(revoked.id, SYSTEM_ACTOR);

  const callers: [string, Record<string, string>][] = [
    ['anonymous', {}],
    ['admin', bearer(keys.admin)],
    ['staff', bearer(keys.staff)],
    ['investor', bearer(keys.investor)],
    ['embed', { ...bearer(keys.embed), origin: ALLOWED_ORIGIN }],
  ];
  const embedForeign = { ...bearer(keys.embed), origin: 'https://elsewhere.example' };

  const get = (url: string) => async (): Promise<InjectOptions> => ({ method: 'GET', url });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string | (() => Promise<string>), payload?: object) => async (): Promise<InjectOptions> => ({
    method,
    url: typeof url === 'string' ? url : await url(),
    ...(payload && { payload }),
  });
  const previewBody = { profile: { sectors: ['medical-consumables'] }, limit: 3 };

  const rows: Row[] = [
    ['read reference data', get('/v1/sectors'), [200, 200, 200, 200, 200]],
    ['read the matching model', get('/v1/matching/model'), [200, 200, 200, 200, 200]],
    ['search published opportunities', get('/v1/opportunities'), [200, 200, 200, 200, 200]],
    ['search drafts', get('/v1/opportunities?status=draft'), [403, 200, 200, 403, 403]],
    ['read a published opportunity', get(`/v1/opportunities/${publishedId}`), [200, 200, 200, 200, 200]],
    ['read a draft', get(`/v1/opportunities/${draftId}`), [404, 200, 200, 404, 404]],
    ['create an opportunity', send('POST', '/v1/opportunities', opportunityBody()), [401, 201, 201, 403, 403]],
    ['update an opportunity', send('PATCH', `/v1/opportunities/${draftId}`, { sector: 'vaccines' }), [401, 200, 200, 403, 403]],
    ['submit for review', send('POST', async () => `/v1/opportunities/${await draft()}/submit`), [401, 200, 200, 403, 403]],
    ['publish', send('POST', async () => `/v1/opportunities/${await submitted()}/publish`), [401, 200, 200, 403, 403]],
    ['request changes', send('POST', async () => `/v1/opportunities/${await submitted()}/request-changes`, { comment: 'Add the land status.' }), [401, 200, 200, 403, 403]],
    ['verify', send('POST', async () => `/v1/opportunities/${await published()}/verify`), [401, 200, 200, 403, 403]],
    ['read review steps', get(`/v1/opportunities/${draftId}/reviews`), [401, 200, 200, 403, 403]],
    ['withdraw', send('POST', async () => `/v1/opportunities/${await draft()}/withdraw`), [401, 200, 200, 403, 403]],
    ['close', send('POST', async () => `/v1/opportunities/${await published()}/close`), [401, 200, 200, 403, 403]],
    ['rank investors for an opportunity', get(`/v1/opportunities/${publishedId}/matches`), [401, 200, 200, 403, 403]],
    ['list investors', get('/v1/investors'), [401, 200, 200, 200, 403]],
    ['create an investor', send('POST', '/v1/investors', investorBody()), [401, 201, 201, 403, 403]],
    ['read own profile', get(`/v1/investors/${own}`), [401, 200, 200, 200, 403]],
    ["read another's profile", get(`/v1/investors/${other}`), [401, 200, 200, 404, 403]],
    ['update own profile', send('PATCH', `/v1/investors/${own}`, { country: 'KR' }), [401, 200, 200, 200, 403]],
    ["update another's profile", send('PATCH', `/v1/investors/${other}`, { country: 'JP' }), [401, 200, 200, 404, 403]],
    ["delete another's profile", send('DELETE', async () => `/v1/investors/${await investor('Short-lived Co.')}`), [401, 204, 204, 404, 403]],
    ['own matches', get(`/v1/investors/${own}/matches`), [401, 200, 200, 200, 403]],
    ["another's matches", get(`/v1/investors/${other}/matches`), [401, 200, 200, 404, 403]],
    ['preview matches', send('POST', '/v1/matches/preview', previewBody), [401, 200, 200, 200, 200]],
    ['create an embed key', send('POST', '/v1/api-keys', { role: 'embed', label: 'Site', allowedOrigins: ['https://site.example'] }), [401, 201, 201, 403, 403]],
    ['create an investor key', send('POST', '/v1/api-keys', { role: 'investor', label: 'Co.', investorId: other }), [401, 201, 201, 403, 403]],
    ['create an admin key', send('POST', '/v1/api-keys', { role: 'admin', label: 'Ops' }), [401, 201, 403, 403, 403]],
    ['list keys', get('/v1/api-keys'), [401, 200, 403, 403, 403]],
    ['read a key', get(`/v1/api-keys/${revoked.id}`), [401, 200, 403, 403, 403]],
    ['revoke a key', send('DELETE', async () => `/v1/api-keys/${(await createKey(app, { role: 'staff' })).id}`), [401, 200, 403, 403, 403]],
    ['read the audit log', get('/v1/audit'), [401, 200, 200, 403, 403]],
  ];

  for (const [name, request, expected] of rows) {
    t.test(name, async (t) => {
      for (const [index, [caller, headers]] of callers.entries()) {
        const options = await request();
        const response = await app.inject({ ...options, headers: { ...options.headers, ...headers } });
        t.equal(response.statusCode, expected[index], `${caller}: ${name} → ${expected[index]}`);
        if (response.statusCode >= 400) {
          t.match(response.headers['content-type'], /^application\/problem\+json/, `${caller}: a problem document`);
        }
        if (response.statusCode === 401) t.match(response.headers['www-authenticate'], /^Bearer/, `${caller}: a Bearer challenge`);
      }
      const foreign = await app.inject({ ...(await request()), headers: embedForeign });
      t.equal(foreign.statusCode, 403, `embed key from a foreign origin: ${name} → 403`);
      t.equal(foreign.json().code, 'origin-not-allowed');
      const withRevokedKey = await app.inject({ ...(await request()), headers: bearer(revoked.key) });
      t.equal(withRevokedKey.statusCode, 401, `revoked key: ${name} → 401`);
      t.equal(withRevokedKey.json().code, 'invalid-api-key');
    });
  }

  t.test('operations outside the API: anyone, but a bad key is still refused', async (t) => {
    for (const url of ['/health', '/ready', '/openapi.json']) {
      for (const [caller, headers] of [...callers, ['embed from a foreign origin', embedForeign] as const]) {
        t.equal((await app.inject({ method: 'GET', url, headers })).statusCode, 200, `${caller}: ${url}`);
      }
      t.equal((await app.inject({ method: 'GET', url, headers: bearer(revoked.key) })).statusCode, 401, `revoked key: ${url}`);
    }
  });
});
