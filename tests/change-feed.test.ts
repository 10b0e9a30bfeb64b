import t from 'tap';
import type { DatabaseHandle } from '../src/db/database.ts';
import { ChangeFeed, type ChangeSubscriber } from '../src/services/change-feed.ts';
import { notificationOf, type Change } from '../src/services/changes.ts';

/** A feed over a stand-in database whose notifications the test delivers by hand. */
async function feedWith(...subscribers: ChangeSubscriber[]) {
  let deliver: (payload: string) => void = () => {};
  let reconnect: () => void = () => {};
  const database = {
    listen: async (onMessage: (payload: string) => void, onReconnect: () => void) => {
      deliver = onMessage;
      reconnect = onReconnect;
      return async () => {};
    },
  } as unknown as DatabaseHandle;
  const errors: object[] = [];
  const feed = new ChangeFeed(database, { error: (details) => errors.push(details) });
  for (const subscriber of subscribers) feed.subscribe(subscriber);
  await feed.start();
  return { feed, errors, deliver: (payload: string) => deliver(payload), reconnect: () => reconnect() };
}

function recorder(fail = false) {
  const seen = { changes: [] as Change[], resyncs: 0 };
  const subscriber: ChangeSubscriber = {
    async applyChange(change) {
      seen.changes.push(change);
      if (fail) throw new Error('cannot apply');
    },
    resync: () => void (seen.resyncs += 1),
  };
  return { subscriber, seen };
}

t.test('notifications reach every subscriber, except those this instance made itself', async (t) => {
  const a = recorder();
  const b = recorder();
  const { feed, deliver } = await feedWith(a.subscriber, b.subscriber);
  deliver(notificationOf({ entity: 'investor', id: '1' }, 'another-instance'));
  deliver(notificationOf({ entity: 'investor', id: '2' }, feed.source));
  deliver('reload');
  await new Promise((resolve) => setImmediate(resolve));
  t.same(a.seen.changes, [{ entity: 'investor', id: '1' }, { entity: 'reload', id: undefined }], 'its own change was applied when it was made');
  t.same(b.seen.changes, a.seen.changes);
});

t.test('a change a subscriber cannot apply makes it start over, and never fails the write', async (t) => {
  const broken = recorder(true);
  const fine = recorder();
  const { feed, errors } = await feedWith(broken.subscriber, fine.subscriber);
  await t.resolves(feed.publish({ entity: 'opportunity', id: '9' }));
  t.equal(broken.seen.resyncs, 1, 'the failing subscriber reloads');
  t.equal(fine.seen.resyncs, 0);
  t.same(fine.seen.changes, [{ entity: 'opportunity', id: '9' }], 'the others still get the change');
  t.equal(errors.length, 1, 'and the failure is logged');
});

t.test('a lost listener connection resyncs every subscriber', async (t) => {
  const a = recorder();
  const b = recorder();
  const { reconnect } = await feedWith(a.subscriber, b.subscriber);
  reconnect();
  t.same([a.seen.resyncs, b.seen.resyncs], [1, 1]);
});
