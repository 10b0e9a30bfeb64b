import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { DELIVERY_TIMEOUT_MS, addressRefusal, checkTargetUrl, type TargetRefusal } from '../domain/webhooks.ts';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses; injectable so tests can play DNS. */
export type HostResolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

export type TargetCheck = { ok: true; address: ResolvedAddress } | { ok: false; reason: TargetRefusal['reason'] | 'unresolvable'; message: string };

/**
 * Where a webhook may be sent: the URL's own rules, then every address its host resolves to.
 * The address returned is the one to connect to, so a second lookup (DNS rebinding) never
 * decides where the request goes.
 */
export async function checkTarget(url: string, allowPrivate: boolean, resolve: HostResolver): Promise<TargetCheck> {
  const { host, refusal } = checkTargetUrl(url, allowPrivate);
  if (refusal) return { ok: false, ...refusal };
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) return { ok: false, reason: 'unresolvable', message: `the host ${host} does not resolve` };
  }
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const refused = addressRefusal(address);
      if (refused) return { ok: false, ...refused, message: `the host ${host} resolves to ${refused.message}` };
    }
  }
  return { ok: true, address: addresses[0]! };
}

export interface SendResult {
  status?: number;
  retryAfter?: string;
  error?: string;
}

/** One POST to the checked address, never following redirects, within the delivery timeout. */
export function send(url: string, address: ResolvedAddress, headers: Record<string, string>, body: string): Promise<SendResult> {
  const target = new URL(url);
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        lookup,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Peluang-Webhooks/1' },
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      },
      (response) => {
        response.resume();
        const retryAfter = response.headers['retry-after'];
        resolve({ status: response.statusCode ?? 0, ...(retryAfter && { retryAfter }) });
      },
    );
    request.on('error', (error) => resolve({ error: error.name === 'AbortError' ? 'timed out' : error.message }));
    request.end(body);
  });
}
