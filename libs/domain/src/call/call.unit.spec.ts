import { decideAuthorized } from '../shared/record-kind';
import { anActor, commandsOn, commandWith, domainErrorOf, given } from '../shared/testing';
import type { CallCommand, PublishList } from './call.commands';
import { callDecider, toCallSnapshot } from './call.decider';
import { callKind } from './call.kind';
import type { CallEvents } from './call.events';
import { call2019, callOpened2019, GZ, guangzhouBureau } from './call.fixtures';

const NOW = '2019-05-24T09:00:00.000Z';
const open = commandWith('OpenCall', call2019, guangzhouBureau, NOW);
const cmd = commandsOn<CallCommand>()({ callId: call2019.callId }, guangzhouBureau, NOW);
const close = (actor = guangzhouBureau, now = '2019-06-22T09:00:00.000Z') => cmd('CloseCall', {}, actor, now);
const closed: CallEvents['CallClosed'] = { type: 'CallClosed', data: { callId: call2019.callId, closedAt: '2019-06-22T09:00:00.000Z' } };

const PUBLISHED_AT = '2019-08-01T02:00:00.000Z';
const entry = (applicationId: string, districtCode: string, stationId = `station-${applicationId}`) => ({
  applicationId,
  stationId,
  districtCode,
  stationName: `服务站 ${applicationId}`,
});
const publish = (entries: PublishList['data']['entries'], actor = guangzhouBureau) => cmd('PublishList', { entries }, actor, PUBLISHED_AT);

describe('Call for applications (征集批次)', () => {
  describe('OpenCall', () => {
    it('opens the call for the city authority of that city', () => {
      given(callKind, [])
        .when(open())
        .then([{ type: 'CallOpened', data: { ...call2019, openedAt: NOW } }])
        .andState((state) => expect(state).toMatchObject({ status: 'OPEN', cityCode: GZ, targetStationCount: 100 }));
    });

    it('cannot open the same call twice', () => {
      given(callKind, [callOpened2019]).when(open()).thenThrows('CALL_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });

    it('is refused to anyone but a city authority', () => {
      given(callKind, []).when(open({}, anActor('HUB', GZ))).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    });

    it("is refused to another city's authority", () => {
      const shenzhen = anActor('CITY_AUTHORITY', '440300');
      given(callKind, []).when(open({}, shenzhen)).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    });

    it.each(['440000', '440106', '44010', 'abcdef'])('needs a city code, not %s', (cityCode) => {
      const actor = anActor('CITY_AUTHORITY', cityCode);
      given(callKind, []).when(open({ cityCode }, actor)).thenThrows('CITY_CODE_INVALID', { kind: 'VALIDATION', field: 'cityCode' });
    });

    it.each(['穗工信函2019 1100号', '穗工信函〔19〕1100号', '穗工信函〔2019〕1100', '〔2019〕1100号', '穗工信函〔2019〕号'])(
      'refuses the document number %s',
      (documentNumber) => {
        given(callKind, []).when(open({ documentNumber })).thenThrows('DOCUMENT_NUMBER_INVALID', { field: 'documentNumber' });
      },
    );

    it.each([
      ['callId', { callId: ' ' }, 'FIELD_REQUIRED'],
      ['title', { title: '' }, 'FIELD_REQUIRED'],
      ['documentNumber', { documentNumber: '' }, 'FIELD_REQUIRED'],
      ['registrationCutoff', { registrationCutoff: '2018-02-30' }, 'FIELD_INVALID'],
      ['districtDeadline', { districtDeadline: '2019-06-18T17:00:00' }, 'FIELD_INVALID'],
      ['cityDeadline', { cityDeadline: '2019-06-21' }, 'FIELD_INVALID'],
      ['targetStationCount', { targetStationCount: 0 }, 'FIELD_INVALID'],
      ['targetStationCount', { targetStationCount: 1.5 }, 'FIELD_INVALID'],
    ] as const)('validates %s', (field, data, code) => {
      given(callKind, []).when(open(data)).thenThrows(code, { kind: 'VALIDATION', field });
    });

    it('refuses a city deadline before the district deadline', () => {
      given(callKind, [])
        .when(open({ cityDeadline: '2019-06-18T16:59:59+08:00' }))
        .thenThrows('CITY_DEADLINE_BEFORE_DISTRICT_DEADLINE', { field: 'cityDeadline' });
    });

    it('accepts a city deadline equal to the district deadline', () => {
      given(callKind, [])
        .when(open({ cityDeadline: '2019-06-18T09:00:00Z' }))
        .then([{ type: 'CallOpened', data: { ...call2019, cityDeadline: '2019-06-18T09:00:00Z', openedAt: NOW } }]);
    });

    it('refuses a district deadline that has already passed when the call opens', () => {
      given(callKind, [])
        .when(open({ districtDeadline: '2019-05-24T17:00:00+08:00' }))
        .thenThrows('DISTRICT_DEADLINE_NOT_IN_FUTURE', { field: 'districtDeadline' });
    });
  });

  describe('CloseCall', () => {
    it("closes the call for the call's city authority", () => {
      given(callKind, [callOpened2019])
        .when(close())
        .then([closed])
        .andState((state) => expect(state.status).toBe('CLOSED'));
    });

    it('is NOT_FOUND for a call that was never opened', () => {
      given(callKind, []).when(close()).thenThrows('CALL_NOT_FOUND', { kind: 'NOT_FOUND' });
    });

    it('is refused to other roles and to other cities', () => {
      given(callKind, [callOpened2019]).when(close(anActor('DISTRICT_AUTHORITY', GZ))).thenThrows('ROLE_NOT_PERMITTED');
      given(callKind, [callOpened2019]).when(close(anActor('CITY_AUTHORITY', '440300'))).thenThrows('REGION_NOT_PERMITTED');
    });

    it('closes only once', () => {
      given(callKind, [callOpened2019, closed]).when(close()).thenThrows('CALL_ALREADY_CLOSED', { kind: 'CONFLICT' });
    });
  });

  describe('PublishList (发布名单)', () => {
    it('numbers the plaques by district, then application id', () => {
      const tianheB = entry('app-b', '440106');
      const yuexiu = entry('app-z', '440104');
      const tianheA = entry('app-a', '440106');
      given(callKind, [callOpened2019, closed])
        .when(publish([tianheB, yuexiu, tianheA]))
        .then([
          {
            type: 'CallListPublished',
            data: {
              callId: call2019.callId,
              publishedAt: PUBLISHED_AT,
              entries: [
                { ...yuexiu, plaqueNumber: '440100-2019-001' },
                { ...tianheA, plaqueNumber: '440100-2019-002' },
                { ...tianheB, plaqueNumber: '440100-2019-003' },
              ],
            },
          },
        ])
        .andState((state) => {
          expect(state.status).toBe('PUBLISHED');
          expect(toCallSnapshot(state).status).toBe('PUBLISHED');
        });
    });

    it('takes the year of the district deadline as it falls in China', () => {
      const newYearsEve = { ...callOpened2019, data: { ...callOpened2019.data, districtDeadline: '2019-12-31T17:00:00Z', cityDeadline: '2020-01-05T00:00:00Z' } };
      const [event] = decideAuthorized(callKind, publish([entry('app-a', '440106')]), given(callKind, [newYearsEve, closed]).state) as [CallEvents['CallListPublished']];
      expect(event.data.entries[0].plaqueNumber).toBe('440100-2020-001');
    });

    it('needs the call closed first', () => {
      given(callKind, [callOpened2019]).when(publish([entry('app-a', '440106')])).thenThrows('CALL_NOT_CLOSED', { kind: 'CONFLICT' });
    });

    it('publishes once', () => {
      const published: CallEvents['CallListPublished'] = {
        type: 'CallListPublished',
        data: { callId: call2019.callId, publishedAt: PUBLISHED_AT, entries: [{ ...entry('app-a', '440106'), plaqueNumber: '440100-2019-001' }] },
      };
      given(callKind, [callOpened2019, closed, published])
        .when(publish([entry('app-b', '440106')]))
        .thenThrows('LIST_ALREADY_PUBLISHED');
      given(callKind, [callOpened2019, closed, published]).when(close()).thenThrows('CALL_ALREADY_CLOSED');
    });

    it('refuses an empty list', () => {
      given(callKind, [callOpened2019, closed]).when(publish([])).thenThrows('NOTHING_TO_PUBLISH', { field: 'entries' });
    });

    it('refuses an application or a station listed twice', () => {
      given(callKind, [callOpened2019, closed])
        .when(publish([entry('app-a', '440106'), entry('app-a', '440105', 'station-x')]))
        .thenThrows('DUPLICATE_LIST_ENTRY', { field: 'entries.1.applicationId' });
      given(callKind, [callOpened2019, closed])
        .when(publish([entry('app-a', '440106', 's-1'), entry('app-b', '440105', 's-1')]))
        .thenThrows('DUPLICATE_LIST_ENTRY', { field: 'entries.1.stationId' });
    });

    it.each(['440305', '440100'])('refuses an entry in district %s, outside the city', (districtCode) => {
      given(callKind, [callOpened2019, closed])
        .when(publish([entry('app-a', '440106'), entry('app-b', districtCode)]))
        .thenThrows('ENTRY_OUTSIDE_CITY', { field: 'entries.1.districtCode' });
    });

    it('needs a station name', () => {
      given(callKind, [callOpened2019, closed])
        .when(publish([{ ...entry('app-a', '440106'), stationName: ' ' }]))
        .thenThrows('FIELD_REQUIRED', { field: 'entries.0.stationName' });
    });

    it("is only for the call's city authority", () => {
      given(callKind, [callOpened2019, closed]).when(publish([entry('app-a', '440106')], anActor('HUB', GZ))).thenThrows('ROLE_NOT_PERMITTED');
      given(callKind, [callOpened2019, closed])
        .when(publish([entry('app-a', '440106')], anActor('CITY_AUTHORITY', '440300')))
        .thenThrows('REGION_NOT_PERMITTED');
      given(callKind, []).when(publish([entry('app-a', '440106')])).thenThrows('CALL_NOT_FOUND');
    });
  });

  describe('toCallSnapshot', () => {
    it('gives application commands what they need to know about the call', () => {
      expect(toCallSnapshot(given(callKind, [callOpened2019]).state)).toEqual({
        id: call2019.callId,
        status: 'OPEN',
        cityCode: GZ,
        documentNumber: '穗工信函〔2019〕1100号',
        registrationCutoff: '2018-01-01',
        districtDeadline: '2019-06-18T17:00:00+08:00',
        cityDeadline: '2019-06-21T17:00:00+08:00',
        targetStationCount: 100,
      });
    });

    it('is CALL_NOT_FOUND before the call is opened', () => {
      expect(domainErrorOf(() => toCallSnapshot(callDecider.initialState())).code).toBe('CALL_NOT_FOUND');
    });
  });
});
