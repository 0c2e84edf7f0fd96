import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Files a reader can hold: short, or saying at their top why not; and no import circles. */
const root = join(__dirname, '../..');
const LONG = 300;
const ALIASES: Record<string, string> = {
  '@sme/domain': 'libs/domain/src',
  '@sme/event-store': 'libs/event-store/src',
  '@sme/read-models': 'libs/read-models/src',
  '@sme/messaging': 'libs/messaging/src',
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}
const files = ['apps', 'libs'].flatMap((dir) => sources(join(root, dir)));

function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else {
    const alias = Object.keys(ALIASES).find((a) => specifier === a || specifier.startsWith(`${a}/`));
    if (!alias) return undefined;
    base = join(root, ALIASES[alias] + specifier.slice(alias.length));
  }
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => files.includes(candidate));
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm)]
    .map((m) => resolveImport(file, m[1]))
    .filter((f): f is string => f !== undefined);

describe('readable files', () => {
  it(`no source file is over ${LONG} lines unless its opening comment says why it is long`, () => {
    const unexplained = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      if (text.split('\n').length <= LONG) return false;
      const opening = text.slice(0, 1500);
      return !/Why this file is long:/.test(opening);
    });
    expect(unexplained.map((f) => relative(root, f))).toEqual([]);
  });

  it('has no import circles', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].map((f) => relative(root, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });
});
