import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChainHashAlgorithm } from '@sme/event-store';
import { sm2 } from 'sm-crypto-v2';

/**
 * What signs and checks the ledger's checkpoints: Ed25519 for SHA-256 chains; SM2 (GB/T 32918.2, with
 * the default user ID 1234567812345678 and SM3) for SM3 chains under the 国密 profile. Node signs
 * Ed25519; for SM2 it offers only ECDSA on the SM2 curve, so SM2 comes from sm-crypto-v2.
 */
export interface CheckpointSigner {
  algorithm: 'ed25519' | 'sm2';
  /** The chain hash of the public key's SPKI DER (hex). */
  keyId: string;
  publicKeyPem: string;
  /** Base64 (SM2: the DER-encoded r and s). */
  sign(statement: string): string;
  verify(statement: string, signature: string): boolean;
}

/** The SM2 curve's object identifier (1.2.156.10197.1.301) as it stands in a key's DER. */
const SM2_CURVE_OID = Buffer.from('06082a811ccf5501822d', 'hex');

export const signatureAlgorithmFor = (chain: ChainHashAlgorithm): CheckpointSigner['algorithm'] => (chain === 'sm3' ? 'sm2' : 'ed25519');

/** Makes a key for the chain's profile as PKCS#8 PEM (what openssl and Node read). */
export function newSigningKeyPem(chain: ChainHashAlgorithm): string {
  const { privateKey } = signatureAlgorithmFor(chain) === 'sm2' ? generateKeyPairSync('ec', { namedCurve: 'SM2' }) : generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The signer of a PKCS#8 PEM key, which must be of the chain's profile. */
export function signerOf(pem: string | Buffer, chain: ChainHashAlgorithm): CheckpointSigner {
  const algorithm = signatureAlgorithmFor(chain);
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const held = privateKey.asymmetricKeyType === 'ed25519' ? 'ed25519' : spki.includes(SM2_CURVE_OID) ? 'sm2' : String(privateKey.asymmetricKeyType);
  if (held !== algorithm) throw new Error(`the checkpoint signing key must be ${algorithm} for ${chain} chains, not ${held}`);
  const common = { algorithm, keyId: createHash(chain).update(spki).digest('hex'), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  return algorithm === 'ed25519' ? { ...common, ...ed25519(privateKey, publicKey) } : { ...common, ...sm2Of(privateKey, spki) };
}

/** The signer of the key in `file`, made there (mode 0600) when absent; `made` says whether it was. */
export function signerFromFile(file: string, chain: ChainHashAlgorithm): { signer: CheckpointSigner; made: boolean } {
  const made = !existsSync(file);
  if (made) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, newSigningKeyPem(chain), { mode: 0o600, flag: 'wx' });
  }
  return { signer: signerOf(readFileSync(file), chain), made };
}

function ed25519(privateKey: KeyObject, publicKey: KeyObject): Pick<CheckpointSigner, 'sign' | 'verify'> {
  return {
    sign: (statement) => sign(null, Buffer.from(statement), privateKey).toString('base64'),
    verify: (statement, signature) => {
      try {
        return verify(null, Buffer.from(statement), publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

function sm2Of(privateKey: KeyObject, spki: Buffer): Pick<CheckpointSigner, 'sign' | 'verify'> {
  // PKCS#8 wraps SEC1's ECPrivateKey { version 1, privateKey OCTET STRING (32) … }; the point ends the SPKI.
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  const at = pkcs8.indexOf(Buffer.from('0201010420', 'hex'));
  if (at < 0) throw new Error('the SM2 signing key is not a PKCS#8 EC private key');
  const d = pkcs8.subarray(at + 5, at + 37).toString('hex');
  const point = spki.subarray(spki.length - 65).toString('hex');
  return {
    sign: (statement) => Buffer.from(sm2.doSignature(statement, d, { hash: true, der: true, publicKey: point }), 'hex').toString('base64'),
    verify: (statement, signature) => {
      try {
        return sm2.doVerifySignature(statement, Buffer.from(signature, 'base64').toString('hex'), point, { hash: true, der: true });
      } catch {
        return false;
      }
    },
  };
}
