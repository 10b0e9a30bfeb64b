import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../src/app.ts';
import { bearer, clientFor, createKey } from './helpers/app.ts';
import { opportunityBody } from './helpers/fixtures.ts';

const config = { BODY_LIMIT_BYTES: 1024 * 1024, TRUST_PROXY: false };

t.test('the embedded database keeps data across restarts', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'peluang-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));

  const first = await buildApp({ config: { ...config, DATA_DIR: dataDir } });
  const { key } = await createKey(first, { role: 'staff' });
  const { data } = await clientFor(first, bearer(key)).POST('/v1/opportunities', { body: opportunityBody() });
  await first.close();

  const second = await buildApp({ config: { ...config, DATA_DIR: dataDir } });
  t.teardown(() => second.close());
  const again = await clientFor(second, bearer(key)).GET('/v1/opportunities/{id}', { params: { path: { id: data!.id } } });
  t.same(again.data, data, 'the opportunity is still there, unchanged, and so is the key');
});
