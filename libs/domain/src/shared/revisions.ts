import { conflict } from './domain-error';
import { fieldInvalid, fieldRequired } from './validation';

/** JSON with object keys sorted, so two values built in a different key order compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * The current content with a revision's `changes` laid over it. Only `keys` may change; a key set
 * to null is cleared (the content check then refuses it if it was required). The result still
 * needs checking as a whole.
 */
export function mergeChanges<T extends object>(current: T, changes: unknown, keys: readonly (keyof T & string)[], path = 'changes'): T {
  const label = { zh: '修订内容', en: 'Changes' };
  if (changes === null || typeof changes !== 'object' || Array.isArray(changes) || Object.keys(changes).length === 0) {
    throw fieldRequired(path, label);
  }
  const merged = { ...current } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (!(keys as readonly string[]).includes(key)) {
      throw fieldInvalid(`${path}.${key}`, label, `不可修订，可修订的有：${keys.join('、')}`, `cannot be revised; revisable: ${keys.join(', ')}`);
    }
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged as T;
}

/** The keys whose values differ between two versions, in the order of `keys`. */
export const changedFields = <T extends object, K extends keyof T & string>(before: T, after: T, keys: readonly K[]): K[] =>
  keys.filter((key) => canonical(before[key]) !== canonical(after[key]));

/** NOTHING_CHANGED unless a revision changes at least one field; returns the changed ones. */
export function requireSomeChange<T extends object, K extends keyof T & string>(before: T, after: T, keys: readonly K[], path = 'changes'): K[] {
  const changed = changedFields(before, after, keys);
  if (changed.length === 0) {
    throw conflict('NOTHING_CHANGED', '修订内容与当前版本相同', 'The revision is identical to the current version', path);
  }
  return changed;
}

/**
 * A revision of `current`: its `changes` laid over it (`mergeChanges`), the result checked whole by
 * `check` (field paths under 'changes'), and at least one field changed (`requireSomeChange`).
 */
export function checkRevision<T extends object, K extends keyof T & string>(
  current: T,
  changes: unknown,
  keys: readonly K[],
  check: (merged: T, path: string) => T,
): { content: T; changedFields: K[] } {
  const content = check(mergeChanges(current, changes, keys), 'changes');
  return { content, changedFields: requireSomeChange(current, content, keys) };
}
