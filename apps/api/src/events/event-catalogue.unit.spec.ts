import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_KINDS } from '@sme/domain';

/** The schema versions of every record kind the domain defines: a new kind cannot be left out. */
const schemaVersionMaps = RECORD_KINDS.map((kind) => [kind.name, kind.schemaVersions as Record<string, number>] as const);

describe('docs/events.md', () => {
  const documented = [...readFileSync(join(__dirname, '../../../../docs/events.md'), 'utf8').matchAll(/^### (\w+) \(v(\d+)\)$/gm)].map(
    ([, type, version]) => [type, Number(version)] as const,
  );
  const defined = schemaVersionMaps.flatMap(([, versions]) => Object.entries(versions));

  it('reads the schema versions of every aggregate the domain exports', () => {
    expect(schemaVersionMaps.length).toBeGreaterThanOrEqual(6);
    expect(new Set(defined.map(([type]) => type)).size).toBe(defined.length);
  });

  it('documents exactly the event types the code defines, at their current schema versions', () => {
    expect(new Map(documented)).toEqual(new Map(defined));
    expect(documented).toHaveLength(defined.length);
  });
});
