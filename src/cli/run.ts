import { ConfigError } from '../config.ts';

/** A mistake in the command line: the message says what to type instead. */
export class UsageError extends Error {}

/** Runs a command-line task; failures print one clear message and exit non-zero. */
export async function runCli(usage: string, task: () => Promise<unknown>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
    else if (error instanceof ConfigError) console.error(error.message);
    else console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
