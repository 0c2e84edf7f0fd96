import { demandKind, notFound } from '@sme/domain';
import { projectDemand, type DemandView } from '@sme/read-models';
import type { RecordReading } from '../records/record-query';
import { demandReadForbidden, mayReadDemand } from './demand-access';

export const demandReading: RecordReading<DemandView> = {
  kind: demandKind,
  project: projectDemand,
  missing: () => notFound('DEMAND_NOT_FOUND', '服务需求不存在', 'The demand does not exist'),
  mayRead: mayReadDemand,
  forbidden: demandReadForbidden,
};
