import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { NOTARY_ID, notaryKind } from '@sme/domain';
import { checkpointStatement, GlobalChain, type EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { ADMIN } from '@sme/event-store/testing/history-actors';

/** 存证检查点, written through the decider: the log so far folded, signed with a fresh Ed25519 key, recorded. */
export async function writeNotaryHistory(store: EventStore): Promise<void> {
  const chain = new GlobalChain('sha256');
  for (const event of await store.readAll({ maxCount: 1_000_000 })) chain.add(event);
  const state = chain.state();
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  await commandRunner(store).run(notaryKind, NOTARY_ID, ADMIN, '2026-12-05T10:00:00+08:00', 'SignCheckpoint', {
    ...state,
    position: state.position.toString(),
    signatureAlgorithm: 'ed25519',
    keyId: createHash('sha256').update(der).digest('hex'),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    signature: sign(null, Buffer.from(checkpointStatement(state)), privateKey).toString('base64'),
    trigger: 'ON_DEMAND',
  });
}
