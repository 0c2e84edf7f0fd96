import { anActor, GZ } from '../shared/testing';
import type { OpenCall } from './call.commands';
import type { CallEvents } from './call.events';

export { GZ };

/** The Guangzhou 2019 call (穗工信函〔2019〕1100号) as test data. */
export const guangzhouBureau = anActor('CITY_AUTHORITY', GZ, 'gz-bureau-chenyu', 'gz-miit');

export const call2019: OpenCall['data'] = {
  callId: 'call-gz-2019',
  title: '广州市中小企业服务站征集',
  documentNumber: '穗工信函〔2019〕1100号',
  cityCode: GZ,
  registrationCutoff: '2018-01-01',
  districtDeadline: '2019-06-18T17:00:00+08:00',
  cityDeadline: '2019-06-21T17:00:00+08:00',
  targetStationCount: 100,
};

export const OPENED_AT = '2019-05-24T09:00:00.000Z';

export const callOpened2019: CallEvents['CallOpened'] = { type: 'CallOpened', data: { ...call2019, openedAt: OPENED_AT } };
