import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound, type Actor } from '@sme/domain';
import { EVENT_LEDGER, EVENT_STORE, verifyChain, type CheckpointCheck, type EventStore, type RecordedEvent } from '@sme/event-store';
import { readsRegion } from '../records/read-scope';
import { streamReadForbidden, toEnvelopeView } from './audit.handlers';
import type { EventEnvelopeView } from './audit.messages';
import { DossierScope, documentsOf, type DossierSubject } from './dossier-scope';
import { Notary, type Checkpoint } from './notary';
import { regionOfStream } from './stream-region';

/** What of a dossier is asked: a business-time window, event types, one correlation. */
export interface DossierFilter {
  from?: string;
  until?: string;
  types?: string[];
  correlationId?: string;
}

/** An organisation's whole dossier: every event about it across the ledger's streams, in log order. */
export interface Dossier {
  subject: { kind: DossierSubject; id: string };
  filter: DossierFilter;
  streams: { streamId: string; events: number }[];
  total: number;
  events: EventEnvelopeView[];
}

/** The dossier with what proves it: each stream's chain, the latest checkpoint against the log, and the documents the events fix. */
export interface AuditPackage extends Dossier {
  generatedAt: string;
  verification: {
    /** Each stream's whole chain, recomputed (not only the events the filter kept). */
    streams: { streamId: string; ok: boolean; eventsChecked: number; problem: string | null }[];
    /** The latest signed checkpoint, checked against the whole log; null when none is signed yet. */
    checkpoint: { checkpoint: Checkpoint; check: CheckpointCheck } | null;
  };
  documents: { sha256: string; fileName: string | null; streamId: string; eventId: string; type: string }[];
}

export class DossierQuery extends Query<Dossier | AuditPackage> {
  constructor(
    readonly subject: DossierSubject,
    readonly id: string,
    readonly filter: DossierFilter,
    readonly actor: Actor,
    readonly asPackage: boolean,
  ) {
    super();
  }
}

const PAGE = 1000;

@QueryHandler(DossierQuery)
export class DossierHandler implements IQueryHandler<DossierQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_LEDGER) private readonly ledger: EventStore,
    private readonly notary: Notary,
  ) {}

  async execute({ subject, id, filter, actor, asPackage }: DossierQuery): Promise<Dossier | AuditPackage> {
    const [first] = await this.store.readStream(`${subject}-${id}`, { maxCount: 1 });
    if (first === undefined) throw notFound('DOSSIER_SUBJECT_NOT_FOUND', `${subject} ${id} 不存在`, `There is no ${subject} ${id}`);
    if (!readsRegion(actor, regionOfStream(first))) throw streamReadForbidden(actor);

    // Two passes: the first finds the streams (a record's early events are kept once it names the subject), the second takes the events.
    const scope = new DossierScope(subject, id);
    await this.eachEvent((event) => scope.learn(event));
    scope.finish();
    const events: RecordedEvent[] = [];
    await this.eachEvent((event) => {
      if (scope.holds(event) && matches(event, filter)) events.push(event);
    });
    const counts = new Map<string, number>();
    for (const event of events) counts.set(event.streamId, (counts.get(event.streamId) ?? 0) + 1);
    const dossier: Dossier = {
      subject: { kind: subject, id },
      filter,
      streams: [...counts].map(([streamId, n]) => ({ streamId, events: n })),
      total: events.length,
      events: events.map(toEnvelopeView),
    };
    return asPackage ? this.packaged(dossier, events) : dossier;
  }

  /**
   * The package leaves the ledger: its events are as kept (personal fields sealed), so anyone can
   * recompute their hashes and nobody reads personal data from it.
   */
  private async packaged(dossier: Dossier, events: RecordedEvent[]): Promise<AuditPackage> {
    const algorithm = this.ledger.hashAlgorithm ?? 'sha256';
    const streams = [];
    const kept = new Map<string, RecordedEvent>();
    for (const { streamId } of dossier.streams) {
      const stream = await this.ledger.readStream(streamId);
      for (const event of stream) kept.set(event.id, event);
      const result = verifyChain(stream, algorithm);
      streams.push({ streamId, ok: result.ok, eventsChecked: result.eventsChecked, problem: result.ok ? null : result.firstBroken.problem });
    }
    dossier = { ...dossier, events: events.map((event) => toEnvelopeView(kept.get(event.id) ?? event)) };
    const stored = await this.notary.checkpoints();
    const latest = stored[stored.length - 1];
    const checkpoint = latest === undefined ? null : { checkpoint: latest, check: (await this.notary.verify([latest]))[0] };
    const documents = events.flatMap((event) => documentsOf(event).map((d) => ({ ...d, streamId: event.streamId, eventId: event.id, type: event.type })));
    return { ...dossier, generatedAt: new Date().toISOString(), verification: { streams, checkpoint }, documents };
  }

  private async eachEvent(visit: (event: RecordedEvent) => void): Promise<void> {
    let after: bigint | undefined;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: PAGE });
      if (page.length === 0) return;
      for (const event of page) visit(event);
      after = page[page.length - 1].position;
    }
  }
}

function matches(event: RecordedEvent, filter: DossierFilter): boolean {
  const at = Date.parse(event.metadata.occurredAt);
  if (filter.from !== undefined && at < Date.parse(filter.from)) return false;
  if (filter.until !== undefined && at > Date.parse(filter.until)) return false;
  if (filter.types !== undefined && !filter.types.includes(event.type)) return false;
  if (filter.correlationId !== undefined && event.metadata.correlationId !== filter.correlationId) return false;
  return true;
}
