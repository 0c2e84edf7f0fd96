/** Where a background loop (the reactor, the projector, the relay) reports what it does. */
export interface LoopLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Reports nothing: the default of a loop that is given no logger. */
export const silentLogger: LoopLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** The console, every line tagged `[name]`: the log of a loop that runs as its own process. */
export function consoleLogger(name: string): LoopLogger {
  return {
    log: (m) => console.log(`[${name}] ${m}`),
    warn: (m) => console.warn(`[${name}] ${m}`),
    error: (m) => console.error(`[${name}] ${m}`),
  };
}

/** On the first SIGTERM or SIGINT: `close`, then exit 0. */
export function closeOnSignal(close: () => Promise<void>): void {
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

/** Runs a process's `main`; a failure to start is printed and exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
