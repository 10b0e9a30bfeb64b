import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * An embedded database has exactly one owner: two processes writing one PGlite directory
 * corrupt it, and neither sees the other's changes. The owner keeps `peluang.lock` in the
 * directory with its pid; a lock whose process is gone (killed with -9, say) is taken over.
 */
const LOCK_FILE = 'peluang.lock';

interface LockContent {
  pid: number;
  /** Where the owner serves its API, once it listens; lets others point to it. */
  api?: string;
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly owner: LockContent,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by another Peluang process (pid ${owner.pid}${owner.api ? `, serving ${owner.api}` : ''}). ` +
        'An embedded database has one owner at a time. Stop that process first, or do this through its API with an admin key' +
        `${owner.api ? ` (${owner.api}/docs)` : ''}; to run several processes on one database, use DATABASE_URL.`,
    );
  }
}

const lockPath = (dataDir: string) => join(dataDir, LOCK_FILE);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockContent | null {
  try {
    const content = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    return typeof content.pid === 'number' ? { pid: content.pid, ...(typeof content.api === 'string' && { api: content.api }) } : null;
  } catch {
    return null;
  }
}

/** Takes the directory for this process; returns the function that gives it back. */
export function lockDataDir(dataDir: string): () => void {
  const path = lockPath(dataDir);
  const content = JSON.stringify({ pid: process.pid } satisfies LockContent);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // `wx` fails if the file exists, so of two processes starting at once only one creates it.
      const fd = openSync(path, 'wx');
      writeSync(fd, content);
      closeSync(fd);
      return () => {
        if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readLock(path);
    if (owner && alive(owner.pid)) throw new DataDirInUseError(resolve(dataDir), owner);
    // Left behind by a process that died (or half written): move it aside, then try again.
    try {
      renameSync(path, `${path}.stale-${process.pid}`);
      rmSync(`${path}.stale-${process.pid}`, { force: true });
    } catch {
      // Another process took it over first; the next attempt sees its lock.
    }
  }
  throw new Error(`Could not take the lock ${path}; remove it if no Peluang process uses ${dataDir}.`);
}

/** Records where the owner serves its API, so a process refused the directory can say so. */
export function announceApi(dataDir: string, api: string): void {
  const path = lockPath(dataDir);
  const owner = readLock(path);
  if (owner?.pid !== process.pid) return;
  writeFileSync(`${path}.${process.pid}`, JSON.stringify({ pid: process.pid, api } satisfies LockContent));
  renameSync(`${path}.${process.pid}`, path);
}
