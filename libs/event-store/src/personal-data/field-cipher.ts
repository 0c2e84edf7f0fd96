import { createCipheriv, createDecipheriv } from 'node:crypto';
import { sm4 } from 'sm-crypto-v2';
import { randomPool } from '../random-pool';

/** How personal fields are encrypted: AES-256-GCM, or SM4-GCM under the 国密 profile. */
export type FieldAlgorithm = 'aes-256-gcm' | 'sm4-gcm';

/** A data key: its id (named in every ciphertext it made) and its bytes. */
export interface DataKey {
  id: string;
  key: Buffer;
}

const PREFIX = 'enc:v1:';
const CODES: Record<FieldAlgorithm, string> = { 'aes-256-gcm': 'a256gcm', 'sm4-gcm': 'sm4gcm' };
const KEY_BYTES: Record<FieldAlgorithm, number> = { 'aes-256-gcm': 32, 'sm4-gcm': 16 };
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** Whether a stored value is a personal field's ciphertext. */
export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX);

/** The id of the key a ciphertext needs. */
export const keyIdOf = (sealed: string): string => sealed.slice(PREFIX.length).split(':')[1];

/**
 * One field's ciphertext as stored: `enc:v1:<algorithm>:<key id>:<iv>:<ciphertext>:<tag>` (base64url),
 * the key id bound in as associated data. The hash chain covers this form, not the plaintext.
 */
export class FieldCipher {
  constructor(readonly algorithm: FieldAlgorithm = 'aes-256-gcm') {}

  newKey(): Buffer {
    return randomPool.take(KEY_BYTES[this.algorithm]);
  }

  seal(plaintext: string, { id, key }: DataKey): string {
    const iv = randomPool.take(12);
    const aad = Buffer.from(id, 'utf8');
    let ciphertext: Uint8Array;
    let tag: Uint8Array;
    if (this.algorithm === 'sm4-gcm') {
      const sealed = sm4.encrypt(Buffer.from(plaintext, 'utf8'), key, { mode: 'gcm', iv, associatedData: aad, output: 'array', outputTag: true });
      ciphertext = sealed.output;
      tag = sealed.tag!;
    } else {
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aad);
      ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      tag = cipher.getAuthTag();
    }
    return `${PREFIX}${CODES[this.algorithm]}:${id}:${b64(iv)}:${b64(ciphertext)}:${b64(tag)}`;
  }

  /** The plaintext, or undefined when the value was not sealed with this key or was altered. */
  open(sealed: string, { id, key }: DataKey): string | undefined {
    const [code, keyId, iv, ciphertext, tag] = sealed.slice(PREFIX.length).split(':');
    if (keyId !== id) return undefined;
    const [ivBytes, ctBytes, tagBytes, aad] = [Buffer.from(iv, 'base64url'), Buffer.from(ciphertext, 'base64url'), Buffer.from(tag, 'base64url'), Buffer.from(id, 'utf8')];
    try {
      if (code === CODES['sm4-gcm']) {
        const plain = sm4.decrypt(ctBytes, key, { mode: 'gcm', iv: ivBytes, associatedData: aad, tag: tagBytes, output: 'array' });
        return Buffer.from(plain).toString('utf8');
      }
      if (code !== CODES['aes-256-gcm']) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', key, ivBytes);
      decipher.setAAD(aad);
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(ctBytes), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
