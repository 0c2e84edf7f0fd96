import type { Feedback } from '@sme/domain';
import type { FixedDocument } from '@sme/domain/shared/documents';
import { given } from '../commands/given';
import type { DeliverableDto, FeedbackDto } from './delivery.dto';

/** A 满意度评价 as a delivery's or an activity's command carries it. */
export const feedbackOf = (dto: FeedbackDto): Feedback => given({ rating: dto.rating, comment: dto.comment, aspects: dto.aspects && given({ ...dto.aspects }) }) as Feedback;

/** The documents a step fixes (a delivery's deliverables, an activity's materials); none when not given. */
export const documentsOf = (documents: DeliverableDto[] | undefined): FixedDocument[] =>
  (documents ?? []).map((d) => given({ title: d.title, fileName: d.fileName, sha256: d.sha256 }));
