import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const KINDS: Record<string, string> = { conflict: 'CONFLICT', invalid: 'VALIDATION', forbidden: 'FORBIDDEN', notFound: 'NOT_FOUND' };

/** The text of every source file (not spec) under a folder. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Record labels by their constant's name, wherever in the domain they are declared: refusals are built from their codes. */
const labels = new Map(sourcesUnder(join(root, 'libs/domain/src')).flatMap((source) => [...source.matchAll(/const (\w+): RecordLabel = \{ code: '([A-Z][A-Z0-9_]+)'/g)].map(([, name, code]) => [name, code] as const)));

/** Every code the domain throws, with the kinds it is thrown as (a code may be thrown in more than one place). */
function thrownCodes(dir: string): Map<string, Set<string>> {
  const codes = new Map<string, Set<string>>();
  const add = (code: string, kind: string) => codes.set(code, (codes.get(code) ?? new Set()).add(kind));
  const byLabel = (label: string, suffix: string) => labels.has(label) && add(`${labels.get(label)}_${suffix}`, 'CONFLICT');
  for (const source of sourcesUnder(dir)) {
    for (const [, helper, code] of source.matchAll(/\b(conflict|invalid|forbidden|notFound)\(\s*['`]([A-Z][A-Z0-9_]+)['`]/g)) add(code, KINDS[helper]);
    // A record label names its kind's 404 (recordNotFound): <CODE>_NOT_FOUND.
    for (const [, code] of source.matchAll(/RecordLabel = \{ code: '([A-Z][A-Z0-9_]+)'/g)) add(`${code}_NOT_FOUND`, 'NOT_FOUND');
    // A creating step written createdOnce(LABEL, …) refuses a second creation: <CODE>_ALREADY_EXISTS.
    for (const [, label] of source.matchAll(/\bcreatedOnce\(\s*(\w+)/g)) byLabel(label, 'ALREADY_EXISTS');
    // A retired record refuses by its label (requirePublished, retirementOf): <CODE>_RETIRED.
    for (const [, label] of source.matchAll(/\b(?:requirePublished|retirementOf)\([^;]*?,\s*(\w+_RECORD)\)/g)) byLabel(label, 'RETIRED');
    // A required list names its own code (requireNonEmptyList): a VALIDATION error.
    for (const [, code] of source.matchAll(/\bcode: '([A-Z][A-Z0-9_]+_REQUIRED)'/g)) add(code, 'VALIDATION');
  }
  // The field helpers and the access gate's refusals.
  for (const [code, kind] of [['FIELD_REQUIRED', 'VALIDATION'], ['FIELD_INVALID', 'VALIDATION'], ['NOT_OWNER', 'FORBIDDEN']]) add(code, kind);
  return codes;
}

/** The README's table: kind → codes. */
function documented(): [string, string[]][] {
  const readme = readFileSync(join(root, 'libs/domain/README.md'), 'utf8');
  return [...readme.matchAll(/^\| (FORBIDDEN|NOT_FOUND|CONFLICT|VALIDATION) \(\d{3}\) \| (.+) \|$/gm)].map(([, kind, list]) => [kind, list.split(',').map((c) => c.trim())]);
}

describe('libs/domain/README.md', () => {
  const thrown = thrownCodes(join(root, 'libs/domain/src'));

  it('lists each error code under the kind the domain throws it as', () => {
    const rows = documented();
    expect(rows.map(([kind]) => kind).sort()).toEqual(['CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION']);
    const wrong = rows.flatMap(([kind, codes]) => codes.filter((code) => !thrown.get(code)?.has(kind)).map((code) => `${code} under ${kind}, thrown as ${[...(thrown.get(code) ?? ['nothing'])].join('/')}`));
    expect(wrong).toEqual([]);
  });

  it('lists every code the call, application and station records throw', () => {
    const listed = new Set(documented().flatMap(([, codes]) => codes));
    const own = [...thrownCodes(join(root, 'libs/domain/src/call')).keys(), ...thrownCodes(join(root, 'libs/domain/src/application')).keys(), ...thrownCodes(join(root, 'libs/domain/src/station')).keys()];
    expect([...new Set(own)].filter((code) => !listed.has(code)).sort()).toEqual([]);
  });
});
