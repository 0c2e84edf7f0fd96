import { expertKind, isAvailableForPanel, notFound } from '@sme/domain';
import { toPublicView } from '@sme/read-models';
import { projectExpert, type ExpertView } from '@sme/read-models/expert.projection';
import type { RecordReading } from '../records/record-query';
import { expertReadForbidden, mayReadExpert } from './expert-access';

/** An expert, with whether they could sit on a panel now. */
export const expertReading: RecordReading<ExpertView> = {
  kind: expertKind,
  project: projectExpert,
  missing: () => notFound('EXPERT_NOT_FOUND', '专家不存在', 'The expert does not exist'),
  mayRead: mayReadExpert,
  forbidden: expertReadForbidden,
  async show(view, { id, records }) {
    const now = new Date();
    return { ...toPublicView(view), availableForPanel: isAvailableForPanel(await records.expert(id), now) };
  },
};
