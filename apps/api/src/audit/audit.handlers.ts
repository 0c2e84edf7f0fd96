import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound, regionNameZh, type Actor } from '@sme/domain';
import { EVENT_LEDGER, EVENT_STORE, LedgerVerifier, type EventStore, type RecordedEvent } from '@sme/event-store';
import { ApiError } from '../http/api-error';
import { readsRegion } from '../records/read-scope';
import { Notary } from './notary';
import { GetStreamEventsQuery, VerifyChainsQuery, type ChainsVerified, type EventEnvelopeView } from './audit.messages';
import { regionOfStream } from './stream-region';

export const streamReadForbidden = (actor: Actor) =>
  ApiError.forbidden(
    'REGION_NOT_PERMITTED',
    `该事件流所属记录不在您的管辖范围（${regionNameZh(actor.regionCode)}）内`,
    `The stream's record lies outside the actor's region ${actor.regionCode}`,
  );

export function toEnvelopeView(event: RecordedEvent): EventEnvelopeView {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: event.position.toString(),
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    metadata: event.metadata,
    data: event.data,
    hash: event.hash,
    previousHash: event.previousHash,
  };
}

@QueryHandler(GetStreamEventsQuery)
export class GetStreamEventsHandler implements IQueryHandler<GetStreamEventsQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_LEDGER) private readonly ledger: EventStore,
  ) {}

  async execute({ streamId, actor, fromRevision, direction, limit, form }: GetStreamEventsQuery) {
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    if (first !== undefined && !readsRegion(actor, regionOfStream(first))) throw streamReadForbidden(actor);
    const events = await (form === 'kept' ? this.ledger : this.store).readStream(streamId, {
      direction,
      ...(fromRevision !== undefined ? { fromRevision: BigInt(fromRevision) } : {}),
      ...(limit !== undefined ? { maxCount: limit } : {}),
    });
    if (events.length === 0 && fromRevision === undefined) {
      throw notFound('STREAM_NOT_FOUND', `事件流 ${streamId} 不存在`, `Stream ${streamId} does not exist`);
    }
    return { streamId, events: events.map(toEnvelopeView) };
  }
}

@QueryHandler(VerifyChainsQuery)
export class VerifyChainsHandler implements IQueryHandler<VerifyChainsQuery> {
  constructor(
    // The events as kept: the chains cover the sealed personal fields, not their plaintext.
    @Inject(EVENT_LEDGER) private readonly store: EventStore,
    private readonly notary: Notary,
  ) {}

  /** The running verification: the first run after a start (or a full one) reads the whole log. */
  private verifier: LedgerVerifier | null = null;
  private running: Promise<unknown> = Promise.resolve();

  /** Every stream's chain, then every signed checkpoint at its position; incremental unless `full`. */
  execute({ full }: VerifyChainsQuery): Promise<ChainsVerified> {
    const run = this.running.then(() => this.verify(full));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async verify(full: boolean): Promise<ChainsVerified> {
    const verifier = full || !this.verifier ? new LedgerVerifier(this.store.hashAlgorithm ?? 'sha256') : this.verifier;
    const stored = await this.notary.checkpoints();
    const head = await this.store.headPosition();
    const result = await verifier.verify((after, maxCount) => this.store.readAll({ after, maxCount }), head, stored, (statement, c) => this.notary.signatureHolds(statement, c));
    this.verifier = verifier;
    const last = stored[stored.length - 1];
    const { firstBroken, logShrank } = result;
    return {
      ok: result.ok,
      mode: result.mode,
      from: result.from.toString(),
      position: result.position.toString(),
      eventsChecked: result.eventsChecked,
      eventsVerified: result.eventsVerified,
      streamsChecked: result.streamsChecked,
      verifiedAt: new Date().toISOString(),
      checkpoints: {
        checked: result.checkpoints.length,
        latest: last === undefined ? null : { position: last.position, signedAt: last.signedAt },
        failures: result.checkpoints.filter((c) => !c.ok),
      },
      ...(firstBroken ? { firstBroken: { ...firstBroken, revision: Number(firstBroken.revision), position: firstBroken.position.toString() } } : {}),
      ...(logShrank ? { logShrank: { verifiedUpTo: logShrank.verifiedUpTo.toString(), head: logShrank.head.toString() } } : {}),
    };
  }
}
