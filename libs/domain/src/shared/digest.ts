/** A SHA-256 digest as 64 hexadecimal characters (either case). */
export const isSha256Hex = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-fA-F]{64}$/.test(value);
