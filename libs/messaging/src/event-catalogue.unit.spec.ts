import { RECORD_KINDS } from '@sme/domain';
import { EVENT_FAMILIES, UNPUBLISHED_STREAMS, cloudEventType, familyOfStream } from './event-catalogue';

/** The schema versions of every record kind the domain defines, by kind. */
const schemaVersionMaps = RECORD_KINDS.map((kind) => [kind.name, kind.schemaVersions as Record<string, number>] as const);

describe('EVENT_FAMILIES', () => {
  it('finds the schema versions of the domain’s record kinds', () => {
    expect(schemaVersionMaps.map(([name]) => name)).toEqual(
      expect.arrayContaining(['call', 'application', 'station', 'enterprise', 'provider', 'expert', 'product', 'case', 'policy', 'faq', 'demand']),
    );
  });

  it('puts every event type of every domain map in exactly one family, at its current schema version', () => {
    const unpublished = new Set(UNPUBLISHED_STREAMS.flatMap((s) => s.eventTypes));
    const problems: string[] = [];
    for (const [name, versions] of schemaVersionMaps) {
      if (Object.keys(versions).every((type) => unpublished.has(type))) continue;
      for (const [type, version] of Object.entries(versions)) {
        const families = EVENT_FAMILIES.filter((f) => type in f.events);
        if (families.length !== 1) problems.push(`${name}.${type}: in ${families.length} families (${families.map((f) => f.topic).join(', ')})`);
        else if (families[0].events[type].schemaVersion !== version) problems.push(`${name}.${type}: v${version} in the domain, v${families[0].events[type].schemaVersion} in ${families[0].topic}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('catalogues only event types the domain defines, and each family’s types come from one map', () => {
    for (const family of EVENT_FAMILIES) {
      const sources = schemaVersionMaps.filter(([, versions]) => Object.keys(family.events).some((type) => type in versions));
      expect([family.topic, sources.length]).toEqual([family.topic, 1]);
      expect(Object.keys(family.events).sort()).toEqual(Object.keys(sources[0][1]).sort());
    }
  });

  it('gives each family its own stream prefix, topic and type namespace, and every event a distinct CloudEvents type', () => {
    const distinct = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    distinct([...EVENT_FAMILIES.map((f) => f.streamPrefix), ...UNPUBLISHED_STREAMS.map((s) => s.streamPrefix)]);
    distinct(EVENT_FAMILIES.map((f) => f.topic));
    distinct(EVENT_FAMILIES.map((f) => f.typeNamespace));
    distinct(EVENT_FAMILIES.flatMap((f) => Object.entries(f.events).map(([type, e]) => cloudEventType(f, type, e.schemaVersion))));
    for (const family of EVENT_FAMILIES) {
      expect(family.streamPrefix).toMatch(/^[a-z]+$/);
      expect(family.topic).toMatch(/^[a-z]+\.v[1-9][0-9]*$/);
      for (const { action } of Object.values(family.events)) expect(action).toMatch(/^[a-z]+(-[a-z]+)*$/);
      // No prefix is the start of another's stream ids: `${prefix}-` picks exactly one family.
      expect(familyOfStream(`${family.streamPrefix}-00000000-0000-4000-8000-000000000000`)).toBe(family);
    }
  });

  it('leaves the bookkeeping streams unpublished, each with a reason', () => {
    for (const stream of UNPUBLISHED_STREAMS) {
      expect(familyOfStream(`${stream.streamPrefix}-x`)).toBeUndefined();
      expect(stream.reason.trim()).not.toBe('');
    }
  });
});
