import { newEventId } from './event-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newEventId', () => {
  it('is a version-7 UUID whose first 48 bits are the milliseconds given', () => {
    const at = Date.parse('2026-12-06T12:00:00.123Z');
    const id = newEventId(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts ids made in a later millisecond after earlier ones, as text', () => {
    const ids = [0, 1, 2, 1000, 86_400_000].map((ms) => newEventId(Date.parse('2026-01-01T00:00:00Z') + ms));
    expect([...ids].sort()).toEqual(ids);
  });

  it('gives different ids within one millisecond', () => {
    const at = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => newEventId(at)));
    expect(ids.size).toBe(10_000);
  });
});
