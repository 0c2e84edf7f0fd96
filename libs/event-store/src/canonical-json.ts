/**
 * Canonical JSON: the one byte-exact text of a value that the hash chain is computed over.
 *
 * It follows JSON.stringify (toJSON is honoured, so a Date becomes its ISO string; undefined object
 * members are left out; undefined array items become null) with these differences:
 * - object keys are sorted recursively (by UTF-16 code units, i.e. Array.prototype.sort), so the text
 *   does not depend on the order in which a caller built an object;
 * - a bigint is rendered as a JSON string of its decimal digits ("12"), because JSON has no 64-bit
 *   integers and a parser would lose precision on a bare number;
 * - no whitespace;
 * - values that would not survive a round trip through storage are refused instead of silently
 *   changed: NaN and ±Infinity (JSON writes null), functions and symbols (JSON drops them), cycles.
 *
 * Storing exactly this text and hashing exactly this text is what lets a verifier recompute a hash
 * from what it reads back.
 */
export function canonicalJson(value: unknown): string {
  const text = render(value, []);
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON form (undefined)');
  return text;
}

/** `ancestors`: the objects being rendered around this value (a short list: events nest a few levels). */
function render(value: unknown, ancestors: object[]): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString(10)}"`;
    case 'undefined':
      return undefined;
    case 'function':
    case 'symbol':
      throw new TypeError(`canonicalJson: a ${typeof value} cannot be stored`);
    case 'object':
      return value === null ? 'null' : renderObject(value, ancestors);
  }
}

function renderObject(value: object, ancestors: object[]): string | undefined {
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    return render((withToJson.toJSON as () => unknown).call(value), ancestors);
  }
  if (ancestors.includes(value)) throw new TypeError('canonicalJson: the value contains a cycle');
  ancestors.push(value);
  try {
    if (Array.isArray(value)) {
      let text = '[';
      for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + (render(value[i], ancestors) ?? 'null');
      return text + ']';
    }
    const record = value as Record<string, unknown>;
    let text = '{';
    for (const key of Object.keys(record).sort()) {
      const rendered = render(record[key], ancestors);
      if (rendered !== undefined) text += (text.length === 1 ? '' : ',') + quotedKey(key) + ':' + rendered;
    }
    return text + '}';
  } finally {
    ancestors.pop();
  }
}

/**
 * A key as a JSON string. Events repeat the same few dozen member names, so their quoted form is kept
 * (a quarter of the time of a material event's data and metadata went to quoting them again). At most
 * QUOTED_KEYS_KEPT are kept, so keys that are data (ids used as keys) cannot grow it without end.
 */
const QUOTED_KEYS_KEPT = 10_000;
const quotedKeys = new Map<string, string>();

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_KEPT) quotedKeys.set(key, quoted);
  }
  return quoted;
}
