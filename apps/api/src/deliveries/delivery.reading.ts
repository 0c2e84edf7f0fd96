import { deliveryKind, followUpKind } from '@sme/domain';
import { projectDelivery, projectFollowUp, type DeliveryView, type FollowUpView } from '@sme/read-models';
import { readingOf } from '../records/record-query';
import { deliveryReadForbidden, followUpReadForbidden, mayReadFollowUp, mayReadService } from './delivery-access';

export const deliveryReading = readingOf<DeliveryView>(deliveryKind, projectDelivery, { code: 'DELIVERY', zh: '服务项目', en: 'delivery' }, {
  mayRead: mayReadService,
  forbidden: deliveryReadForbidden,
});

export const followUpReading = readingOf<FollowUpView>(followUpKind, projectFollowUp, { code: 'FOLLOW_UP', zh: '差评跟进', en: 'follow-up' }, {
  mayRead: mayReadFollowUp,
  forbidden: followUpReadForbidden,
});
