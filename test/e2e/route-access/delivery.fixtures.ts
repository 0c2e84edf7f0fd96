import { deliveryBody } from '../support/library-bodies';
import { actors } from '../support/station-lifecycle';
import type { Fixtures } from './fixtures';

/**
 * 服务项目跟踪: the provider registers and runs its delivery; the enterprise served confirms, disputes,
 * rates and complains; the steward (the city authority, for a provider) visits, archives and corrects,
 * and follows up; the provider records its rectification.
 */
export const deliveryFixtures: Fixtures = {
  'delivery.RegisterDelivery': async (w) => {
    const [provider, enterprise] = [await w.provider(), await w.enterprise()];
    return { path: '/deliveries', body: deliveryBody(provider.id, enterprise.id, w.today()), actor: provider.user };
  },
  'delivery.StartDelivery': async (w) => ({ path: `/deliveries/${(await w.delivery()).id}/start`, body: { startedOn: w.today() }, actor: (await w.provider()).user }),
  'delivery.NoteDeliveryProgress': async (w) => ({ path: `/deliveries/${(await w.delivery()).id}/progress-notes`, body: { note: '已完成检索' }, actor: (await w.provider()).user }),
  'delivery.DeliverService': async (w) => ({
    path: `/deliveries/${(await w.delivery()).id}/handover`,
    body: { deliveredOn: w.today(), outcome: '提交专利申请2件' },
    actor: (await w.provider()).user,
  }),
  'delivery.CancelDelivery': async (w) => ({ path: `/deliveries/${(await w.delivery()).id}/cancellation`, body: { reason: '企业另有安排' }, actor: (await w.provider()).user }),
  'delivery.ConfirmDelivery': async (w) => ({ path: `/deliveries/${(await w.delivery()).id}/confirmation`, body: {}, actor: (await w.enterprise()).self }),
  'delivery.DisputeDelivery': async (w) => ({ path: `/deliveries/${(await w.delivery()).id}/dispute`, body: { reason: '未按约定交付' }, actor: (await w.enterprise()).self }),
  'delivery.RateDelivery': async (w) => ({ path: `/deliveries/${(await w.delivery()).id}/feedback`, body: { rating: 4, comment: '满意' }, actor: (await w.enterprise()).self }),
  'delivery.AmendDeliveryRating': async (w) => ({
    path: `/deliveries/${(await w.delivery()).id}/feedback/amendment`,
    body: { rating: 5, comment: '很满意' },
    actor: (await w.enterprise()).self,
  }),
  'delivery.LodgeComplaint': async (w) => ({ path: `/deliveries/${(await w.delivery()).id}/complaints`, body: { complaint: '服务人员迟到' }, actor: (await w.enterprise()).self }),
  'delivery.RecordReturnVisit': async (w) => ({
    path: `/deliveries/${(await w.delivery()).id}/return-visits`,
    body: { channel: 'PHONE', visitedOn: w.today(), visitor: '王科长', findings: '企业满意', satisfaction: 5 },
    actor: actors.city,
  }),
  'delivery.ArchiveDelivery': async (w) => ({ path: `/deliveries/${(await w.delivery()).id}/archive`, body: {}, actor: actors.city }),
  'delivery.CorrectDelivery': async (w) => ({
    path: `/deliveries/${(await w.delivery()).id}/corrections`,
    body: { changes: { title: '专利布局与申请咨询' }, reason: '名称录入不全' },
    actor: actors.city,
  }),
  'followup.RecordFollowUpContact': async (w) => ({
    path: `/follow-ups/${await w.followUp()}/contacts`,
    body: { channel: 'PHONE', contactedOn: w.today(), note: '已沟通' },
    actor: actors.city,
  }),
  'followup.RecordRectificationPlan': async (w) => ({ path: `/follow-ups/${await w.followUp()}/plan`, body: { plan: '补充检索' }, actor: actors.city }),
  'followup.RecordRectification': async (w) => ({
    path: `/follow-ups/${await w.followUp()}/rectification`,
    body: { rectification: '已补充检索报告', rectifiedOn: w.today() },
    actor: (await w.provider()).user,
  }),
  'followup.ConfirmFollowUpSettled': async (w) => ({ path: `/follow-ups/${await w.followUp()}/settlement`, body: { rating: 4, comment: '已解决' }, actor: (await w.enterprise()).self }),
  'followup.CloseFollowUp': async (w) => ({ path: `/follow-ups/${await w.followUp()}/closure`, body: { reason: '企业已确认' }, actor: actors.city }),
};
