import { anActor, commandWith, given, GZ, TIANHE } from '../shared/testing';
import { readLogKind } from './readlog.kind';

const auditor = anActor('AUDITOR', GZ, 'auditor-1', 'GZ-AUDIT');
const read = {
  day: '2026-12-05',
  reader: { id: auditor.id, role: auditor.role, orgId: auditor.orgId, regionCode: auditor.regionCode },
  record: { kind: 'application', id: 'a0000000-0000-4000-8000-000000000001', regionCode: TIANHE },
  fields: ['form.operator.contact', 'form.station.head'],
  asOf: 'now',
};
const record = commandWith('RecordPersonalDataRead', read, auditor, '2026-12-05T10:00:00+08:00');

describe('Personal data reads (个人信息查阅记录)', () => {
  it('logs who read which record’s personal data, and when', () => {
    given(readLogKind)
      .when(record())
      .then([{ type: 'PersonalDataRead', data: { reader: read.reader, record: read.record, fields: read.fields, asOf: 'now', readAt: '2026-12-05T02:00:00.000Z' } }])
      .andState((state) => expect(state).toEqual({ reads: 1 }));
  });

  it('logs a read only as the reader’s own (403 otherwise)', () => {
    given(readLogKind).when(record({}, anActor('CITY_AUTHORITY', GZ, 'someone-else', 'GZ-MIIT'))).thenThrows('READER_NOT_ACTOR');
    given(readLogKind).when(record({ reader: { ...read.reader, orgId: 'ANOTHER' } })).thenThrows('READER_NOT_ACTOR');
  });
});
