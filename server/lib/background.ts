type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

/**
 * Work done after the response, in this process (e.g. the lookup and e-mail behind a password-reset
 * request, so the answer does not depend on whether the address has an account). At most
 * `concurrency` tasks run at once and `maxWaiting` wait; beyond that new tasks are dropped with a
 * warning rather than let a flood of requests fill the memory.
 */
export class BackgroundTasks {
  private readonly waiting: { name: string; work: () => Promise<void> }[] = [];
  private running = 0;
  private idle: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly log: Log,
    private readonly concurrency = 2,
    private readonly maxWaiting = 1000,
  ) {}

  /** Queues `work`; returns false when it was dropped (closing, or too much waiting). */
  run(name: string, work: () => Promise<void>): boolean {
    if (this.closed || this.waiting.length >= this.maxWaiting) {
      this.log.warn({ task: name }, this.closed ? 'background task dropped: shutting down' : 'background task dropped: too many waiting');
      return false;
    }
    this.waiting.push({ name, work });
    // Not in this turn of the event loop: the response that queued the work is written first
    // (Fastify writes it in the microtasks after the handler returns).
    setImmediate(() => this.next());
    return true;
  }

  /** Resolves when nothing runs or waits. */
  settled(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Takes no more work and waits for what was queued. */
  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
  }

  private next(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.running++;
      void task
        .work()
        .catch((error: unknown) => this.log.error({ err: error, task: task.name }, 'background task failed'))
        .finally(() => {
          this.running--;
          this.next();
          if (this.running === 0 && this.waiting.length === 0) for (const resolve of this.idle.splice(0)) resolve();
        });
    }
  }
}
