import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { buildTestApp } from './helpers/app.ts';

/** Blocks the event loop, as a runaway computation would. */
function stall(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

/** Whether a request succeeds within `ms`: on a busy machine the idle loop may lag past the test's low limit for a moment. */
async function answersWithin(app: FastifyInstance, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(250)) {
    if ((await app.inject({ url: '/v1/sectors' })).statusCode === 200) return true;
  }
  return false;
}

t.test('a stalled event loop sheds requests with 503 and Retry-After, then recovers', async (t) => {
  const { app } = await buildTestApp(t, undefined, { LOAD_SHED_EVENT_LOOP_DELAY_MS: 30 });
  t.ok(await answersWithin(app, 5000), 'answers while the loop is idle');

  stall(1500);
  // Let the sampler, overdue after the stall, measure it.
  await sleep(20);
  const shed = await app.inject({ url: '/v1/sectors' });
  t.equal(shed.statusCode, 503, 'shed under pressure');
  t.equal(shed.headers['retry-after'], '5', 'with Retry-After');
  t.match(shed.headers['content-type'], /^application\/problem\+json/);
  t.match(shed.json(), { status: 503, code: 'overloaded', detail: /event-loop delay/ }, 'as a problem document');
  t.equal((await app.inject({ url: '/health' })).statusCode, 200, 'the process still reports itself alive');
  const ready = await app.inject({ url: '/ready' });
  t.equal(ready.statusCode, 503, 'but not ready, so a balancer sends traffic elsewhere');
  t.equal(ready.headers['retry-after'], '5');

  t.ok(await answersWithin(app, 5000), 'answers again once the loop has caught up');
});

t.test('without a configured limit nothing is shed', async (t) => {
  const { app } = await buildTestApp(t);
  stall(500);
  await sleep(20);
  t.equal((await app.inject({ url: '/v1/sectors' })).statusCode, 200);
});
