import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { runScript, startService } from './helpers/processes.ts';

// The lock guards the embedded database's directory; with TEST_DATABASE_URL there is none to guard.
const embedded = !process.env.TEST_DATABASE_URL;

t.test('one process owns an embedded data directory', { skip: !embedded && 'about the embedded database only' }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'peluang-lock-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir };

  const first = await startService(t, env);
  t.match(first.output(), /documentation http:\/\/127\.0\.0\.1:\d+\/docs/, 'the banner says where the documentation is');
  t.match(first.output(), /embed demo http:\/\/127\.0\.0\.1:\d+\/embed\/demo/, 'and the embed demo');
  t.match(first.output(), /demo keys.*pk_admin_demo/, 'and that the demo keys work, with where to find them');

  const keys = await runScript('src/cli/keys.ts', ['list'], env);
  t.equal(keys.code, 1, 'the keys command refuses the held directory');
  t.match(keys.stderr, `in use by another Peluang process (pid ${first.child.pid}, serving ${first.base})`, 'naming the owner');
  t.match(keys.stderr, `curl -s ${first.base}/v1/api-keys -H "Authorization: Bearer $ADMIN_KEY"`, 'and the API call that does it instead');

  for (const script of ['src/cli/migrate.ts', 'src/cli/seed.ts', 'src/cli/match-all.ts']) {
    const other = await runScript(script, [], env);
    t.equal(other.code, 1, `${script} refuses too`);
    t.match(other.stderr, /Stop that process first, or do this through its API with an admin key/, `${script} says what to do`);
  }

  first.child.kill('SIGKILL');
  await first.exited;
  t.ok(existsSync(join(dataDir, 'peluang.lock')), 'a killed process leaves its lock behind');

  const second = await startService(t, env);
  t.not(second.base, undefined, 'a restart takes over the dead process’s lock');
  const health = await fetch(`${second.base}/health`);
  t.equal(health.status, 200, 'and serves');
  second.child.kill('SIGTERM');
  t.equal(await second.exited, 0, 'a stopped service exits cleanly');
  t.notOk(existsSync(join(dataDir, 'peluang.lock')), 'and gives the directory back');

  const free = await runScript('src/cli/keys.ts', ['list'], env);
  t.equal(free.code, 0, `the keys command works once the service is stopped: ${free.stderr}`);
  t.match(free.stdout, /admin\s+Demo admin key/, 'listing the demo keys');
});

t.test(
  'a fresh database without demo data says how to get the first admin key',
  { skip: !embedded && 'about the embedded database only' },
  async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'peluang-lock-'));
    t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
    const service = await startService(t, { DATA_DIR: dataDir, DEMO_DATA: 'false' });
    t.match(service.output(), /No admin key exists yet\. Set BOOTSTRAP_ADMIN_KEY=/, 'the banner names the variable');
    t.match(service.output(), /npm run keys -- create --role admin/, 'and the command');
    t.notMatch(service.output(), /demo keys/, 'and claims no demo keys');
  },
);
