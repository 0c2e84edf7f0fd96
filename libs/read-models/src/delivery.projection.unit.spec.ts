import * as fixture from '@sme/domain/delivery/delivery.fixtures';
import type { DeliveryEvent, DeliveryEvents } from '@sme/domain/delivery/delivery.events';
import { deliveryKind } from '@sme/domain/delivery/delivery.kind';
import { followUpKind } from '@sme/domain/follow-up/follow-up.kind';
import { deliveryBlanks, type DeliveryView } from './delivery.projection';
import { deliveriesProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { eventLog, fixtureRecorder, givenEvents } from './testing/projection-gwt';

const { archived, confirmed, delivered, deliveredWith, DELIVERY_ID, disputed } = fixture;
const { providerStaff, ratedWith, registered, registration, servedEnterprise, started, steward, visited } = fixture;

const GZ = '440100';
/** The registration as the view copies it (without the facts the handler gathered, and the id it keeps as `id`). */
const { facts: _facts, deliveryId: _id, demandId: _demand, product: _product, staffHours: _hours, ...fromRegistration } = registration;

/** The fixture delivery's stream: each fixture event recorded in turn, by the party that acts. */
function aDelivery(deliveryId = DELIVERY_ID, log = eventLog()) {
  return { log, record: fixtureRecorder<DeliveryEvent>(log, deliveryKind.streamId(deliveryId), { deliveryId }, providerStaff) };
}

const amendedTo = (rating: number): DeliveryEvent => ({
  type: 'DeliveryRatingAmended',
  data: { deliveryId: DELIVERY_ID, feedback: { rating, comment: rating <= 2 ? '补充对接的银行也未放款' : '补充对接后满意' }, amendedAt: '2026-03-25T02:00:00.000Z' },
});
const progressNoted: DeliveryEvent = { type: 'DeliveryProgressNoted', data: { deliveryId: DELIVERY_ID, note: '已完成财务报表梳理', notedAt: '2026-03-05T02:00:00.000Z' } };
const cancelled: DeliveryEvent = { type: 'DeliveryCancelled', data: { deliveryId: DELIVERY_ID, reason: '企业另行委托', cancelledAt: '2026-03-04T02:00:00.000Z' } };
const complained: DeliveryEvent = { type: 'DeliveryComplaintLodged', data: { deliveryId: DELIVERY_ID, complaint: '服务人员多次迟到', lodgedAt: '2026-03-13T02:00:00.000Z' } };
const confirmedAutomatically: DeliveryEvent = {
  type: 'DeliveryConfirmed',
  data: { deliveryId: DELIVERY_ID, by: { kind: 'AUTOMATIC', afterDays: 7 }, confirmedAt: '2026-03-17T16:00:00.000Z' },
};
const corrected: DeliveryEvent = {
  type: 'DeliveryCorrected',
  data: { deliveryId: DELIVERY_ID, changes: { title: '中小企业融资诊断服务', outcome: '获得银行授信160万元' }, reason: '授信金额登记有误', correctedAt: '2026-05-06T02:00:00.000Z' },
};

const REGISTERED_VIEW: Omit<DeliveryView, '_position' | 'revision' | 'updatedAt'> = {
  _id: DELIVERY_ID,
  id: DELIVERY_ID,
  status: 'REGISTERED',
  ...fromRegistration,
  demandId: null,
  product: null,
  staffHours: null,
  cityCode: GZ,
  registeredAt: '2026-03-02T01:00:00.000Z',
  ...deliveryBlanks(),
};

/** What the fixture delivery's DeliveryDelivered sets, the 回访 sample aside. */
const DELIVERED_FIELDS: Pick<DeliveryView, 'status' | 'deliveredOn' | 'outcome' | 'deliverables' | 'feedbackClosesOn' | 'confirmableAutomaticallyFrom'> = {
  status: 'DELIVERED',
  deliveredOn: '2026-03-10',
  outcome: '获得银行授信150万元',
  deliverables: [{ title: '融资诊断报告', sha256: 'a'.repeat(64) }],
  feedbackClosesOn: '2026-04-09',
  confirmableAutomaticallyFrom: '2026-03-17',
};

describe('deliveries projection', () => {
  it('DeliveryRegistered: registered, nulls for all that has not happened yet, its city beside its district', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection).when(d.record(registered)).then(REGISTERED_VIEW);
  });

  it('DeliveryRegistered from a demand and a product, with hours: all three kept', () => {
    const d = aDelivery();
    const product = { productId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', version: 2, item: '融资诊断', feeKind: 'LOW_FEE' as const, priceFen: 200000 };
    const demandId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    const data = registered.data as DeliveryEvents['DeliveryRegistered']['data'];
    const event: DeliveryEvent = { type: 'DeliveryRegistered', data: { ...data, demandId, product, staffHours: 12.5 } };
    givenEvents(deliveriesProjection).when(d.record(event)).then({ ...REGISTERED_VIEW, demandId, product, staffHours: 12.5 });
  });

  it('DeliveryStarted: in progress from its day', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered)])
      .when(d.record(started))
      .then((before) => ({ ...before, status: 'IN_PROGRESS', startedOn: '2026-03-03' }));
  });

  it('DeliveryProgressNoted: counted, the stage unchanged', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered), d.record(started), d.record(progressNoted)])
      .when(d.record(progressNoted))
      .then((before) => ({ ...before, progressNotes: 2 }));
  });

  it('DeliveryDelivered: the day, outcome, documents, the feedback window and automatic confirmation; not sampled, no 回访 needed', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered), d.record(started)])
      .when(d.record(delivered))
      .then((before) => ({ ...before, ...DELIVERED_FIELDS, returnVisitSampled: false, returnVisitRequired: false }));
  });

  it('DeliveryDelivered, drawn in the 回访 sample: a 回访 is required', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered), d.record(started)])
      .when(d.record(deliveredWith({ returnVisitSampled: true })))
      .then((before) => ({ ...before, ...DELIVERED_FIELDS, returnVisitSampled: true, returnVisitRequired: true }));
  });

  it('DeliveryConfirmed by the enterprise', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered), d.record(started), d.record(delivered)])
      .when(d.record(confirmed, servedEnterprise))
      .then((before) => ({ ...before, status: 'CONFIRMED', confirmation: { by: { kind: 'ENTERPRISE' }, confirmedAt: '2026-03-11T02:00:00.000Z' } }));
  });

  it('DeliveryConfirmed automatically, after the days in force', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered), d.record(started), d.record(delivered)])
      .when(d.record(confirmedAutomatically, steward))
      .then((before) => ({ ...before, status: 'CONFIRMED', confirmation: { by: { kind: 'AUTOMATIC', afterDays: 7 }, confirmedAt: '2026-03-17T16:00:00.000Z' } }));
  });

  it('DeliveryDisputed: disputed, with the reason', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered), d.record(started), d.record(delivered)])
      .when(d.record(disputed, servedEnterprise))
      .then((before) => ({ ...before, status: 'DISPUTED', dispute: { reason: '未按约定对接三家银行', disputedAt: '2026-03-11T02:00:00.000Z' } }));
  });

  it('DeliveryCancelled: cancelled, with the reason', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered), d.record(started)])
      .when(d.record(cancelled))
      .then((before) => ({ ...before, status: 'CANCELLED', cancellation: { reason: '企业另行委托', cancelledAt: '2026-03-04T02:00:00.000Z' } }));
  });

  describe('DeliveryRated', () => {
    /** The enterprise rates a delivery it has confirmed. */
    const whenRated = (rating: number) => {
      const d = aDelivery();
      const confirmedDelivery = [d.record(registered), d.record(started), d.record(delivered), d.record(confirmed, servedEnterprise)];
      return givenEvents(deliveriesProjection, confirmedDelivery).when(d.record(ratedWith(rating), servedEnterprise));
    };

    it('a good rating: the current rating, nothing amended, no 差评', () => {
      whenRated(5).then((before) => ({
        ...before,
        feedback: { rating: 5, given: { rating: 5, comment: '响应及时，报告实用' }, givenAt: '2026-03-12T02:00:00.000Z', amended: null, amendedAt: null },
      }));
    });

    it('a 差评 (2): marked, and a 回访 is required though not sampled', () => {
      whenRated(2).then((before) => ({
        ...before,
        feedback: { rating: 2, given: { rating: 2, comment: '报告空泛，未对接到合适产品' }, givenAt: '2026-03-12T02:00:00.000Z', amended: null, amendedAt: null },
        poorRating: true,
        returnVisitRequired: true,
      }));
    });
  });

  describe('DeliveryRatingAmended', () => {
    it('4 to 1: the amended rating counts, the first stays; a 差评 now', () => {
      const d = aDelivery();
      givenEvents(deliveriesProjection, [d.record(registered), d.record(started), d.record(delivered), d.record(ratedWith(4), servedEnterprise)])
        .when(d.record(amendedTo(1), servedEnterprise))
        .then((before) => ({
          ...before,
          feedback: {
            rating: 1,
            given: { rating: 4, comment: '响应及时，报告实用' },
            givenAt: '2026-03-12T02:00:00.000Z',
            amended: { rating: 1, comment: '补充对接的银行也未放款' },
            amendedAt: '2026-03-25T02:00:00.000Z',
          },
          poorRating: true,
          returnVisitRequired: true,
        }));
    });

    it('2 to 5: the 差评 once given still calls for a 回访', () => {
      const d = aDelivery();
      const view = givenEvents(deliveriesProjection, [d.record(registered), d.record(started), d.record(delivered), d.record(ratedWith(2), servedEnterprise)])
        .when(d.record(amendedTo(5), servedEnterprise))
        .then((before) => ({
          ...before,
          feedback: { ...before.feedback!, rating: 5, amended: { rating: 5, comment: '补充对接后满意' }, amendedAt: '2026-03-25T02:00:00.000Z' },
        }));
      expect(view).toMatchObject({ poorRating: true, returnVisitRequired: true });
    });
  });

  it('DeliveryComplaintLodged: counted', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered), d.record(started), d.record(delivered)])
      .when(d.record(complained, servedEnterprise))
      .then((before) => ({ ...before, complaints: 1 }));
  });

  it('DeliveryReturnVisitRecorded: the visit kept, the 回访 done', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered), d.record(started), d.record(deliveredWith({ returnVisitSampled: true }))])
      .when(d.record(visited, steward))
      .then((before) => ({
        ...before,
        returnVisits: [{ channel: 'PHONE', visitedOn: '2026-03-20', visitor: '王科长', findings: '企业对服务基本满意', satisfaction: 4, recordedAt: '2026-03-20T03:00:00.000Z' }],
        returnVisitDone: true,
      }));
  });

  it('DeliveryArchived: archived, with the time', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered), d.record(started), d.record(delivered), d.record(confirmed, servedEnterprise), d.record(ratedWith(5), servedEnterprise)])
      .when(d.record(archived, steward))
      .then((before) => ({ ...before, status: 'ARCHIVED', archivedAt: '2026-04-15T02:00:00.000Z' }));
  });

  it('DeliveryCorrected: the fields given replace the old ones, the rest stay; the correction kept with its reason', () => {
    const d = aDelivery();
    givenEvents(deliveriesProjection, [d.record(registered), d.record(started), d.record(delivered), d.record(confirmed, servedEnterprise), d.record(archived, steward)])
      .when(d.record(corrected, steward))
      .then((before) => ({
        ...before,
        title: '中小企业融资诊断服务',
        outcome: '获得银行授信160万元',
        corrections: [{ changes: { title: '中小企业融资诊断服务', outcome: '获得银行授信160万元' }, reason: '授信金额登记有误', correctedAt: '2026-05-06T02:00:00.000Z' }],
      }));
  });

  describeNoViewWithoutStart(deliveriesProjection, 'an event for a delivery the view never saw registered makes no view', () => {
    const d = aDelivery();
    d.record(registered);
    return {
      DeliveryStarted: d.record(started),
      DeliveryProgressNoted: d.record(progressNoted),
      DeliveryDelivered: d.record(delivered),
      DeliveryConfirmed: d.record(confirmed, servedEnterprise),
      DeliveryDisputed: d.record(disputed, servedEnterprise),
      DeliveryCancelled: d.record(cancelled),
      DeliveryRated: d.record(ratedWith(5), servedEnterprise),
      DeliveryRatingAmended: d.record(amendedTo(4), servedEnterprise),
      DeliveryComplaintLodged: d.record(complained, servedEnterprise),
      DeliveryReturnVisitRecorded: d.record(visited, steward),
      DeliveryArchived: d.record(archived, steward),
      DeliveryCorrected: d.record(corrected, steward),
    };
  });

  describeDelivery(deliveriesProjection, {
    of: aDelivery,
    firstTwo: (d) => [d.record(registered), d.record(started)],
    olderBecause: 'a registration replayed does not undo the start',
    anotherKind: followUpKind,
  });
});
