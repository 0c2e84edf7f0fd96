import { Query } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { BrokenLink, CheckpointCheck, EventMetadata } from '@sme/event-store';

/** An event as auditors see it: the whole envelope, bigints as JSON-safe values. */
export interface EventEnvelopeView {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  revision: number;
  position: string;
  occurredAt: string;
  recordedAt: string;
  metadata: EventMetadata;
  data: Record<string, unknown>;
  hash: string;
  previousHash: string | null;
}

export class GetStreamEventsQuery extends Query<{ streamId: string; events: EventEnvelopeView[] }> {
  constructor(
    readonly streamId: string,
    /** Who reads: an auditor reads the streams of records inside its region. */
    readonly actor: Actor,
    readonly fromRevision?: number,
    readonly direction: 'forwards' | 'backwards' = 'forwards',
    readonly limit?: number,
    /** `kept`: the events exactly as stored (personal fields sealed), the form their hashes cover. */
    readonly form: 'read' | 'kept' = 'read',
  ) {
    super();
  }
}

/** The signed checkpoints as checked against the log: how many, the latest, and each that failed with its problem. */
export interface CheckpointsVerified {
  checked: number;
  latest: { position: string; signedAt: string } | null;
  failures: CheckpointCheck[];
}

/**
 * The whole log's verification: every stream's chain intact (else the first broken link) and every
 * signed checkpoint matching the log (else each that fails); `ok` only when both hold.
 */
export type ChainsVerified =
  | { ok: boolean; eventsChecked: number; streamsChecked: number; verifiedAt: string; checkpoints: CheckpointsVerified }
  | { ok: false; eventsChecked: number; verifiedAt: string; firstBroken: Omit<BrokenLink, 'revision' | 'position'> & { revision: number; position: string }; checkpoints: CheckpointsVerified };

export class VerifyChainsQuery extends Query<ChainsVerified> {}
