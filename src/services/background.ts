import { setTimeout as sleep } from 'node:timers/promises';

interface BackgroundLog {
  error(details: object, message: string): void;
}

export interface BackgroundTask {
  name: string;
  everyMs: number;
  /** Answers how much it did; a task that did something runs again at once. */
  run(): Promise<number>;
  /** When work not yet due (a retry) falls due, if before `until`. */
  nextDue?(until: Date): Promise<Date | undefined>;
}

/**
 * Runs the background tasks (outbox, deliveries, expiry) on unref'd timers, one run of a task at
 * a time on this instance; other instances run the same tasks, and the database's row locks
 * keep them from doing the same work twice.
 */
export class BackgroundWork {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #running = new Map<string, Promise<number>>();
  #stopped = true;

  constructor(
    private readonly tasks: readonly BackgroundTask[],
    private readonly log: BackgroundLog,
  ) {}

  start(): void {
    this.#stopped = false;
    for (const task of this.tasks) this.#schedule(task, task.everyMs);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await Promise.allSettled(this.#running.values());
  }

  /** Runs a task now, after any run of it already under way on this instance. */
  run(name: string): Promise<number> {
    const task = this.tasks.find((t) => t.name === name);
    if (!task) throw new Error(`No background task ${name}`);
    const previous = this.#running.get(name) ?? Promise.resolve(0);
    const next = previous.catch(() => 0).then(() => task.run());
    this.#running.set(name, next);
    void next.finally(() => this.#running.get(name) === next && this.#running.delete(name)).catch(() => {});
    return next;
  }

  /**
   * Runs every task until none has work left, waiting for retries due within `waitMs`: how
   * tests and benchmarks see the effects of a change without sleeping for timers.
   */
  async drain(waitMs = 5000): Promise<void> {
    const deadline = new Date(Date.now() + waitMs);
    for (;;) {
      let did = 0;
      for (const task of this.tasks) did += await this.run(task.name);
      if (did > 0) continue;
      const due = (await Promise.all(this.tasks.map(async (task) => task.nextDue?.(deadline)))).filter((at): at is Date => at !== undefined);
      if (due.length === 0) return;
      await sleep(Math.max(0, Math.min(...due.map((at) => at.getTime())) - Date.now()) + 2);
    }
  }

  #schedule(task: BackgroundTask, delay: number): void {
    if (this.#stopped) return;
    const timer = setTimeout(() => {
      this.run(task.name)
        .then((did) => this.#schedule(task, did > 0 ? 0 : task.everyMs))
        .catch((err: unknown) => {
          this.log.error({ err, task: task.name }, 'background task failed; trying again later');
          this.#schedule(task, task.everyMs);
        });
    }, delay);
    timer.unref();
    this.#timers.set(task.name, timer);
  }
}
