import { Query } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { BrokenLink, EventMetadata } from '@sme/event-store';

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
  ) {
    super();
  }
}

/** The whole log's verification: every chain intact, or the first broken link. */
export type ChainsVerified =
  | { ok: true; eventsChecked: number; streamsChecked: number; verifiedAt: string }
  | { ok: false; eventsChecked: number; verifiedAt: string; firstBroken: Omit<BrokenLink, 'revision' | 'position'> & { revision: number; position: string } };

export class VerifyChainsQuery extends Query<ChainsVerified> {}
