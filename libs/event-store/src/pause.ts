/**
 * A pause that ends when its time is up or as soon as it is woken, whichever comes first: a loop waits
 * on it between retries or polls, and whoever stops the loop (or has news for it) wakes it.
 */
export class Pause {
  private end: (() => void) | undefined;

  /** Waits `ms`; with `unref`, the timer does not keep the process alive. */
  for(ms: number, options: { unref?: boolean } = {}): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.end = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (options.unref) timer.unref();
      this.end = done;
    });
  }

  /** Ends the pause under way, if there is one. */
  wake(): void {
    this.end?.();
  }
}
