import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound, regionNameZh, type Actor } from '@sme/domain';
import { EVENT_LEDGER, EVENT_STORE, verifyAll, type EventStore, type RecordedEvent } from '@sme/event-store';
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

  /** Every stream's chain, then every signed checkpoint against the whole log. */
  async execute(): Promise<ChainsVerified> {
    const result = await verifyAll(this.store);
    const verifiedAt = new Date().toISOString();
    const stored = await this.notary.checkpoints();
    const checks = await this.notary.verify(stored);
    const last = stored[stored.length - 1];
    const checkpoints = {
      checked: checks.length,
      latest: last === undefined ? null : { position: last.position, signedAt: last.signedAt },
      failures: checks.filter((c) => !c.ok),
    };
    if (result.ok) return { ...result, ok: checkpoints.failures.length === 0, verifiedAt, checkpoints };
    const { firstBroken } = result;
    return {
      ok: false,
      eventsChecked: result.eventsChecked,
      verifiedAt,
      firstBroken: { ...firstBroken, revision: Number(firstBroken.revision), position: firstBroken.position.toString() },
      checkpoints,
    };
  }
}
