import type { RecordLabel } from '../shared/record-kind';
import { assertNever, type Decider, type DomainCommand } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { at, closed, integer, matching, oneOf, text } from '../shared/schema/builders';
import type { EventOf, EventsByType, EventSpecs } from '../shared/schema/event-spec';

/** How notary checkpoint records are named when one is missing. */
export const NOTARY_CHECKPOINT_RECORD: RecordLabel = { code: 'NOTARY_CHECKPOINT', zh: '存证检查点', en: 'notary checkpoint' };

/** The one stream of the ledger's signed checkpoints. */
export const NOTARY_ID = 'checkpoints';

const hex = (description: string) => matching('^[0-9a-f]{64}$', description);

/**
 * 存证检查点: where the whole log stood at a position — its global hash (every event folded in log
 * order), the Merkle root of every stream's head, the counts — signed with the ledger's key. Kept as
 * events of `notary-checkpoints` and published, so that copies outside the ledger (a file, a Kafka
 * topic, a trusted timestamp) can later prove what the log held.
 */
export const NOTARY_EVENTS = {
  ChainCheckpointSigned: {
    version: 1,
    action: 'checkpoint-signed',
    title: 'Chain checkpoint signed (存证检查点)',
    summary: 'The ledger signed where its log stood at a position: the global hash, the Merkle root of the stream heads and the counts.',
    payload: closed({
      position: matching('^[1-9][0-9]*$', 'The log position covered: every event up to it, none after (decimal)'),
      globalHash: hex('The global hash at that position'),
      merkleRoot: hex('The Merkle root of every stream’s head (revision and hash) at that position'),
      events: integer(1, undefined, 'Events up to the position'),
      streams: integer(1, undefined, 'Streams up to the position'),
      hashAlgorithm: oneOf(['sha256', 'sm3'] as const, 'The hash of the chains: SHA-256, or SM3 under the 国密 profile'),
      signatureAlgorithm: oneOf(['ed25519', 'sm2'] as const, 'The signature: Ed25519, or SM2 under the 国密 profile'),
      keyId: hex('The chain hash (SHA-256, or SM3) of the signing key’s public key (SPKI, DER)'),
      publicKey: text('The signing key’s public key, SPKI PEM: what a copy outside the ledger verifies with'),
      signature: matching('^[A-Za-z0-9+/]+={0,2}$', 'The signature over the checkpoint’s statement (base64)'),
      trigger: oneOf(['SCHEDULE', 'ON_DEMAND'] as const, 'Signed on the ledger’s schedule, or asked for'),
      signedAt: at('When it was signed'),
    }),
  },
} satisfies EventSpecs;

export type NotaryEvent = EventOf<typeof NOTARY_EVENTS>;
export type NotaryEvents = EventsByType<typeof NOTARY_EVENTS>;
export type CheckpointData = NotaryEvents['ChainCheckpointSigned']['data'];

/** Computed and signed by the ledger's notary; the decider keeps the checkpoints moving forward. */
export type SignCheckpoint = DomainCommand<'SignCheckpoint', Omit<CheckpointData, 'signedAt'>>;

export type NotaryState = { status: 'NONE' | 'SIGNING'; lastPosition: bigint | null; checkpoints: number };

function decide(command: SignCheckpoint, state: NotaryState): NotaryEvent[] {
  const position = BigInt(command.data.position);
  if (state.lastPosition !== null && position <= state.lastPosition) {
    throw conflict('CHECKPOINT_NOT_NEWER', `检查点位置 ${position} 不晚于上一检查点 ${state.lastPosition}`, `The checkpoint at ${position} is not after the last one, at ${state.lastPosition}`);
  }
  return [{ type: 'ChainCheckpointSigned', data: { ...command.data, signedAt: command.metadata.now.toISOString() } }];
}

function evolve(state: NotaryState, event: NotaryEvent): NotaryState {
  switch (event.type) {
    case 'ChainCheckpointSigned':
      return { status: 'SIGNING', lastPosition: BigInt(event.data.position), checkpoints: state.checkpoints + 1 };
    default:
      return assertNever(event.type);
  }
}

export const notaryDecider: Decider<SignCheckpoint, NotaryState, NotaryEvent> = {
  initialState: () => ({ status: 'NONE', lastPosition: null, checkpoints: 0 }),
  evolve,
  decide,
};
