import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** `tap`'s test object, as far as these helpers need it. */
interface TestContext {
  teardown(fn: () => unknown): void;
}

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point (or, with `compiled`, a JavaScript one) to its end. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv, compiled = false): Promise<RunResult> {
  const child = spawnScript(script, args, env, compiled);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function spawnScript(script: string, args: string[], env: NodeJS.ProcessEnv, compiled: boolean): ChildProcess {
  const loader = compiled ? [] : ['--import', 'tsx'];
  return spawn(process.execPath, [...loader, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface RunningService {
  child: ChildProcess;
  /** e.g. http://localhost:41234 */
  base: string;
  /** Everything it logged so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/**
 * Starts the service as `npm start` (or `node dist/server.js`) would, on a free port, and
 * waits for its start banner. Killed at teardown if still running.
 */
export async function startService(t: TestContext, env: NodeJS.ProcessEnv, entry = 'src/server.ts'): Promise<RunningService> {
  const child = spawnScript(entry, [], { PORT: '0', HOST: '127.0.0.1', ...env }, entry.endsWith('.js'));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    return exited;
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start:\n${output}`)), 60_000);
    const look = () => {
      const match = /Peluang is up \([^)]*\): API (http:\/\/[^/\s]+)\/v1/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the service exited before it was up:\n${output}`));
    });
  });
  return { child, base, output: () => output, exited };
}
