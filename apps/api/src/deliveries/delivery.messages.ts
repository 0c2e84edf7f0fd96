import { Query } from '@nestjs/cqrs';
import type { Actor, DeliveryCommand, FollowUpCommand, RegisterDelivery, ServingKind } from '@sme/domain';
import type { DeliveryFigures, DeliveryListFilter, DeliveryView, FollowUpListFilter, FollowUpView, PageRequest, PublicView, TimeSlice } from '@sme/read-models';
import type { EventEnvelopeView } from '../audit/audit.messages';
import type { ShownPage } from '../read-side/list-query';
import type { CommandBody } from '../commands/command-body';

type Of<C extends DeliveryCommand | FollowUpCommand, T extends C['type']> = Extract<C, { type: T }>['data'];

/** A registration as the request gives it: who serves and for whom by id; the ledger reads the rest from their records. */
export type RegisterDeliveryBody = {
  type: 'RegisterDelivery';
  data: Omit<RegisterDelivery['data'], 'server' | 'steward' | 'enterprise' | 'product' | 'facts' | 'fee'> & {
    server: { kind: ServingKind; id?: string };
    enterpriseId: string;
    productId?: string;
    fee: { kind?: string; amountFen: number };
  };
};
export type DeliverServiceBody = { type: 'DeliverService'; data: Omit<Of<DeliveryCommand, 'DeliverService'>, 'feedbackWindowDays' | 'autoConfirmDays' | 'returnVisitSampled'> };
export type ArchiveDeliveryBody = { type: 'ArchiveDelivery'; data: { deliveryId: string } };

export type DeliveryCommandBody =
  | RegisterDeliveryBody
  | DeliverServiceBody
  | ArchiveDeliveryBody
  | CommandBody<Exclude<DeliveryCommand, { type: 'RegisterDelivery' | 'DeliverService' | 'ArchiveDelivery' }>>;

export type EscalateFollowUpBody = { type: 'EscalateFollowUp'; data: { followUpId: string } };
export type FollowUpCommandBody = EscalateFollowUpBody | CommandBody<Exclude<FollowUpCommand, { type: 'EscalateFollowUp' }>>;

/** Deliveries or follow-ups, as the actor may read them. */
export class ListServiceRecordsQuery extends Query<ShownPage<PublicView<DeliveryView>> | ShownPage<PublicView<FollowUpView>>> {
  constructor(
    readonly list: { deliveries: DeliveryListFilter } | { followups: FollowUpListFilter },
    readonly sort: string | undefined,
    readonly page: PageRequest,
    readonly actor: Actor,
    readonly when?: TimeSlice,
  ) {
    super();
  }
}

type FiguresFilter = { serverKind?: ServingKind; serverId?: string; regionCode?: string; from: string; until: string };

/** Per organisation and period: deliveries, 家次, enterprises, ratings, 差评, follow-ups on time, 回访率, free share. */
export class DeliveryFiguresQuery extends Query<FiguresFilter & { figures: DeliveryFigures }> {
  constructor(
    readonly filter: FiguresFilter,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** What a dossier holds: the events in log order and the documents they fix. */
export interface DeliveryDossier {
  deliveryId: string;
  status: DeliveryView['status'];
  /** Archived (归档): nothing more will be added but a correction. */
  complete: boolean;
  followUpIds: string[];
  documents: DeliveryView['deliverables'];
  entries: EventEnvelopeView[];
}

/** 档案: the delivery's events and its follow-ups', in the order they were recorded, with the documents they fix. */
export class DeliveryDossierQuery extends Query<DeliveryDossier> {
  constructor(
    readonly deliveryId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
