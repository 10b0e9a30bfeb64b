import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app.ts';
import { SYSTEM_ACTOR, type Actor } from '../../src/domain/access.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { insertOpportunity } from '../../src/db/repositories/opportunities.ts';
import { createRandom, syntheticOpportunity } from '../../src/services/synthetic-data.ts';

const CREATES = Number(process.env.BENCH_OUTBOX_CREATES ?? 300);
const DELIVERIES = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 300);
const SUBSCRIBED_INVESTORS = 100;

/**
 * Deal flow, on the database the benchmark filled (10k investors):
 *  1. the outbox's cost: creating an opportunity through the one write path (typed event,
 *     notification) against the bare insert, as a ratio;
 *  2. webhook delivery throughput to a local receiver;
 *  3. publish to the last `match.new` received, scoring one opportunity against every investor.
 */
export async function benchmarkDealFlow(database: DatabaseHandle, report: string[]): Promise<void> {
  const received: number[] = [];
  const receiver = createServer((request, response) => {
    request.resume().on('end', () => {
      received.push(performance.now());
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const app = await buildApp({
    config: { BODY_LIMIT_BYTES: 1024 * 1024, TRUST_PROXY: false, WEBHOOK_ALLOW_PRIVATE_TARGETS: true },
    database,
  });
  await app.ready();
  const { opportunities, webhooks, background, matching } = app.services;
  // Background work runs only when drained here, so each measurement covers exactly its own work.
  await background.stop();
  const { record: staffKey } = await app.services.apiKeys.create({ role: 'staff', label: 'benchmark' }, SYSTEM_ACTOR);
  const staff: Actor = { keyId: staffKey.id, role: 'staff', investorId: null, requestId: null };
  // Publication as in production: one staff key submits, another publishes (four eyes).
  const { record: reviewerKey } = await app.services.apiKeys.create({ role: 'staff', label: 'benchmark reviewer' }, SYSTEM_ACTOR);
  const reviewer: Actor = { ...staff, keyId: reviewerKey.id };
  const submitted = async (input: ReturnType<typeof syntheticOpportunity>) => {
    const draft = await opportunities.create(input, staff);
    return opportunities.transition(draft.id, 'in_review', staff);
  };
  const random = createRandom(11);
  try {
    console.log(`\nDeal flow: ${CREATES} creates with and without the outbox, ${DELIVERIES} webhook deliveries, match alerts at 10k investors…`);
    // Alternate the two so drift on a shared machine falls on both alike.
    const bare: number[] = [];
    const withOutbox: number[] = [];
    for (let i = 0; i < CREATES; i += 1) {
      const input = syntheticOpportunity(random, 1_000_000 + i);
      let started = performance.now();
      await database.db.transaction().execute((trx) => insertOpportunity(trx, input));
      bare.push(performance.now() - started);
      started = performance.now();
      await opportunities.create(input, staff);
      withOutbox.push(performance.now() - started);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    report.push(
      `Outbox: create an opportunity ${mean(withOutbox).toFixed(2)} ms with its typed event and notification vs ${mean(bare).toFixed(2)} ms bare insert ` +
        `(${(mean(withOutbox) / mean(bare)).toFixed(2)}×, mean of ${CREATES})`,
    );
    await background.drain();

    await webhooks.create({ url, events: ['opportunity.published'] }, staff);
    const drafts = [];
    for (let i = 0; i < DELIVERIES; i += 1) drafts.push(await submitted(syntheticOpportunity(random, 2_000_000 + i)));
    for (const draft of drafts) await opportunities.transition(draft.id, 'published', reviewer);
    received.length = 0;
    let started = performance.now();
    await background.drain();
    const seconds = (performance.now() - started) / 1000;
    report.push(`Webhooks: ${received.length} deliveries to a local receiver in ${seconds.toFixed(2)} s (${(received.length / seconds).toFixed(0)}/s, outbox fan-out included)`);

    const investors = await database.db.selectFrom('investors').select('id').limit(SUBSCRIBED_INVESTORS).execute();
    for (const investor of investors) {
      const actor: Actor = { keyId: null, role: 'investor', investorId: investor.id, requestId: null };
      await webhooks.create({ url, events: ['match.new'], minScore: 0 }, actor);
    }
    await matching.ready();
    const draft = await submitted(syntheticOpportunity(random, 3_000_000));
    received.length = 0;
    started = performance.now();
    await opportunities.transition(draft.id, 'published', reviewer);
    const published = performance.now();
    await background.drain();
    const investorCount = matching.size.investors;
    report.push(
      `Match alerts: publish answered in ${(published - started).toFixed(1)} ms; scored against ${investorCount} investors from the outbox, ` +
        `${received.length} match.new received ${((received.at(-1) ?? published) - started).toFixed(0)} ms after the publish began`,
    );
  } finally {
    await app.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
}
