import t from 'tap';
import { buildApp } from '../src/app.ts';
import { seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { openTestDatabase } from './helpers/app.ts';
import { runScript } from './helpers/processes.ts';

t.test('the investor script lists the demo investor’s matches through the client package', async (t) => {
  const database = await openTestDatabase(t);
  await seedDemoDataIfEmpty(database);
  const app = await buildApp({ config: { BODY_LIMIT_BYTES: 1024 * 1024, TRUST_PROXY: false }, database });
  t.teardown(() => app.close());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  const result = await runScript('examples/investor-matches.ts', [], { PELUANG_URL: base, PELUANG_LANG: 'en' });
  t.equal(result.code, 0, result.stderr);
  t.match(result.stdout, /^Saebom Blood Systems Co\., Ltd\. \(South Korea\)/, 'its own profile');
  const scores = [...result.stdout.matchAll(/^\s*(\d+) {2}\S.* — ID-\w+, USD /gm)].map((m) => Number(m[1]));
  t.ok(scores.length >= 1 && scores.length <= 5, `up to five matches (${scores.length})`);
  t.same(
    scores,
    [...scores].sort((a, b) => b - a),
    'best first',
  );
});
