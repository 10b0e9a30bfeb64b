/**
 * `npm run soak`: mixed reads, searches, matches and writes for SOAK_SECONDS (default 60) on a
 * loopback port, 8 connections, against the embedded database with demo data; heap and RSS
 * sampled every 5 s; reports p50/p99 latency, status counts and errors (any 5xx or failed request).
 */
import { Agent, request as httpRequest } from 'node:http';
import { buildApp } from '../src/app.ts';
import { SYSTEM_ACTOR } from '../src/domain/access.ts';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { createRandom } from '../src/services/synthetic-data.ts';

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const database = await openDatabase({ kind: 'embedded', dataDir: null });
await migrateToLatest(database.db);
await seedDemoDataIfEmpty(database);
const app = await buildApp({ config: { BODY_LIMIT_BYTES: 65536, TRUST_PROXY: false, RATE_LIMIT_ANONYMOUS_PER_MINUTE: 0, RATE_LIMIT_KEY_PER_MINUTE: 0 }, database });
const base = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
const { key } = await app.services.apiKeys.create({ role: 'admin', label: 'soak' }, SYSTEM_ACTOR);
const investors = (await app.inject({ method: 'GET', url: '/v1/investors?limit=1', headers: { authorization: `Bearer ${key}` } })).json<{ data: { id: string }[] }>();
const investor = investors.data[0]?.id as string;
const random = createRandom(5);
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const body = (n: number) => ({
  title: { id: `Peluang uji ${n}`, en: `Soak opportunity ${n}` },
  summary: { id: 'Ringkasan uji beban.', en: 'A soak test summary.' },
  sector: 'medical-consumables', technologies: ['blood-bag-manufacturing'], requiredTransferDepth: 'full-transfer', modalities: ['joint-venture'],
  location: { province: 'ID-JI', regency: 'Kabupaten Sidoarjo' }, investmentUsd: { min: 10_000_000, max: 30_000_000 },
  sponsor: { name: 'Soak Sponsor', kind: 'association' }, contact: { name: 'Uji Beban', email: 'soak@example.id' },
});
const mix = (n: number): { method: string; path: string; body?: object } => {
  const roll = random.next();
  if (roll < 0.3) return { method: 'GET', path: `/v1/opportunities?limit=${1 + Math.floor(random.next() * 50)}` };
  if (roll < 0.5) return { method: 'GET', path: `/v1/opportunities?q=${encodeURIComponent(random.pick(['kantong darah', 'vaccine', 'plasma', 'alat kesehatan']))}` };
  if (roll < 0.7) return { method: 'POST', path: '/v1/matches/preview', body: { profile: { sectors: ['medical-consumables'] }, limit: 1 + Math.floor(random.next() * 100) } };
  if (roll < 0.8) return { method: 'GET', path: '/v1/sectors' };
  if (roll < 0.9 && investor) return { method: 'GET', path: `/v1/investors/${investor}/matches?minScore=${Math.floor(random.next() * 50)}` };
  return { method: 'POST', path: '/v1/opportunities', body: body(n) };
};

const latencies: number[] = [];
const statuses: Record<string, number> = {};
let errors = 0;
const send = (n: number) =>
  new Promise<void>((resolve) => {
    const planned = mix(n);
    const started = performance.now();
    const payload = planned.body && JSON.stringify(planned.body);
    const req = httpRequest(
      { host: base.hostname, port: base.port, method: planned.method, path: planned.path, agent, headers: { authorization: `Bearer ${key}`, ...(payload && { 'content-type': 'application/json' }) } },
      (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          statuses[res.statusCode!] = (statuses[res.statusCode!] ?? 0) + 1;
          if (res.statusCode! >= 500) errors += 1;
          resolve();
        });
      },
    );
    req.on('error', () => ((errors += 1), resolve()));
    req.end(payload);
  });

const samples: { s: number; heapMb: number; rssMb: number }[] = [];
const started = Date.now();
const sample = () => {
  const memory = process.memoryUsage();
  samples.push({ s: Math.round((Date.now() - started) / 1000), heapMb: Math.round(memory.heapUsed / 1e6), rssMb: Math.round(memory.rss / 1e6) });
};
sample();
const sampler = setInterval(sample, 5000);
let n = 0;
await Promise.all(Array.from({ length: 8 }, async () => {
  while (Date.now() - started < seconds * 1000) await send((n += 1));
}));
clearInterval(sampler);
sample();
agent.destroy();
await app.close();
await database.close();
latencies.sort((a, b) => a - b);
const percentile = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]! * 10) / 10;
console.log(samples.map((s) => `t=${s.s}s heap=${s.heapMb} MB rss=${s.rssMb} MB`).join('\n'));
console.log(`requests ${latencies.length} (${Math.round(latencies.length / seconds)}/s), p50 ${percentile(0.5)} ms, p99 ${percentile(0.99)} ms, statuses ${JSON.stringify(statuses)}, errors ${errors}`);
process.exit(errors ? 1 : 0);
