import { deliveryKind, followUpKind, notFound } from '@sme/domain';
import { projectDelivery, projectFollowUp, type DeliveryView, type FollowUpView } from '@sme/read-models';
import type { RecordReading } from '../records/record-query';
import { deliveryReadForbidden, followUpReadForbidden, mayReadFollowUp, mayReadService } from './delivery-access';

const notYet = (what: { zh: string; en: string }) => (asOf: Date) =>
  notFound('NOT_YET_RECORDED', `${asOf.toISOString()} 时该${what.zh}尚未登记`, `The ${what.en} was not yet recorded at ${asOf.toISOString()}`);

export const deliveryReading: RecordReading<DeliveryView> = {
  kind: deliveryKind,
  project: projectDelivery,
  missing: () => notFound('DELIVERY_NOT_FOUND', '服务项目不存在', 'The delivery does not exist'),
  mayRead: mayReadService,
  forbidden: deliveryReadForbidden,
  notYet: notYet({ zh: '服务项目', en: 'delivery' }),
};

export const followUpReading: RecordReading<FollowUpView> = {
  kind: followUpKind,
  project: projectFollowUp,
  missing: () => notFound('FOLLOW_UP_NOT_FOUND', '差评跟进不存在', 'The follow-up does not exist'),
  mayRead: mayReadFollowUp,
  forbidden: followUpReadForbidden,
  notYet: notYet({ zh: '差评跟进', en: 'follow-up' }),
};
