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
export type ChainsVerified = {
  ok: boolean;
  /** `incremental`: only the events appended since the last verification were read; `full`: the whole log. */
  mode: 'incremental' | 'full';
  /** The log position verified before this run, and up to now (decimal). */
  from: string;
  position: string;
  /** Events checked in this run, and since the whole log was last read. */
  eventsChecked: number;
  eventsVerified: number;
  streamsChecked: number;
  verifiedAt: string;
  checkpoints: CheckpointsVerified;
  /** The first broken link of a stream's chain. */
  firstBroken?: Omit<BrokenLink, 'revision' | 'position'> & { revision: number; position: string };
  /** The log ends before what was verified: events were removed from its end. */
  logShrank?: { verifiedUpTo: string; head: string };
};

/** With `full`, the whole log is read again (else only what was appended since the last verification). */
export class VerifyChainsQuery extends Query<ChainsVerified> {
  constructor(readonly full = false) {
    super();
  }
}
