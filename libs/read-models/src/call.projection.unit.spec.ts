import { callKind } from '@sme/domain/call/call.kind';
import type { ListEntryInput } from '@sme/domain/call/call.commands';
import { callDecider } from '@sme/domain/call/call.decider';
import { call2019, guangzhouBureau } from '@sme/domain/call/call.fixtures';
import { stationKind } from '@sme/domain/station/station.kind';
import { callsProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { actOn, eventLog, givenEvents } from './testing/projection-gwt';

/** The call's title, document number, city, deadlines and target, as the city opened it. */
const { callId: CALL_ID, ...termsOfTheCall } = call2019;

const approvedStations: ListEntryInput[] = [
  { applicationId: 'app-tianhe-001', stationId: 'st-th-1', districtCode: '440106', stationName: '天河软件园站' },
  { applicationId: 'app-haizhu-001', stationId: 'st-hz-1', districtCode: '440105', stationName: '海珠创意园站' },
];

/** The Guangzhou 2019 call's stream, written by the city bureau through the call decider. */
function aCall(callId = CALL_ID, log = eventLog()) {
  const act = actOn(log, callDecider, callKind.streamId(callId), { callId });
  return {
    log,
    open: () => act('OpenCall', call2019, guangzhouBureau, '2019-05-24T09:00:00+08:00'),
    close: () => act('CloseCall', {}, guangzhouBureau, '2019-08-30T10:00:00+08:00'),
    publish: () => act('PublishList', { entries: approvedStations }, guangzhouBureau, '2019-09-10T10:00:00+08:00'),
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
        ...termsOfTheCall,
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

  describeDelivery(callsProjection, {
    of: aCall,
    firstTwo: (call) => [call.open(), call.close()],
    olderBecause: 'an opening replayed does not reopen the call',
    anotherKind: stationKind,
  });
});
