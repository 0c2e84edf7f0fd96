import { applicationKind, recordNotFound } from '@sme/domain';
import { projectApplication, type ApplicationView } from '@sme/read-models';
import type { RecordReading } from '../records/record-query';
import { applicationReadForbidden, mayRead } from './application-access';

export const applicationReading: RecordReading<ApplicationView> = {
  kind: applicationKind,
  project: projectApplication,
  missing: () => recordNotFound(applicationKind.label),
  mayRead,
  forbidden: applicationReadForbidden,
  // 法人代表, 联系人 and 站长: names, phones and e-mail addresses of people.
  personalData: { kind: 'application', fields: ['form.operator.legalRepresentative', 'form.operator.contact', 'form.station.head'], regionOf: (view) => view.districtCode },
};
