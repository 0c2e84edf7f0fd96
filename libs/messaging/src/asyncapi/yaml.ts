/**
 * A YAML 1.2 writer for JSON data (objects, arrays, strings, finite numbers, booleans, null), enough
 * for the generated AsyncAPI document without a YAML dependency. Output is block style, two-space
 * indentation, keys in insertion order. Strings are written plain only when they cannot be read as
 * anything else; otherwise double-quoted with JSON escapes (valid YAML), or as a literal block when
 * they span lines.
 */
export function toYaml(value: unknown): string {
  return `${render(value, 0).replace(/^\n/, '')}\n`;
}

/** Words a YAML 1.1 or 1.2 reader could take for a boolean or null. */
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
/** Starts with a letter or underscore, continues with a small set of punctuation, single spaces between words. */
const PLAIN_STRING = /^[A-Za-z_][A-Za-z0-9_.\/@+-]*( [A-Za-z0-9_.\/@+()-][A-Za-z0-9_.\/@+()-]*)*$/;
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_.$-]*$/;

function scalarString(value: string, indent: number): string {
  if (PLAIN_STRING.test(value) && !RESERVED.test(value)) return value;
  if (value.includes('\n') && !value.endsWith('\n') && !/^[ \t]/.test(value) && !/[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(value)) {
    const pad = ' '.repeat(indent);
    return `|-\n${value
      .split('\n')
      .map((line) => (line === '' ? '' : pad + line))
      .join('\n')}`;
  }
  return quoted(value);
}

/** A JSON string literal is a valid YAML double-quoted scalar; line separators are escaped too. */
function quoted(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029').replace(/\u0085/g, '\\u0085');
}

function key(name: string): string {
  return PLAIN_KEY.test(name) && !RESERVED.test(name) ? name : quoted(name);
}

function scalar(value: unknown, indent: number): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return scalarString(value, indent);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as YAML`);
      return String(value);
    case 'boolean':
      return String(value);
    case 'object':
      if (Array.isArray(value) && value.length === 0) return '[]';
      if (!Array.isArray(value) && Object.keys(value).length === 0) return '{}';
      return undefined;
    default:
      throw new Error(`Cannot write a ${typeof value} as YAML`);
  }
}

/**
 * Renders a value that follows a `key:` or `- ` (the caller writes those). Scalars come back as
 * ` value`; collections come back starting with a newline, their lines indented by `indent`.
 */
function render(value: unknown, indent: number): string {
  const single = scalar(value, indent);
  if (single !== undefined) return ` ${single}`;
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.map((item) => `\n${pad}-${renderItem(item, indent + 2)}`).join('');
  }
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `\n${pad}${key(k)}:${render(v, indent + 2)}`)
    .join('');
}

/** A sequence item: a mapping starts on the dash's line; nested sequences and scalars as usual. */
function renderItem(item: unknown, indent: number): string {
  const single = scalar(item, indent);
  if (single !== undefined) return ` ${single}`;
  if (Array.isArray(item)) return render(item, indent);
  const body = render(item, indent);
  return ` ${body.slice(indent + 1)}`;
}
