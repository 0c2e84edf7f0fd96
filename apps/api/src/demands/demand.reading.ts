import { demandKind } from '@sme/domain';
import { projectDemand, type DemandView } from '@sme/read-models';
import { readingOf } from '../records/record-query';
import { demandReadForbidden, mayReadDemand } from './demand-access';

export const demandReading = readingOf<DemandView>(demandKind, projectDemand, { code: 'DEMAND', zh: '服务需求', en: 'demand' }, {
  mayRead: mayReadDemand,
  forbidden: demandReadForbidden,
});
