import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as domain from '@sme/domain';

/** Every `*_EVENT_SCHEMA_VERSIONS` map the domain exports: a new aggregate cannot be left out. */
const schemaVersionMaps = Object.entries(domain as Record<string, unknown>).filter(([name]) => name.endsWith('_EVENT_SCHEMA_VERSIONS')) as [
  string,
  Record<string, number>,
][];

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
