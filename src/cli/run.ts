import { ConfigError } from '../config.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';

/** A mistake in the command line: the message says what to type instead. */
export class UsageError extends Error {}

/**
 * Runs a command-line task; failures print one clear message and exit non-zero. `throughApi`
 * says how to do the same over the API of a running service that holds the embedded database.
 */
export async function runCli(usage: string, task: () => Promise<unknown>, throughApi?: (api: string) => string): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
    else if (error instanceof DataDirInUseError) {
      const hint = throughApi?.(error.owner.api ?? 'http://localhost:3000');
      console.error(hint ? `${error.message}\n\nWhile it runs:\n${hint}` : error.message);
    } else if (error instanceof ConfigError) console.error(error.message);
    else console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
