import { arrayOf, at, businessDate, closed, integer, oneOf, recordId, regionCode, sha256, text, uscc } from '../shared/schema/builders';
import { ServiceDomainSchema } from '../shared/service-domains';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { grantWays, voucherTiers, VoucherTermsSchema } from './voucher.terms';

const enterprise = {
  enterpriseId: recordId('The enterprise (its record in the enterprise database)'),
  uscc: uscc(),
  regionCode: regionCode('Where the enterprise is registered'),
  tier: oneOf(voucherTiers.codes, 'Its tier on the day: LITTLE_GIANT, SPECIALISED (by its titles) or SMALL_MICRO (by its size class)'),
};

/** 服务券计划: a programme's terms, its budget and every quota granted from it. */
export const VOUCHER_EVENTS = recordEvents({ programmeId: recordId('The programme') }, {
  VoucherProgrammePublished: {
    action: 'programme-published',
    title: 'Voucher programme published (服务券计划发布)',
    summary: 'A city or district authority published a programme: budget, who is eligible, which services, the subsidy rule, the application, order and settlement dates; version 1.',
    payload: {
      issuer: closed({ role: oneOf(['CITY_AUTHORITY', 'DISTRICT_AUTHORITY'] as const), regionCode: regionCode('The issuer’s city or district') }, { description: 'The authority that issues it' }),
      version: integer(1, 1, 'The first version'),
      terms: VoucherTermsSchema,
      publishedAt: at('When it was published'),
    },
  },
  VoucherProgrammeAmended: {
    action: 'programme-amended',
    title: 'Voucher programme amended (服务券计划调整)',
    summary: 'The issuer amended the terms, with a reason: the next version, whole. A budget cut never goes below what is granted.',
    payload: { version: integer(2, undefined, 'One more than the last'), terms: VoucherTermsSchema, reason: text('调整理由'), amendedAt: at('When it was amended') },
  },
  VoucherApplied: {
    action: 'applied',
    title: 'Voucher applied for (申领服务券)',
    summary: 'An eligible enterprise applied inside the application window; its tier fixes the quota it would be granted.',
    payload: { ...enterprise, appliedAt: at('When it applied') },
  },
  VoucherApplicationRefused: {
    action: 'application-refused',
    title: 'Voucher application refused (不予发放)',
    summary: 'The issuer refused an application, with its reason.',
    payload: { enterpriseId: recordId('The enterprise'), reason: text('不予发放的理由'), refusedAt: at('When it was refused') },
  },
  VoucherGranted: {
    action: 'granted',
    title: 'Voucher granted (发放服务券)',
    summary: 'The issuer granted an enterprise its tier’s quota from the budget, on its application or on eligibility (免申即享).',
    payload: {
      ...enterprise,
      quotaFen: integer(1, undefined, 'The quota granted, in 分, moved from the unallocated budget'),
      way: oneOf(grantWays.codes, 'APPLIED or ON_ELIGIBILITY'),
      grantedAt: at('When it was granted'),
    },
  },
  VoucherOrderPlaced: {
    action: 'order-placed',
    title: 'Voucher order placed (服务券订单)',
    summary: 'A provider of the 库 offered a granted enterprise a service paid partly by its voucher: the delivery, the price, the subsidy the rule gives and the service period; nothing is reserved until the enterprise confirms.',
    payload: {
      orderId: recordId('The order'),
      enterpriseId: recordId('The enterprise'),
      provider: closed({ providerId: recordId('The provider'), uscc: uscc(), name: text('服务机构名称') }, { description: 'The provider, in the 库 on the day' }),
      deliveryId: recordId('The delivery the order pays for'),
      domain: ServiceDomainSchema,
      priceFen: integer(1, undefined, 'The price, in 分'),
      subsidyFen: integer(1, undefined, 'What the voucher pays: the rule’s share of the price, at most its cap per order, in 分'),
      servicePeriod: closed({ from: businessDate('First day of the service'), until: businessDate('Last day of the service') }, { description: 'At most the programme’s longest service period' }),
      placedAt: at('When it was placed'),
    },
  },
  VoucherOrderConfirmed: {
    action: 'order-confirmed',
    title: 'Voucher order confirmed (确认订单)',
    summary: 'The enterprise confirmed the order, price and subsidy shown; the subsidy is reserved from its quota.',
    payload: { orderId: recordId('The order'), confirmedAt: at('When it was confirmed') },
  },
  VoucherOrderCancelled: {
    action: 'order-cancelled',
    title: 'Voucher order cancelled (取消订单)',
    summary: 'The enterprise or the provider cancelled the order before a claim; a reservation goes back to the enterprise’s quota.',
    payload: { orderId: recordId('The order'), reason: text('取消原因'), cancelledAt: at('When it was cancelled') },
  },
  VoucherClaimed: {
    action: 'claimed',
    title: 'Voucher subsidy claimed (申请兑付)',
    summary: 'The provider claimed the subsidy of an order whose delivery the enterprise confirmed, with the delivery’s dossier as it stood; the reservation becomes claimable.',
    payload: {
      orderId: recordId('The order'),
      dossier: closed(
        {
          deliveryRevision: integer(0, undefined, 'The revision of the delivery’s record the claim rests on: GET /deliveries/{id}/dossier replays it'),
          documents: arrayOf(sha256(), { description: 'The SHA-256 of each document handed over, as the delivery recorded them' }),
        },
        { description: 'The delivery’s 档案 the claim rests on' },
      ),
      claimedAt: at('When it was claimed'),
    },
  },
  VoucherClaimApproved: {
    action: 'claim-approved',
    title: 'Voucher claim approved (审核通过)',
    summary: 'The issuer approved the claim with an opinion; the payment is recorded next.',
    payload: { orderId: recordId('The order'), opinion: text('审核意见'), approvedAt: at('When it was approved') },
  },
  VoucherClaimRejected: {
    action: 'claim-rejected',
    title: 'Voucher claim rejected (不予兑付)',
    summary: 'The issuer rejected the claim with its reason; the subsidy goes back to the enterprise’s quota.',
    payload: { orderId: recordId('The order'), reason: text('不予兑付的理由'), rejectedAt: at('When it was rejected') },
  },
  VoucherPaymentRecorded: {
    action: 'payment-recorded',
    title: 'Voucher payment recorded (兑付)',
    summary: 'The issuer recorded the payment of an approved claim with its reference; the subsidy is paid.',
    payload: { orderId: recordId('The order'), amountFen: integer(1, undefined, 'What was paid, in 分'), reference: text('支付凭证号'), paidAt: at('When it was recorded') },
  },
  VoucherPaymentVoided: {
    action: 'payment-voided',
    title: 'Voucher payment voided (追回)',
    summary: 'A claim later found false: the issuer voided the payment with its reason; the money is clawed back to the programme, not to the quota.',
    payload: { orderId: recordId('The order'), reason: text('追回理由'), voidedAt: at('When it was voided') },
  },
  VoucherProgrammeClosed: {
    action: 'programme-closed',
    title: 'Voucher programme closed (计划结算关闭)',
    summary: 'The settlement date passed: every quota left unused and every reservation never claimed lapses back to the budget; the programme takes nothing more.',
    payload: {
      lapsedQuotas: arrayOf(closed({ enterpriseId: recordId('The enterprise'), amountFen: integer(1, undefined, 'Its unused quota, in 分') }), { description: 'Each enterprise’s unused quota, back to the budget' }),
      lapsedOrders: arrayOf(closed({ orderId: recordId('The order'), amountFen: integer(1, undefined, 'Its reservation, in 分') }), { description: 'Each confirmed order never claimed, its reservation back to the budget' }),
      closedAt: at('When it was closed'),
    },
  },
});

export type VoucherEvent = EventOf<typeof VOUCHER_EVENTS>;
export type VoucherEvents = EventsByType<typeof VOUCHER_EVENTS>;
