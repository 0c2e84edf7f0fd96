import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

type Storage = MetadataStorage;

/** The transformer's one store of decorators (the module its executor reads, not part of its public API). */
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: Storage };

/** The lookups the transformer makes for every property of every object it turns into a class instance. */
const LOOKUPS = [
  'findTransformMetadatas',
  'findExcludeMetadata',
  'findExposeMetadata',
  'findTypeMetadata',
  'getStrategy',
  'getExposedProperties',
  'getExcludedProperties',
] as const;
/** What changes the answers: a decorator run as a class loads, or a reset. */
const CHANGES = ['addTypeMetadata', 'addTransformMetadata', 'addExposeMetadata', 'addExcludeMetadata', 'clear'] as const;

const REMEMBERED = Symbol('transform rules remembered');

/**
 * class-transformer, which turns each request body into its DTO's classes before validation, looks a
 * class's decorators up again for every property of every object, each time walking the class's
 * ancestors and copying what it finds. The decorators are fixed once the classes are loaded, so each
 * answer is remembered per class and arguments, and everything is forgotten as soon as a decorator is
 * added (a class loaded later). Remembered arrays are frozen: every later caller gets the same one, and
 * the transformer only reads them. The same is done for the validator's rules (validation-rules-memo.ts).
 */
export function rememberTransformRules(storage: Storage = defaultMetadataStorage): void {
  const marked = storage as Storage & { [REMEMBERED]?: true };
  if (marked[REMEMBERED]) return;
  marked[REMEMBERED] = true;

  let remembered = new Map<string, WeakMap<object, Map<string, unknown>>>();
  const methods = storage as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of CHANGES) {
    const change = methods[name].bind(storage);
    methods[name] = (...args: unknown[]) => {
      remembered = new Map();
      return change(...args);
    };
  }
  for (const name of LOOKUPS) {
    const lookup = methods[name].bind(storage);
    methods[name] = (target: unknown, ...rest: unknown[]) => {
      if (typeof target !== 'function') return lookup(target, ...rest);
      let byTarget = remembered.get(name);
      if (!byTarget) remembered.set(name, (byTarget = new WeakMap()));
      let byArgs = byTarget.get(target);
      if (!byArgs) byTarget.set(target, (byArgs = new Map()));
      const key = rest.join('\u0000');
      if (byArgs.has(key)) return byArgs.get(key);
      const answer = lookup(target, ...rest);
      const kept = Array.isArray(answer) ? Object.freeze(answer) : answer;
      byArgs.set(key, kept);
      return kept;
    };
  }
}
