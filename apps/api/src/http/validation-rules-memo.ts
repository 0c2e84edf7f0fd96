import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;

const REMEMBERED = Symbol('validation rules remembered');

/**
 * class-validator looks a class's rules up again for every object it validates (and the framework's pipe
 * once more per request), each time walking every class that has rules to find the class's ancestors: with
 * this API's few hundred request classes, the lookups were a third of the time spent validating a body.
 * The rules are fixed once the classes are loaded, so each answer is remembered, per class and options,
 * and everything remembered is forgotten as soon as a rule is added (a class loaded later).
 *
 * The remembered arrays are frozen: they are handed to every later caller, and none may change them.
 * So is their grouping by property, which the validator makes again for every object it validates: it
 * is remembered per remembered array (an array not remembered here is grouped afresh).
 */
export function rememberValidationRules(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [REMEMBERED]?: true };
  if (marked[REMEMBERED]) return;
  marked[REMEMBERED] = true;

  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  // The rules of a remembered answer grouped by property, as the validator asks for them for every object.
  const grouped = new WeakMap<Rules, ReturnType<Storage['groupByPropertyName']>>();
  storage.groupByPropertyName = (rules) => {
    if (!Object.isFrozen(rules)) return group(rules);
    let byProperty = grouped.get(rules);
    if (!byProperty) {
      byProperty = group(rules);
      for (const list of Object.values(byProperty)) Object.freeze(list);
      grouped.set(rules, Object.freeze(byProperty));
    }
    return byProperty;
  };
  let remembered = new Map<Function | string, Map<string, Rules>>();

  storage.addValidationMetadata = (metadata) => {
    remembered = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = remembered.get(target);
    if (!byOptions) remembered.set(target, (byOptions = new Map()));
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = Object.freeze(lookup(target, schema, always, strictGroups, groups)) as Rules));
    return rules;
  };
}
