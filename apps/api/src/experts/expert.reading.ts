import { expertKind, isAvailableForPanel } from '@sme/domain';
import { toPublicView, type PublicView } from '@sme/read-models';
import { projectExpert, type ExpertView } from '@sme/read-models/expert.projection';
import { readingOf } from '../records/record-query';
import { expertReadForbidden, mayReadExpert } from './expert-access';

/** An expert as read: with whether they could sit on a panel now. */
export type ShownExpert = PublicView<ExpertView> & { availableForPanel: boolean };

/** An expert, with whether they could sit on a panel now. */
export const expertReading = readingOf<ExpertView, ShownExpert>(expertKind, projectExpert, {
  mayRead: mayReadExpert,
  forbidden: expertReadForbidden,
  // An expert's profile is a person's: name, title, organisation and its history, specialties.
  personalData: { kind: 'expert', fields: ['name', 'title', 'organisation', 'organisationHistory', 'specialties'], regionOf: (view) => view.regionCode },
  async show(view, { id, records }) {
    const now = new Date();
    return { ...toPublicView(view), availableForPanel: isAvailableForPanel(await records.expert(id), now) };
  },
});
