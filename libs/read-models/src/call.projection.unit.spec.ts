import { callKind } from '@sme/domain/call/call.kind';
import type { CallCommand, ListEntryInput } from '@sme/domain/call/call.commands';
import { callDecider } from '@sme/domain/call/call.decider';
import { call2019, GZ, guangzhouBureau } from '@sme/domain/call/call.fixtures';
import { at } from '@sme/domain/shared/testing';
import { stationKind } from '@sme/domain/station/station.kind';
import { callsProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { eventLog, givenEvents } from './testing/projection-gwt';

const CALL_ID = call2019.callId;

const approvedStations: ListEntryInput[] = [
  { applicationId: 'app-tianhe-001', stationId: 'st-th-1', districtCode: '440106', stationName: '天河软件园站' },
  { applicationId: 'app-haizhu-001', stationId: 'st-hz-1', districtCode: '440105', stationName: '海珠创意园站' },
];

/** The Guangzhou 2019 call's stream, written by the city bureau through the call decider. */
function aCall(callId = CALL_ID, log = eventLog()) {
  const stream = log.stream(callDecider, callKind.streamId(callId));
  const act = (type: CallCommand['type'], data: object, when: string) =>
    stream.recordOne({ type, data: { callId, ...data }, metadata: at(when, guangzhouBureau) } as unknown as CallCommand);
  return {
    log,
    open: () => act('OpenCall', call2019, '2019-05-24T09:00:00+08:00'),
    close: () => act('CloseCall', {}, '2019-08-30T10:00:00+08:00'),
    publish: () => act('PublishList', { entries: approvedStations }, '2019-09-10T10:00:00+08:00'),
  };
}

describe('calls projection', () => {
  it('CallOpened: an open call with its deadlines and target, nothing closed or published yet', () => {
    const call = aCall();
    givenEvents(callsProjection, [])
      .when(call.open())
      .then({
        _id: CALL_ID,
        id: CALL_ID,
        title: '广州市中小企业服务站征集',
        documentNumber: '穗工信函〔2019〕1100号',
        cityCode: GZ,
        registrationCutoff: '2018-01-01',
        districtDeadline: '2019-06-18T17:00:00+08:00',
        cityDeadline: '2019-06-21T17:00:00+08:00',
        targetStationCount: 100,
        status: 'OPEN',
        openedAt: '2019-05-24T01:00:00.000Z',
        closedAt: null,
        publishedAt: null,
        list: [],
      });
  });

  it('CallClosed: closed, with the time', () => {
    const call = aCall();
    givenEvents(callsProjection, [call.open()])
      .when(call.close())
      .then((before) => ({ ...before, status: 'CLOSED', closedAt: '2019-08-30T02:00:00.000Z' }));
  });

  it('CallListPublished: published, with the list as numbered by the city (district order)', () => {
    const call = aCall();
    givenEvents(callsProjection, [call.open(), call.close()])
      .when(call.publish())
      .then((before) => ({
        ...before,
        status: 'PUBLISHED',
        publishedAt: '2019-09-10T02:00:00.000Z',
        list: [
          { applicationId: 'app-haizhu-001', stationId: 'st-hz-1', districtCode: '440105', stationName: '海珠创意园站', plaqueNumber: '440100-2019-001' },
          { applicationId: 'app-tianhe-001', stationId: 'st-th-1', districtCode: '440106', stationName: '天河软件园站', plaqueNumber: '440100-2019-002' },
        ],
      }));
  });

  describeNoViewWithoutStart(callsProjection, 'an event for a call the view never saw opened makes no view', () => {
    const call = aCall();
    call.open();
    return { CallClosed: call.close(), CallListPublished: call.publish() };
  });

  describeDelivery(callsProjection, () => {
    const call = aCall();
    return {
      record: 'call',
      first: call.open(),
      second: call.close(),
      olderBecause: 'an opening replayed does not reopen the call',
      anotherRecord: () => aCall('call-gz-2020', call.log).open(),
      anotherKindSameId: () =>
        call.log.stream(stationKind, stationKind.streamId(CALL_ID)).recordOne({
          type: 'DesignateStation',
          data: {
            stationId: CALL_ID,
            applicationId: 'app-tianhe-001',
            callId: CALL_ID,
            plaqueNumber: '440100-2019-001',
            name: '天河软件园站',
            districtCode: '440106',
            cityCode: GZ,
            address: '广州市天河区建中路5号',
            operator: { name: '广州天河软件园发展有限公司', uscc: '91440106MA59C3PL24' },
            ownerOrgId: '91440106MA59C3PL24',
          },
          metadata: at('2019-09-10T10:00:00+08:00', guangzhouBureau),
        }),
      unknownType: () =>
        call.log.append(callKind.streamId(CALL_ID), { type: 'CallReopened', data: { callId: CALL_ID } }, {
          actor: guangzhouBureau,
          occurredAt: '2019-09-01T02:00:00.000Z',
        }),
    };
  });
});
