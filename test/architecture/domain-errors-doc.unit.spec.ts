import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const KINDS: Record<string, string> = { conflict: 'CONFLICT', invalid: 'VALIDATION', forbidden: 'FORBIDDEN', notFound: 'NOT_FOUND' };

/** Every code the domain throws, with the kinds it is thrown as (a code may be thrown in more than one place). */
function thrownCodes(dir: string): Map<string, Set<string>> {
  const codes = new Map<string, Set<string>>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) {
        for (const [, helper, code] of readFileSync(path, 'utf8').matchAll(/\b(conflict|invalid|forbidden|notFound)\(\s*['`]([A-Z][A-Z0-9_]+)['`]/g)) {
          codes.set(code, (codes.get(code) ?? new Set()).add(KINDS[helper]));
        }
        // A record label names its kind's 404 (recordNotFound): <CODE>_NOT_FOUND.
        for (const [, code] of readFileSync(path, 'utf8').matchAll(/RecordLabel = \{ code: '([A-Z][A-Z0-9_]+)'/g)) codes.set(`${code}_NOT_FOUND`, (codes.get(`${code}_NOT_FOUND`) ?? new Set()).add('NOT_FOUND'));
        // A required list names its own code (requireNonEmptyList): a VALIDATION error.
        for (const [, code] of readFileSync(path, 'utf8').matchAll(/\bcode: '([A-Z][A-Z0-9_]+_REQUIRED)'/g)) codes.set(code, (codes.get(code) ?? new Set()).add('VALIDATION'));
      }
    }
  };
  walk(dir);
  // The field helpers and the access gate's refusals.
  for (const [code, kind] of [['FIELD_REQUIRED', 'VALIDATION'], ['FIELD_INVALID', 'VALIDATION'], ['NOT_OWNER', 'FORBIDDEN']]) codes.set(code, (codes.get(code) ?? new Set()).add(kind));
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
