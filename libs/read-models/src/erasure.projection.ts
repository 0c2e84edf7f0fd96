import type { ErasureEvent, ErasureStatus } from '@sme/domain/erasure/erasure';
import { assertNever } from '@sme/domain/shared/decider';
import { idOfStream, projectionStep } from './view-version';
import type { ViewVersion } from './views';

/** 个人信息删除: one request, its decision and the erasure, as administrators and auditors follow them. */
export interface ErasureView extends ViewVersion {
  id: string;
  /** The record whose personal data is erased. */
  streamId: string;
  subjects: string[];
  reason: string;
  status: ErasureStatus;
  requestedBy: string;
  requestedAt: string;
  decision: { approved: boolean; by: string; words: string; at: string } | null;
  /** The subjects whose keys were deleted, once carried out. */
  erased: { subjects: string[]; at: string } | null;
}

/** Pure: the erasure's document after one of its events. */
export const projectErasure = projectionStep<ErasureView, ErasureEvent>((view, event, version, recorded) => {
  if (event.type === 'ErasureRequested') {
    const { erasureId: _id, ...data } = event.data;
    return { _id: idOfStream(recorded.streamId), id: idOfStream(recorded.streamId), ...data, subjects: [...data.subjects], status: 'REQUESTED', decision: null, erased: null, ...version };
  }
  if (!view) return undefined;
  const by = recorded.metadata.actor.id;
  switch (event.type) {
    case 'ErasureApproved':
      return { ...view, status: 'APPROVED', decision: { approved: true, by, words: event.data.opinion, at: event.data.approvedAt }, ...version };
    case 'ErasureRefused':
      return { ...view, status: 'REFUSED', decision: { approved: false, by, words: event.data.reason, at: event.data.refusedAt }, ...version };
    case 'PersonalDataErased':
      return { ...view, status: 'ERASED', erased: { subjects: [...event.data.subjects], at: event.data.erasedAt }, ...version };
    default:
      return assertNever(event);
  }
});
