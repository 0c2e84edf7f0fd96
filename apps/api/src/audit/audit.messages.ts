import { Query } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { EventMetadata } from '@sme/event-store';

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

export class VerifyChainsQuery extends Query<unknown> {}
