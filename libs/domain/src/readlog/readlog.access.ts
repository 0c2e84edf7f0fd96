import { forbidden } from '../shared/domain-error';
import { ROLES } from '../shared/decider';
import type { AccessPolicy } from '../shared/access';
import type { ReadLogState, RecordPersonalDataRead } from './readlog';

/** Any reader's read is logged, and only as its own: the log never names someone else as the reader. */
export const readLogAccess: AccessPolicy<RecordPersonalDataRead, ReadLogState> = {
  RecordPersonalDataRead: [
    {
      roles: ROLES,
      also: (actor, _log, data) => {
        const reader = (data as RecordPersonalDataRead['data']).reader;
        if (reader?.id !== actor.id || reader.role !== actor.role || reader.orgId !== actor.orgId) {
          throw forbidden('READER_NOT_ACTOR', '查阅记录只能记录本人的查阅', 'A read is logged only as the reader’s own');
        }
      },
    },
  ],
};
