import type { CheckpointData } from './notary';

/** What the ledger signs at `position` (as many events as the position, over `streams` streams), before the time it is signed. */
export const aCheckpoint = (position: string, streams: number): Omit<CheckpointData, 'signedAt'> => ({
  position,
  globalHash: 'a'.repeat(64),
  merkleRoot: 'b'.repeat(64),
  events: Number(position),
  streams,
  hashAlgorithm: 'sha256',
  signatureAlgorithm: 'ed25519',
  keyId: 'c'.repeat(64),
  publicKey: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n',
  signature: 'c2lnbmF0dXJl',
  trigger: 'SCHEDULE',
});
