/**
 * The start/stop life of a loop run in the background (the projector, the relay, each reaction): at
 * most one run of `body` at a time, from `start` until `stop`. The body goes on while `running`.
 */
export class BackgroundLoop {
  private active = false;
  private loop: Promise<void> | null = null;

  constructor(private readonly body: () => Promise<void>) {}

  /** True from `start` until `stop`: the body's condition to go on. */
  get running(): boolean {
    return this.active;
  }

  /** True once started, until `stop` has waited for the body. */
  get started(): boolean {
    return this.loop !== null;
  }

  /** Runs the body in the background, unless it already runs. */
  start(): void {
    if (this.active) return;
    this.active = true;
    this.loop = this.body();
  }

  /**
   * Tells the body to stop, lets `interrupt` end what it may be waiting on (its subscription, a
   * pause), then waits for it: until it returns, or as long as `wait` waits on it.
   */
  async stop(interrupt: () => unknown, wait: (loop: Promise<void>) => Promise<unknown> = (loop) => loop): Promise<void> {
    this.active = false;
    await interrupt();
    if (this.loop) await wait(this.loop);
    this.loop = null;
  }
}
