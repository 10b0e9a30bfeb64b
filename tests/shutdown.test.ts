import { Agent, request as httpRequest } from 'node:http';
import t from 'tap';
import { buildTestApp } from './helpers/app.ts';

t.test('graceful shutdown under load: ready fails at once, nothing accepted fails, no reset', async (t) => {
  const { app } = await buildTestApp(t);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const get = (path: string) =>
    new Promise<{ status?: number; error?: string; connection?: string }>((resolve) => {
      const req = httpRequest(`${address}${path}`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, connection: String(res.headers.connection) }));
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
      req.end();
    });
  let stop = false;
  const results: { status?: number; error?: string; startedAt: number }[] = [];
  const load = Array.from({ length: 16 }, async () => {
    while (!stop) {
      const startedAt = Date.now();
      const result = await get('/v1/sectors');
      results.push({ ...result, startedAt });
      if (result.error) break;
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const drainMs = 800;
  const closesAt = Date.now() + drainMs;
  const shutdown = app.shutdown({ drainMs, graceMs: 2000 });
  const ready = await get('/ready');
  t.equal(ready.status, 503, '/ready is 503 at once');
  await shutdown;
  stop = true;
  await Promise.all(load);
  agent.destroy();
  const duringDrain = results.filter((r) => r.startedAt < closesAt - 50);
  t.ok(duringDrain.filter((r) => r.startedAt > closesAt - drainMs).length > 0, 'requests were served during the drain');
  t.same(duringDrain.filter((r) => r.status !== 200), [], 'every request sent before the drain ended was answered 200: none failed, no connection reset');
  const refused = await get('/v1/sectors');
  t.equal(refused.error, 'ECONNREFUSED', 'after the drain new connections are refused');
});
