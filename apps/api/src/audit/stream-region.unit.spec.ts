import type { Actor } from '@sme/domain';
import type { RecordedEvent } from '@sme/event-store';
import { regionOfStream } from './stream-region';

const writer: Actor = { id: 'u-1', role: 'PROVIDER', orgId: '91440106MA59C3PL24', regionCode: '440106' };
const first = (data: Record<string, unknown>, actor: Partial<Actor> = writer): RecordedEvent => ({
  id: 'e-1',
  type: 'Something',
  schemaVersion: 1,
  streamId: 'kind-1',
  revision: 0n,
  position: 1n,
  data,
  metadata: { occurredAt: '2019-06-01T00:00:00.000Z', recordedAt: '2019-06-01T00:00:00.000Z', actor: actor as Actor, correlationId: 'c', causationId: null },
  hash: 'h',
  previousHash: null,
});

describe('regionOfStream: where a stream’s record belongs, from its first event', () => {
  it.each([
    ['a station, by its district', { districtCode: '440106', cityCode: '440100' }, '440106'],
    ['an expert or provider, by its region before its city', { regionCode: '440105', cityCode: '440100' }, '440105'],
    ['a demand, by its enterprise’s region', { enterpriseRegionCode: '440111' }, '440111'],
    ['a call or an application, by its city', { cityCode: '440100', form: { station: { districtCode: '440106' } } }, '440100'],
  ])('%s', (_, data, region) => {
    expect(regionOfStream(first(data, { ...writer, regionCode: '440300' }))).toBe(region);
  });

  it('falls back on the region of the actor who wrote it (a product, a USCC reservation)', () => {
    expect(regionOfStream(first({ productId: 'p-1', providerOrgId: writer.orgId }))).toBe('440106');
  });

  it('takes only region codes, and is undefined when nothing names one', () => {
    expect(regionOfStream(first({ regionCode: 'Tianhe' }))).toBe('440106');
    expect(regionOfStream(first({ regionCode: 'Tianhe' }, { regionCode: '' }))).toBeUndefined();
    expect(regionOfStream(first({}, {}))).toBeUndefined();
  });
});
