type Json = unknown;

/** One difference between two versions of a record: the field's path and its value before and after (absent: undefined). */
export interface FieldChange {
  path: string;
  before?: Json;
  after?: Json;
}

/** Every leaf of a JSON value by its path (`revocations.0.outcome`); an empty object or array is a leaf. */
function leaves(value: Json, path: string, into: Map<string, Json>): Map<string, Json> {
  if (Array.isArray(value) && value.length > 0) value.forEach((item, i) => leaves(item, path ? `${path}.${i}` : String(i), into));
  else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) leaves(item, path ? `${path}.${key}` : key, into);
  } else into.set(path, value);
  return into;
}

/** The fields that differ between two versions of a record, in path order. */
export function recordChanges(before: Json, after: Json): FieldChange[] {
  const a = leaves(before ?? {}, '', new Map());
  const b = leaves(after ?? {}, '', new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((path) => JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path)))
    .map((path) => ({ path, ...(a.has(path) ? { before: a.get(path) } : {}), ...(b.has(path) ? { after: b.get(path) } : {}) }));
}
