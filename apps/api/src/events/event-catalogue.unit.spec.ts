import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_EVENT_SCHEMA_VERSIONS, CALL_EVENT_SCHEMA_VERSIONS, STATION_EVENT_SCHEMA_VERSIONS } from '@sme/domain';

describe('docs/events.md', () => {
  const documented = [...readFileSync(join(__dirname, '../../../../docs/events.md'), 'utf8').matchAll(/^### (\w+) \(v(\d+)\)$/gm)].map(
    ([, type, version]) => [type, Number(version)] as const,
  );
  const defined = Object.entries({
    ...CALL_EVENT_SCHEMA_VERSIONS,
    ...APPLICATION_EVENT_SCHEMA_VERSIONS,
    ...STATION_EVENT_SCHEMA_VERSIONS,
  });

  it('documents exactly the event types the code defines, at their current schema versions', () => {
    expect(new Map(documented)).toEqual(new Map(defined));
    expect(documented).toHaveLength(defined.length);
  });
});
