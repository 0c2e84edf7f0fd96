import { applicationKind, notFound } from '@sme/domain';
import { projectApplication, type ApplicationView } from '@sme/read-models';
import type { RecordReading } from '../records/record-query';
import { applicationReadForbidden, mayRead } from './application-access';

export const applicationReading: RecordReading<ApplicationView> = {
  kind: applicationKind,
  project: projectApplication,
  missing: () => notFound('APPLICATION_NOT_FOUND', '申请不存在', 'The application does not exist'),
  mayRead,
  forbidden: applicationReadForbidden,
};
