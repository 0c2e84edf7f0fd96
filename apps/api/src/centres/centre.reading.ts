import { centreKind } from '@sme/domain';
import { projectCentre, type CentreView } from '@sme/read-models';
import { readingOf } from '../records/record-query';
import { centreReadForbidden, mayReadCentre } from './centre-access';

export const centreReading = readingOf<CentreView>(centreKind, projectCentre, {
  mayRead: mayReadCentre,
  forbidden: centreReadForbidden,
});
