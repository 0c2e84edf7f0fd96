import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as domain from '@sme/domain';
import { RECORD_KINDS, isPublished, type RecordKind } from '@sme/domain';
import { EVENT_FAMILIES } from '@sme/messaging';
import { EVENT_MESSAGES } from '@sme/messaging/asyncapi/payload-schemas';
import { PROJECTIONS } from '@sme/read-models';

/**
 * A record kind has one home: its descriptor. This test fails when a kind is defined without its
 * pieces, or a piece exists without its kind (see docs/adding-a-record-kind.md).
 */
const root = join(__dirname, '../..');
const exported = Object.entries(domain as Record<string, unknown>);
const isKind = (value: unknown): value is RecordKind =>
  typeof value === 'object' && value !== null && 'decider' in value && 'access' in value && 'streamId' in value && 'publication' in value;
const kindExports = exported.filter(([, value]) => isKind(value)) as [string, RecordKind][];
const exportNameOf = (kind: RecordKind) => kindExports.find(([, value]) => value === kind)?.[0];

/** Every source file (no spec, no test helper) of the libraries and apps. */
function productSources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'testing' ? [] : productSources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [{ path: relative(root, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

function specFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return specFiles(path);
    return name.endsWith('.unit.spec.ts') ? [path] : [];
  });
}

describe('record kinds', () => {
  it('RECORD_KINDS holds every kind the domain exports, once, under distinct names', () => {
    expect(RECORD_KINDS.map((k) => exportNameOf(k) ?? k.name).sort()).toEqual(kindExports.map(([name]) => name).sort());
    expect(new Set(RECORD_KINDS.map((k) => k.name)).size).toBe(RECORD_KINDS.length);
  });

  it('schema versions have one home, the kind: the domain exports no *_EVENT_SCHEMA_VERSIONS map beside it', () => {
    expect(exported.filter(([name]) => name.endsWith('_EVENT_SCHEMA_VERSIONS')).map(([name]) => name)).toEqual([]);
  });

  it.each(RECORD_KINDS.map((k) => [k.name, k] as const))('%s: streams, access, schema versions', (_name, kind) => {
    expect(kind.idOf(kind.streamId('abc'))).toBe('abc');
    expect(RECORD_KINDS.filter((other) => other !== kind && other.idOf(kind.streamId('abc')) !== undefined)).toEqual([]);
    const policy = kind.access as Record<string, readonly { roles: readonly string[] }[]>;
    expect(Object.entries(policy).filter(([, grants]) => grants.length === 0 || grants.some((g) => g.roles.length === 0)).map(([type]) => type)).toEqual([]);
    expect(Object.values(kind.schemaVersions as Record<string, number>).every((v) => Number.isInteger(v) && v >= 1)).toBe(true);
  });

  it.each(RECORD_KINDS.map((k) => [k.name, k] as const))('%s: published with a payload schema per event, or says why not', (_name, kind) => {
    const types = Object.keys(kind.schemaVersions);
    if (!isPublished(kind.publication)) {
      expect(kind.publication.unpublished.trim().length).toBeGreaterThan(20);
      expect(EVENT_FAMILIES.some((f) => f.streamPrefix === kind.name)).toBe(false);
      return;
    }
    expect(EVENT_FAMILIES.filter((f) => f.streamPrefix === kind.name)).toHaveLength(1);
    expect(types.filter((type) => !(type in EVENT_MESSAGES))).toEqual([]);
  });

  it.each(RECORD_KINDS.map((k) => [k.name, k] as const))('%s: a projection reads its streams unless it is unpublished bookkeeping', (_name, kind) => {
    const read = PROJECTIONS.some((p) => p.streamPrefix === kind.streamId(''));
    expect({ kind: kind.name, read }).toEqual({ kind: kind.name, read: isPublished(kind.publication) });
  });

  it.each(RECORD_KINDS.map((k) => [k.name, k] as const))('%s: documented in docs/events.md at its schema versions', (_name, kind) => {
    const docs = readFileSync(join(root, 'docs/events.md'), 'utf8');
    const missing = Object.entries(kind.schemaVersions as Record<string, number>).filter(([type, v]) => !docs.includes(`### ${type} (v${v})`));
    expect(missing).toEqual([]);
  });

  it.each(RECORD_KINDS.map((k) => [k.name, k] as const))('%s: its rules are specified through the kind (given(kind, …)), access included', (_name, kind) => {
    const name = exportNameOf(kind)!;
    const specs = specFiles(join(root, 'libs/domain/src')).filter((file) => readFileSync(file, 'utf8').includes(`given(${name}`));
    expect({ kind: name, specs: specs.map((f) => relative(root, f)).length > 0 }).toEqual({ kind: name, specs: true });
  });

  it('stream ids come only from their kind: no template string builds `<kind>-${id}`', () => {
    const sources = [...productSources(join(root, 'libs')), ...productSources(join(root, 'apps'))];
    const prefixes = RECORD_KINDS.map((kind) => kind.streamId('')).filter((prefix) => prefix.length > 0);
    const built = sources.flatMap(({ path, text }) => prefixes.filter((prefix) => text.includes(`\`${prefix}\${`)).map((prefix) => `${path}: \`${prefix}\${…}\``));
    expect(built).toEqual([]);
  });

  it('a USCC is checked by one pattern: USCC_PATTERN (GB 32100-2015) is written nowhere else', () => {
    const sources = [...productSources(join(root, 'libs')), ...productSources(join(root, 'apps'))];
    expect(sources.filter(({ text }) => text.includes('[0-9A-HJ-NP-RTUW-Y]')).map(({ path }) => path)).toEqual(['libs/domain/src/shared/uscc.ts']);
  });
});
