import { createHash } from 'node:crypto';
import { computeEventHash } from './hash-chain';

/** The 国密 profile's hash as Node's OpenSSL gives it, against the standard's own examples (GB/T 32905-2016, appendix A). */

const sm3 = (data: Buffer | string) => createHash('sm3').update(data).digest();

describe('SM3 (GB/T 32905)', () => {
  it('gives the standard’s two examples', () => {
    expect(sm3('abc').toString('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3('abcd'.repeat(16)).toString('hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('hashes an event’s chain link under the profile, unlike SHA-256', () => {
    const event = { id: 'e1', type: 'Noted', schemaVersion: 1, streamId: 'station-1', revision: 0n, data: { n: 1 }, metadata: { occurredAt: '2026-01-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z', actor: { id: 'u', role: 'HUB' as const, orgId: 'o', regionCode: '440100' }, correlationId: 'c', causationId: null } };
    expect(computeEventHash(event, null, 'sm3')).toMatch(/^[0-9a-f]{64}$/);
    expect(computeEventHash(event, null, 'sm3')).not.toBe(computeEventHash(event, null, 'sha256'));
  });
});
