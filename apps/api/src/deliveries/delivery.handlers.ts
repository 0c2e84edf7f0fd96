import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { deliveryKind, followUpKind } from '@sme/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@sme/event-store';
import { deliveryFigures, listDeliveries, listFollowUps } from '@sme/read-models';
import { toEnvelopeView } from '../audit/audit.handlers';
import { ApiError } from '../http/api-error';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { RecordLoader } from '../records/record-loader';
import { followUpIdFor } from './delivery.commands';
import { scopeServiceFilter } from './delivery-access';
import { deliveryReading } from './delivery.reading';
import { DeliveryDossierQuery, DeliveryFiguresQuery, ListServiceRecordsQuery } from './delivery.messages';

const DELIVERIES = { zh: '服务项目', en: 'deliveries' };
const FOLLOW_UPS = { zh: '差评跟进', en: 'follow-ups' };

@QueryHandler(ListServiceRecordsQuery)
export class ListServiceRecordsHandler implements IQueryHandler<ListServiceRecordsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ list, sort, page, actor, when }: ListServiceRecordsQuery) {
    if ('deliveries' in list) {
      const scoped = scopeServiceFilter(actor, list.deliveries, DELIVERIES);
      return this.readSide.at(when, actor, (reader) => listResult(() => listDeliveries(reader, scoped, sort, page)));
    }
    const scoped = scopeServiceFilter(actor, list.followups, FOLLOW_UPS);
    return this.readSide.at(when, actor, (reader) => listResult(() => listFollowUps(reader, scoped, sort, page)));
  }
}

@QueryHandler(DeliveryFiguresQuery)
export class DeliveryFiguresHandler implements IQueryHandler<DeliveryFiguresQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, actor }: DeliveryFiguresQuery) {
    // Figures describe the serving organisations: theirs to read, and their overseers'; not an enterprise's.
    if (actor.role === 'ENTERPRISE') throw ApiError.forbidden('FIGURES_READ_FORBIDDEN', '企业不能查看服务机构的服务统计', 'An enterprise may not read the serving organisations’ figures');
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
