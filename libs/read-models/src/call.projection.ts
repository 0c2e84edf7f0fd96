import type { CallEvent } from '@sme/domain/call/call.events';
import { assertNever } from '@sme/domain/shared/decider';
import { projectionStep } from './view-version';
import type { CallView } from './views';

/** Pure: the call's view after one more of its events. */
export const projectCall = projectionStep<CallView, CallEvent>((view, event, version) => {
  switch (event.type) {
    case 'CallOpened': {
      const { callId, openedAt, ...rest } = event.data;
      return { _id: callId, id: callId, ...rest, status: 'OPEN', openedAt, closedAt: null, publishedAt: null, list: [], ...version };
    }
    case 'CallClosed':
      return view && { ...view, status: 'CLOSED', closedAt: event.data.closedAt, ...version };
    case 'CallListPublished':
      return view && { ...view, status: 'PUBLISHED', publishedAt: event.data.publishedAt, list: event.data.entries, ...version };
    default:
      return assertNever(event);
  }
});
