import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { buildApp } from '../src/app.ts';
import { seedDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { openTestDatabase } from './helpers/app.ts';
import { ROOT } from './helpers/processes.ts';

const run = promisify(execFile);

/** The README's shell examples, in order. */
const blocks = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
const apiExamples = blocks.filter((block) => /\bcurl\b/.test(block));
const keyCommands = blocks.filter((block) => block.split('\n').every((line) => !line.trim() || line.startsWith('npm run keys ')));

/**
 * Runs a block as pasted into a shell, except that a failing command stops it: curl fails on
 * an HTTP error, so an example that answers 4xx fails the test too.
 */
function runBlock(block: string, env: NodeJS.ProcessEnv) {
  const script = `set -eo pipefail\ncurl() { command curl --fail-with-body "$@"; }\n${block}`;
  return run('bash', ['-c', script], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 });
}

t.test('the README’s API examples run as pasted against a fresh demo database', async (t) => {
  t.ok(apiExamples.length >= 3, `found ${apiExamples.length} blocks with curl`);
  const database = await openTestDatabase(t);
  await seedDemoDataIfEmpty(database);
  const app = await buildApp({ config: { BODY_LIMIT_BYTES: 1024 * 1024, TRUST_PROXY: false }, database });
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  for (const block of apiExamples) {
    // The examples talk to the default port; an Origin header stays the page's, as written.
    const here = block.replace(/(?<!Origin: )http:\/\/localhost:3000/g, base);
    const firstLine = block.split('\n').find((line) => line.trim() && !line.startsWith('#')) ?? '';
    try {
      const { stdout } = await runBlock(here, {});
      t.ok(stdout.length > 0, `ran: ${firstLine}`);
    } catch (error) {
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      t.fail(`failed: ${firstLine}\n${stderr}\n${stdout.slice(-2000)}`);
    }
  }
});

t.test(
  'the README’s key commands run as pasted',
  { skip: Boolean(process.env.TEST_DATABASE_URL) && 'they use the embedded database' },
  async (t) => {
    t.ok(keyCommands.length >= 1, `found ${keyCommands.length} blocks of key commands`);
    const dataDir = mkdtempSync(join(tmpdir(), 'peluang-readme-'));
    t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
    for (const block of keyCommands) {
      const { stdout } = await runBlock(block, { DATA_DIR: dataDir, DATABASE_URL: '' });
      t.match(stdout, /Created \w+ key|pk_/, `ran: ${block.split('\n')[0]}`);
    }
  },
);
