import { resolve } from 'node:path';
import type { SqliteDatabase } from './open-sqlite-database';

type Listener = () => void;

/**
 * Wakes live subscriptions as soon as an append commits in this process, so they need not wait for their
 * next poll. Appends from other processes are only seen by polling.
 *
 * Stores on the same file share one notifier even when they hold separate connections; an in-memory
 * database is private to its connection, so it gets its own.
 */
export class AppendNotifier {
  private readonly listeners = new Set<Listener>();

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

const byFile = new Map<string, AppendNotifier>();
const byConnection = new WeakMap<SqliteDatabase, AppendNotifier>();

export function appendNotifierFor(db: SqliteDatabase): AppendNotifier {
  if (db.memory) {
    let notifier = byConnection.get(db);
    if (!notifier) {
      notifier = new AppendNotifier();
      byConnection.set(db, notifier);
    }
    return notifier;
  }
  const key = resolve(db.name);
  let notifier = byFile.get(key);
  if (!notifier) {
    notifier = new AppendNotifier(); // kept for the life of the process: one small object per file path
    byFile.set(key, notifier);
  }
  return notifier;
}
