import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Dependencies point inward: apps → libs → libs/domain; the domain imports nothing of ours and does no I/O. */
const root = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // Module specifiers of import/export declarations (single or multi-line), import() and require().
  const declarations = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  const bare = [...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  const dynamic = [...text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  return [...declarations, ...bare, ...dynamic];
}

function violations(dir: string, forbidden: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(join(root, dir)).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => forbidden(specifier, file))
      .map((specifier) => `${relative(root, file)} imports ${specifier}`),
  );
}

describe('Dependency rules', () => {
  it('the domain imports only itself and TypeBox: no Nest, no Node I/O, no other lib, no app', () => {
    const bad = violations('libs/domain/src', (s, file) => {
      if (s.startsWith('.')) return !join(file, '..', s).startsWith(join(root, 'libs/domain/src'));
      // TypeBox: pure schemas whose TypeScript types and JSON Schema are one definition (ADR 0006).
      if (s === '@sinclair/typebox') return false;
      return true; // any other package, including node:crypto used for ids or clocks
    });
    expect(bad).toEqual([]);
  });

  it('the domain reads no clock and makes no random ids', () => {
    const offenders = sourceFiles(join(root, 'libs/domain/src'))
      .filter((f) => !f.includes('/testing/'))
      .filter((f) => /new Date\(\)|Date\.now\(|Math\.random\(|randomUUID/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it('libraries never import an app', () => {
    expect(violations('libs', (s) => s.includes('apps/') || s.startsWith('@sme/api'))).toEqual([]);
  });

  it('the libraries do not depend on Nest', () => {
    const nest = (s: string) => s.startsWith('@nestjs/');
    expect(['libs/event-store/src', 'libs/read-models/src', 'libs/messaging/src'].flatMap((dir) => violations(dir, nest))).toEqual([]);
  });

  it('apps never import each other', () => {
    const apps = readdirSync(join(root, 'apps'));
    const bad = apps.flatMap((app) =>
      violations(`apps/${app}/src`, (s, file) => {
        if (!s.startsWith('.')) return false;
        const target = join(file, '..', s);
        return target.startsWith(join(root, 'apps')) && !target.startsWith(join(root, 'apps', app));
      }),
    );
    expect(bad).toEqual([]);
  });
});
