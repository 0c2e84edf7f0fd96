import { deliveryKind, followUpKind } from '@sme/domain';
import { projectDelivery, projectFollowUp, type DeliveryView, type FollowUpView } from '@sme/read-models';
import { readingOf } from '../records/record-query';
import { deliveryReadForbidden, followUpReadForbidden, mayReadFollowUp, mayReadService } from './delivery-access';

export const deliveryReading = readingOf<DeliveryView>(deliveryKind, projectDelivery, {
  mayRead: mayReadService,
  forbidden: deliveryReadForbidden,
});

export const followUpReading = readingOf<FollowUpView>(followUpKind, projectFollowUp, {
  mayRead: mayReadFollowUp,
  forbidden: followUpReadForbidden,
});
