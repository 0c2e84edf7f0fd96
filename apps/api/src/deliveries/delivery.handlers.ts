import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { deliveryKind, followUpKind } from '@sme/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@sme/event-store';
import { deliveryFigures, listDeliveries, listFollowUps } from '@sme/read-models';
import { toEnvelopeView } from '../audit/audit.handlers';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { RecordLoader } from '../records/record-loader';
import { followUpIdFor } from './delivery.commands';
import { scopeServiceFilter } from './delivery-access';
import { deliveryReading } from './delivery.reading';
import { DeliveryDossierQuery, DeliveryFiguresQuery, ListDeliveriesQuery, ListFollowUpsQuery } from './delivery.messages';

const DELIVERIES = { zh: '服务项目', en: 'deliveries' };
const FOLLOW_UPS = { zh: '差评跟进', en: 'follow-ups' };

@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListDeliveriesQuery) {
    const scoped = scopeServiceFilter(actor, filter, DELIVERIES);
    return listResult(() => listDeliveries(this.readSide.reader, scoped, sort, page));
  }
}

@QueryHandler(ListFollowUpsQuery)
export class ListFollowUpsHandler implements IQueryHandler<ListFollowUpsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListFollowUpsQuery) {
    const scoped = scopeServiceFilter(actor, filter, FOLLOW_UPS);
    return listResult(() => listFollowUps(this.readSide.reader, scoped, sort, page));
  }
}

@QueryHandler(DeliveryFiguresQuery)
export class DeliveryFiguresHandler implements IQueryHandler<DeliveryFiguresQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, actor }: DeliveryFiguresQuery) {
    const scoped = scopeServiceFilter(actor, filter, DELIVERIES);
    await this.readSide.requireCurrent(['deliveries', 'followups']);
    return { ...filter, figures: await deliveryFigures(this.readSide.reader, scoped) };
  }
}

@QueryHandler(DeliveryDossierQuery)
export class DeliveryDossierHandler implements IQueryHandler<DeliveryDossierQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly records: RecordLoader,
  ) {}

  async execute({ deliveryId, actor }: DeliveryDossierQuery) {
    const { project, missing, forbidden, mayRead } = deliveryReading;
    const view = await this.records.view(deliveryKind, project, deliveryId, { missing, forbidden, mayRead: (v) => mayRead!(actor, v, this.records) });
    const state = await this.records.state(deliveryKind, deliveryId);
    const causes = state.status === 'NONE' ? [] : state.followUpCauses;
    const streams: RecordedEvent[][] = [await this.store.readStream(deliveryKind.streamId(deliveryId))];
    for (const { revision } of causes) streams.push(await this.store.readStream(followUpKind.streamId(followUpIdFor(deliveryId, revision))));
    const entries = streams.flat().sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    return {
      deliveryId,
      status: view.status,
      complete: view.status === 'ARCHIVED',
      followUpIds: causes.map(({ revision }) => followUpIdFor(deliveryId, revision)),
      documents: view.deliverables,
      entries: entries.map(toEnvelopeView),
    };
  }
}
