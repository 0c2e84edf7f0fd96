import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { NOTARY_ID, notaryKind, type Actor, type CheckpointData, type SignCheckpoint } from '@sme/domain';
import { checkpointStatement, EVENT_LEDGER, GlobalChain, verifyCheckpoints, type CheckpointCheck, type EventStore, type SignedCheckpoint } from '@sme/event-store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ExecuteKindCommand, type KindCommands } from '../commands/kind-command';
import { ScheduledSweep } from '../commands/scheduled-sweep';
import { signerFromFile, type CheckpointSigner } from './checkpoint-signer';
import { ReadSide } from '../read-side/read-side.service';
import { ledgerActor } from '../reactors/reaction-context';

const notaryCommands: KindCommands<SignCheckpoint> = { kind: notaryKind, idOf: () => NOTARY_ID };

/** A stored checkpoint as the API gives it: what was signed, with the key, and where the event stands. */
export type Checkpoint = CheckpointData & { eventPosition: string };

/**
 * 存证检查点: on an interval (AUDIT_CHECKPOINT_INTERVAL_MS, when the log has moved since the last one)
 * and on demand, folds the whole log into the global chain, signs its state with the ledger's key
 * (Ed25519; SM2 under the 国密 profile), records it as ChainCheckpointSigned — which the relay
 * publishes — and appends it to AUDIT_CHECKPOINT_FILE, for copies outside the ledger. Verifies stored
 * and given checkpoints against the log with the same key.
 */
@Injectable()
export class Notary extends ScheduledSweep {
  private signer: CheckpointSigner | undefined;
  /** The chain folded so far, kept between runs: each run folds only what was appended since. */
  private readonly chain: GlobalChain;
  private folding: Promise<unknown> = Promise.resolve();

  constructor(commands: CommandBus, readSide: ReadSide, @Inject(APP_CONFIG) config: AppConfig, @Inject(EVENT_LEDGER) private readonly store: EventStore) {
    super(commands, readSide, config);
    // The profile is the store's: its chains' recorded hash decides the global chain's and the key's.
    this.chain = new GlobalChain(store.hashAlgorithm ?? 'sha256');
  }

  protected get intervalMs() {
    return this.config.audit.checkpointIntervalMs;
  }

  /** The scheduled run: a checkpoint when the log has moved past the last one's own event. */
  async run(): Promise<Checkpoint | null> {
    const [last] = await this.store.readStream(notaryKind.streamId(NOTARY_ID), { direction: 'backwards', maxCount: 1 });
    const head = await this.store.headPosition();
    if (head === 0n || (last !== undefined && last.position >= head)) return null;
    return this.sign('SCHEDULE', ledgerActor('notary', 'ADMIN', '440000'));
  }

  /** Folds the log to its head, signs that state and records it; refused (409) when it is not after the last checkpoint. */
  async sign(trigger: 'SCHEDULE' | 'ON_DEMAND', actor: Actor): Promise<Checkpoint> {
    const state = await this.foldToHead();
    const signer = this.signingKey();
    const data = {
      ...state,
      position: state.position.toString(10),
      signatureAlgorithm: signer.algorithm,
      keyId: signer.keyId,
      publicKey: signer.publicKeyPem,
      signature: signer.sign(checkpointStatement(state)),
      trigger,
    };
    const ctx = { actor, occurredAt: new Date(), correlationId: randomUUID(), causationId: null };
    const result = await this.commands.execute(new ExecuteKindCommand(notaryCommands, { type: 'SignCheckpoint', data }, ctx));
    const checkpoint: Checkpoint = { ...data, signedAt: ctx.occurredAt.toISOString(), eventPosition: result.position ?? '' };
    this.export(checkpoint);
    new Logger('Notary').log(`checkpoint signed at position ${checkpoint.position} (${checkpoint.events} events, ${checkpoint.streams} streams)`);
    return checkpoint;
  }

  /** Every stored checkpoint, oldest first. */
  async checkpoints(): Promise<Checkpoint[]> {
    const events = await this.store.readStream(notaryKind.streamId(NOTARY_ID));
    return events.map((e) => ({ ...(e.data as CheckpointData), eventPosition: e.position.toString(10) }));
  }

  /** Whether a checkpoint's signature is the ledger's key's over its statement. */
  signatureHolds(statement: string, c: SignedCheckpoint): boolean {
    const signer = this.signingKey();
    return c.keyId === signer.keyId && c.signatureAlgorithm === signer.algorithm && signer.verify(statement, c.signature);
  }

  /** Checks checkpoints against the log as it is now: the signature with the ledger's key, then the state at each position. */
  async verify(checkpoints: readonly SignedCheckpoint[]): Promise<CheckpointCheck[]> {
    if (checkpoints.length === 0) return [];
    return verifyCheckpoints((after, maxCount) => this.store.readAll({ after, maxCount }), checkpoints, (statement, c) => this.signatureHolds(statement, c));
  }

  /** The ledger's public key, for whoever keeps checkpoints outside it. */
  publicKey(): { keyId: string; algorithm: CheckpointSigner['algorithm']; publicKey: string } {
    const { keyId, algorithm, publicKeyPem } = this.signingKey();
    return { keyId, algorithm, publicKey: publicKeyPem };
  }

  private async foldToHead() {
    // One fold at a time: the chain is this process's running state.
    const fold = this.folding.then(async () => {
      for (;;) {
        const page = await this.store.readAll({ after: this.chain.state().position, maxCount: 1000 });
        if (page.length === 0) return this.chain.state();
        for (const event of page) this.chain.add(event);
      }
    });
    this.folding = fold.catch(() => undefined);
    return fold;
  }

  private signingKey(): CheckpointSigner {
    if (this.signer) return this.signer;
    const file = this.config.audit.signingKeyFile;
    const { signer, made } = signerFromFile(file, this.chain.algorithm);
    if (made) new Logger('Notary').warn(`made a new ${signer.algorithm} checkpoint signing key at ${file}: keep it safe, and its public key outside the ledger`);
    this.signer = signer;
    return signer;
  }

  /** One JSON line per checkpoint, for a copy outside the ledger; a failure to write is logged, not fatal. */
  private export(checkpoint: Checkpoint): void {
    try {
      mkdirSync(dirname(this.config.audit.checkpointFile), { recursive: true });
      appendFileSync(this.config.audit.checkpointFile, `${JSON.stringify(checkpoint)}\n`);
    } catch (error) {
      new Logger('Notary').warn(`could not append the checkpoint to ${this.config.audit.checkpointFile}: ${String(error)}`);
    }
  }
}
