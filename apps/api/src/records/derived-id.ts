import { createHash } from 'node:crypto';

/**
 * A record id that follows from what the record is for (a UUID of version 8, from SHA-256): writing
 * it twice names the same record, so a reaction that sees its cause again writes nothing new.
 */
export function derivedId(namespace: string, ...parts: readonly (string | number)[]): string {
  const hex = createHash('sha256').update([namespace, ...parts.map(String)].join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A number in [0, 1) that follows from the parts: a draw that is the same every time it is made. */
export function derivedFraction(namespace: string, ...parts: readonly (string | number)[]): number {
  const hex = createHash('sha256').update([namespace, ...parts.map(String)].join('\u0000')).digest('hex');
  return parseInt(hex.slice(0, 8), 16) / 0x1_0000_0000;
}
