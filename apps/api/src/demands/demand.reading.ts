import { demandKind } from '@sme/domain';
import { projectDemand, type DemandView } from '@sme/read-models';
import { readingOf } from '../records/record-query';
import { demandReadForbidden, mayReadDemand } from './demand-access';

export const demandReading = readingOf<DemandView>(demandKind, projectDemand, {
  mayRead: mayReadDemand,
  forbidden: demandReadForbidden,
});
