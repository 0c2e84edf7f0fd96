import { randomPool } from './random-pool';

/**
 * A new event's id: a UUID of version 7 (RFC 9562), whose first 48 bits are the milliseconds since
 * the epoch and the other 74 random. Ids made later sort after earlier ones, so the store's unique
 * index on event ids grows at its end instead of at a random place (ADR 15); they stay as unique as
 * version-4 ids for every purpose here (74 random bits per millisecond).
 *
 * Ids that must follow from something (an Idempotency-Key, a reaction's source event) are derived
 * instead, and are not time-ordered.
 */
export function newEventId(nowMs: number = Date.now()): string {
  const bytes = randomPool.take(16);
  bytes.writeUIntBE(nowMs, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // the RFC's variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
