import t from 'tap';
import type { ResolvedAddress } from '../src/services/webhook-delivery.ts';
import { buildTestApp } from './helpers/app.ts';
import { opportunityBody } from './helpers/fixtures.ts';
import { startReceiver } from './helpers/receiver.ts';

const PUBLIC: ResolvedAddress = { address: '93.184.216.34', family: 4 };

/** A stand-in DNS; `rebind.test` answers a public address once, then loopback. */
function fakeDns() {
  let rebindCalls = 0;
  const names: Record<string, ResolvedAddress[]> = {
    'public.test': [PUBLIC],
    'localhost': [{ address: '127.0.0.1', family: 4 }],
    'private.test': [{ address: '10.1.2.3', family: 4 }],
    'mixed.test': [PUBLIC, { address: '192.168.1.10', family: 4 }],
    'v6-private.test': [{ address: 'fd00::1', family: 6 }],
    'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  };
  return async (host: string) => {
    if (host === 'rebind.test') return (rebindCalls += 1) === 1 ? [PUBLIC] : [{ address: '127.0.0.1', family: 4 as const }];
    return names[host] ?? [];
  };
}

t.test('webhook targets on internal addresses are refused, at creation and at delivery', async (t) => {
  const { inject, api, app } = await buildTestApp(t, undefined, { WEBHOOK_ALLOW_PRIVATE_TARGETS: false, WEBHOOK_RETRY_SCHEDULE: [60_000] }, { resolveHost: fakeDns() });
  const refused: [string, string][] = [
    ['loopback', 'https://127.0.0.1/hook'],
    ['loopback IPv6', 'https://[::1]/hook'],
    ['private 10/8', 'https://10.0.0.1/hook'],
    ['private 172.16/12', 'https://172.16.5.4/hook'],
    ['private 192.168/16', 'https://192.168.0.1/hook'],
    ['unique local IPv6', 'https://[fd12:3456::1]/hook'],
    ['link-local', 'https://169.254.169.254/latest/meta-data'],
    ['link-local IPv6', 'https://[fe80::1]/hook'],
    ['CGNAT 100.64/10', 'https://100.64.0.1/hook'],
    ['multicast', 'https://224.0.0.1/hook'],
    ['multicast IPv6', 'https://[ff02::1]/hook'],
    ['unspecified', 'https://0.0.0.0/hook'],
    ['unspecified IPv6', 'https://[::]/hook'],
    ['IPv4-mapped', 'https://[::ffff:127.0.0.1]/hook'],
    ['NAT64', 'https://[64:ff9b::7f00:1]/hook'],
    ['decimal', 'https://2130706433/hook'],
    ['octal', 'https://0177.0.0.1/hook'],
    ['hex', 'https://0x7f000001/hook'],
    ['mixed hex', 'https://0x7f.1/hook'],
    ['plain http', 'http://public.test/hook'],
    ['a name for loopback', 'https://localhost/hook'],
    ['a name for a private address', 'https://private.test/hook'],
    ['a name with one private address among public ones', 'https://mixed.test/hook'],
    ['a name for a private IPv6 address', 'https://v6-private.test/hook'],
    ['a name for the metadata service', 'https://metadata.test/hook'],
  ];
  for (const [kind, url] of refused) {
    const response = await inject({ method: 'POST', url: '/v1/webhooks', payload: { url, events: ['opportunity.*'] } });
    t.equal(response.statusCode, 400, `${kind}: 400`);
    t.equal(response.json().code, 'disallowed-target', kind);
    t.equal(response.json().errors?.[0]?.field, 'url', `${kind}: names url`);
  }
  const unresolvable = await inject({ method: 'POST', url: '/v1/webhooks', payload: { url: 'https://nowhere.test/hook', events: ['opportunity.*'] } });
  t.equal(unresolvable.json().code, 'unresolvable-target');
  t.equal(unresolvable.json().errors?.[0]?.field, 'url');

  const { data: publicHook, response } = await api.POST('/v1/webhooks', { body: { url: 'https://public.test/hook', events: ['opportunity.*'] } });
  t.equal(response.status, 201, 'a public https target is accepted');
  const privatePatch = await api.PATCH('/v1/webhooks/{id}', { params: { path: { id: publicHook!.id } }, body: { url: 'https://10.0.0.1/hook' } });
  t.equal(privatePatch.response.status, 400, 'and checked again when changed');
  await api.DELETE('/v1/webhooks/{id}', { params: { path: { id: publicHook!.id } } });

  // DNS rebinding: public when checked at creation, loopback at delivery. The delivery checks
  // again and connects only to the address it checked, so the local receiver hears nothing.
  const receiver = await startReceiver(t);
  const { data: rebinding } = await api.POST('/v1/webhooks', { body: { url: `https://rebind.test:${receiver.port}/hook`, events: ['opportunity.*'] } });
  t.ok(rebinding, 'accepted while the name resolves to a public address');
  const { data: opportunity } = await api.POST('/v1/opportunities', { body: opportunityBody() });
  await api.POST('/v1/opportunities/{id}/publish', { params: { path: { id: opportunity!.id } } });
  await app.services.background.drain();
  const { data: deliveries } = await api.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: rebinding!.id } } });
  t.match(deliveries!.data[0], { state: 'pending', attempts: 1, lastStatus: null, lastError: /^target refused: the host rebind.test resolves to 127.0.0.1 is a loopback address/ });
  t.equal(receiver.received.length, 0, 'no connection was made');
});
