import { fieldInvalid } from './validation';

/** A SHA-256 digest as 64 hexadecimal characters (either case). */
export const isSha256Hex = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-fA-F]{64}$/.test(value);

/** A SHA-256 digest, stored in lower case; FIELD_INVALID at `field` otherwise. */
export function requireSha256(value: unknown, field: string): string {
  if (!isSha256Hex(value)) {
    throw fieldInvalid(field, { zh: '文件摘要', en: 'File digest' }, '须为64位十六进制SHA-256值', 'must be a SHA-256 digest of 64 hex characters');
  }
  return value.toLowerCase();
}
