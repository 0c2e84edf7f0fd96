import { chinaDateOf } from '../shared/dates';
import { relationBetween } from '../shared/organisation-ties';
import { conflict, notFound } from '../shared/domain-error';
import { serviceDomains } from '../shared/service-domains';
import { requireInteger, requireText } from '../shared/validation';
import type {
  ApproveVoucherClaim,
  CancelVoucherOrder,
  ClaimVoucherSubsidy,
  ConfirmVoucherOrder,
  PlaceVoucherOrder,
  RecordVoucherPayment,
  RejectVoucherClaim,
  VoidVoucherPayment,
} from './voucher.commands';
import type { VoucherEvent } from './voucher.events';
import { makeClaimable, payClaim, rejectClaim, releaseReservation, reserveSubsidy, voidPayment } from './voucher-ledger';
import { serviceEligible, servicePeriodFits, subsidyOf } from './voucher.rules';
import type { ExistingVoucherProgramme, VoucherOrder, VoucherOrderStatus } from './voucher.state';

/**
 * 服务券的使用与兑付: an order for a voucher-paid delivery, from the provider's offer to the payment
 * (and its clawback). Every movement of money is the books' (voucher-ledger.ts), which refuse what
 * they cannot cover; these steps add the controls: who the parties are, what service, when.
 */

/** The order's steps that still hold money in the books, so a delivery has at most one of them. */
const LIVE: readonly VoucherOrderStatus[] = ['PLACED', 'CONFIRMED', 'CLAIMED', 'APPROVED', 'PAID'];

/** Delivery stages a claim may rest on: the enterprise confirmed it (or it was confirmed automatically), perhaps archived since. */
const CLAIMABLE_STAGES = ['CONFIRMED', 'ARCHIVED'];

function orderOf(p: ExistingVoucherProgramme, orderId: string): VoucherOrder {
  const order = p.orders[orderId];
  if (order === undefined) throw notFound('VOUCHER_ORDER_NOT_FOUND', '服务券订单不存在', 'The voucher order does not exist');
  return order;
}

function requireStatus(order: VoucherOrder, allowed: readonly VoucherOrderStatus[], code: string, zh: string, en: string): void {
  if (!allowed.includes(order.status)) throw conflict(code, `${zh}（订单状态：${order.status}）`, `${en} (the order is ${order.status})`, 'orderId');
}

export function placeOrder(command: PlaceVoucherOrder, p: ExistingVoucherProgramme): VoucherEvent[] {
  const { data, metadata } = command;
  const { facts } = data;
  const today = chinaDateOf(metadata.now);
  if (p.orders[data.orderId] !== undefined) throw conflict('ORDER_EXISTS', '该订单已存在', 'The order exists already', 'orderId');
  const priceFen = requireInteger(data.priceFen, 'priceFen', { zh: '订单价格（分）', en: 'Price (分)' }, 1);
  if (today < p.terms.validFrom || today > p.terms.validUntil) {
    throw conflict('OUTSIDE_VALIDITY', `服务券使用期为${p.terms.validFrom}至${p.terms.validUntil}`, `Orders may be placed from ${p.terms.validFrom} to ${p.terms.validUntil}`);
  }
  const holder = p.holders[data.enterpriseId];
  if (holder?.status !== 'GRANTED') throw conflict('VOUCHER_NOT_GRANTED', '该企业未获发放本计划服务券', 'The enterprise holds no voucher of this programme', 'enterpriseId');
  if (!facts.providerInPool) throw conflict('PROVIDER_NOT_IN_POOL', '服务机构不在优质服务机构库内', 'The provider is not in the quality pool (库) today', 'provider');
  const related = relationBetween(facts.parties.provider, facts.parties.enterprise);
  if (related !== undefined) throw conflict('PARTIES_RELATED', `服务机构与企业存在关联关系：${related.zh}`, `The provider and the enterprise are related: ${related.en}`, 'enterpriseId');
  const delivery = facts.delivery;
  if (delivery === null) throw notFound('DELIVERY_NOT_FOUND', '服务项目不存在', 'The delivery does not exist');
  if (delivery.serverKind !== 'PROVIDER' || delivery.serverId !== data.provider.providerId) {
    throw conflict('DELIVERY_NOT_PROVIDERS', '该服务项目不是本服务机构提供的', 'The delivery is not served by this provider', 'deliveryId');
  }
  if (delivery.enterpriseId !== data.enterpriseId) throw conflict('DELIVERY_OTHER_ENTERPRISE', '该服务项目服务的不是本企业', 'The delivery serves another enterprise', 'deliveryId');
  if (delivery.stage === 'CANCELLED') throw conflict('DELIVERY_CANCELLED', '该服务项目已取消', 'The delivery was cancelled', 'deliveryId');
  if (!serviceEligible(p.terms, delivery)) {
    const label = serviceDomains.labels[delivery.domain];
    throw conflict('SERVICE_NOT_ELIGIBLE', `本计划不支持“${label.zh}”领域的服务，该服务也不属于计划所列服务产品`, `The programme pays neither for services in ${label.en} nor for the product this one follows`, 'deliveryId');
  }
  if (delivery.fee.kind === 'FREE') throw conflict('SERVICE_FREE', '公益服务不收费，不能使用服务券', 'A free (公益) service has nothing for a voucher to pay', 'deliveryId');
  if (priceFen !== delivery.fee.amountFen) {
    throw conflict('PRICE_DIFFERS', `订单价格须与服务项目约定费用（${delivery.fee.amountFen}分）一致`, `The price must be the delivery’s agreed fee (${delivery.fee.amountFen} 分)`, 'priceFen');
  }
  const servicePeriod = { from: delivery.plannedStart, until: delivery.plannedEnd };
  if (!servicePeriodFits(servicePeriod, p.terms.rule.servicePeriodMaxMonths)) {
    const max = p.terms.rule.servicePeriodMaxMonths;
    throw conflict('SERVICE_PERIOD_TOO_LONG', `服务期限（${servicePeriod.from}至${servicePeriod.until}）超过${max}个月`, `The service period (${servicePeriod.from} to ${servicePeriod.until}) is longer than ${max} months`, 'deliveryId');
  }
  const ordered = Object.values(p.orders).find((o) => o.deliveryId === data.deliveryId && LIVE.includes(o.status));
  if (ordered !== undefined) throw conflict('DELIVERY_ALREADY_ORDERED', `该服务项目已有服务券订单${ordered.orderId}`, `The delivery has voucher order ${ordered.orderId} already`, 'deliveryId');
  const subsidyFen = subsidyOf(p.terms.rule, priceFen);
  if (subsidyFen < 1) throw conflict('NO_SUBSIDY', '按本计划补贴规则，该订单补贴不足1分', 'By the programme’s rule the subsidy of this order is less than 1 分', 'priceFen');
  const { programmeId } = p;
  const { orderId, enterpriseId, provider, deliveryId } = data;
  return [{ type: 'VoucherOrderPlaced', data: { programmeId, orderId, enterpriseId, provider, deliveryId, domain: delivery.domain, priceFen, subsidyFen, servicePeriod, placedAt: metadata.now.toISOString() } }];
}

export function confirmOrder(command: ConfirmVoucherOrder, p: ExistingVoucherProgramme): VoucherEvent[] {
  const order = orderOf(p, command.data.orderId);
  requireStatus(order, ['PLACED'], 'ORDER_NOT_PLACED', '只有待确认的订单可以确认', 'Only an order awaiting confirmation can be confirmed');
  const today = chinaDateOf(command.metadata.now);
  if (today > p.terms.validUntil) throw conflict('OUTSIDE_VALIDITY', `服务券使用期已于${p.terms.validUntil}结束`, `The programme’s orders ended on ${p.terms.validUntil}`);
  reserveSubsidy(p.books, order.orderId, order.enterpriseId, order.subsidyFen);
  return [{ type: 'VoucherOrderConfirmed', data: { programmeId: p.programmeId, orderId: order.orderId, confirmedAt: command.metadata.now.toISOString() } }];
}

export function cancelOrder(command: CancelVoucherOrder, p: ExistingVoucherProgramme): VoucherEvent[] {
  const order = orderOf(p, command.data.orderId);
  requireStatus(order, ['PLACED', 'CONFIRMED'], 'ORDER_NOT_CANCELLABLE', '订单已申请兑付或已取消，不能取消', 'The order is claimed or cancelled already and cannot be cancelled');
  const reason = requireText(command.data.reason, 'reason', { zh: '取消原因', en: 'Reason' });
  if (order.status === 'CONFIRMED') releaseReservation(p.books, order.orderId);
  return [{ type: 'VoucherOrderCancelled', data: { programmeId: p.programmeId, orderId: order.orderId, reason, cancelledAt: command.metadata.now.toISOString() } }];
}

export function claimSubsidy(command: ClaimVoucherSubsidy, p: ExistingVoucherProgramme): VoucherEvent[] {
  const order = orderOf(p, command.data.orderId);
  if (['CLAIMED', 'APPROVED', 'PAID', 'REJECTED', 'VOIDED'].includes(order.status)) {
    throw conflict('ALREADY_CLAIMED', `该订单已申请过兑付（订单状态：${order.status}）`, `The order has been claimed already (it is ${order.status})`, 'orderId');
  }
  requireStatus(order, ['CONFIRMED'], 'ORDER_NOT_CONFIRMED', '只有企业确认的订单可以申请兑付', 'Only an order the enterprise confirmed can be claimed');
  const stage = command.data.facts.deliveryStage;
  if (!CLAIMABLE_STAGES.includes(stage)) {
    throw conflict('DELIVERY_NOT_CONFIRMED', `服务项目尚未经企业确认（当前：${stage}），不能申请兑付`, `The delivery is not confirmed by the enterprise (it is ${stage}); it cannot be claimed yet`, 'orderId');
  }
  const today = chinaDateOf(command.metadata.now);
  if (today > p.terms.settleBy) throw conflict('SETTLEMENT_CLOSED', `结算截止日期（${p.terms.settleBy}）已过`, `Claims closed on ${p.terms.settleBy}`);
  makeClaimable(p.books, order.orderId);
  const { deliveryRevision, documents } = command.data.facts.dossier;
  return [{ type: 'VoucherClaimed', data: { programmeId: p.programmeId, orderId: order.orderId, dossier: { deliveryRevision, documents }, claimedAt: command.metadata.now.toISOString() } }];
}

export function approveClaim(command: ApproveVoucherClaim, p: ExistingVoucherProgramme): VoucherEvent[] {
  const order = orderOf(p, command.data.orderId);
  requireStatus(order, ['CLAIMED'], 'CLAIM_NOT_PENDING', '该订单没有待审核的兑付申请', 'The order has no claim awaiting a decision');
  const opinion = requireText(command.data.opinion, 'opinion', { zh: '审核意见', en: 'Opinion' });
  return [{ type: 'VoucherClaimApproved', data: { programmeId: p.programmeId, orderId: order.orderId, opinion, approvedAt: command.metadata.now.toISOString() } }];
}

export function rejectVoucherClaim(command: RejectVoucherClaim, p: ExistingVoucherProgramme): VoucherEvent[] {
  const order = orderOf(p, command.data.orderId);
  requireStatus(order, ['CLAIMED', 'APPROVED'], 'CLAIM_NOT_PENDING', '该订单没有待审核或待兑付的申请', 'The order has no claim awaiting a decision or payment');
  const reason = requireText(command.data.reason, 'reason', { zh: '不予兑付的理由', en: 'Reason' });
  rejectClaim(p.books, order.orderId);
  return [{ type: 'VoucherClaimRejected', data: { programmeId: p.programmeId, orderId: order.orderId, reason, rejectedAt: command.metadata.now.toISOString() } }];
}

export function recordPayment(command: RecordVoucherPayment, p: ExistingVoucherProgramme): VoucherEvent[] {
  const order = orderOf(p, command.data.orderId);
  requireStatus(order, ['APPROVED'], 'CLAIM_NOT_APPROVED', '只有审核通过的兑付申请可以登记支付', 'Only an approved claim can be paid');
  const reference = requireText(command.data.reference, 'reference', { zh: '支付凭证号', en: 'Payment reference' });
  const [{ amountFen }] = payClaim(p.books, order.orderId);
  return [{ type: 'VoucherPaymentRecorded', data: { programmeId: p.programmeId, orderId: order.orderId, amountFen, reference, paidAt: command.metadata.now.toISOString() } }];
}

export function voidVoucherPayment(command: VoidVoucherPayment, p: ExistingVoucherProgramme): VoucherEvent[] {
  const order = orderOf(p, command.data.orderId);
  requireStatus(order, ['PAID'], 'NOT_PAID', '只有已兑付的订单可以追回', 'Only a paid order can be voided');
  const reason = requireText(command.data.reason, 'reason', { zh: '追回理由', en: 'Reason' });
  voidPayment(p.books, order.orderId);
  return [{ type: 'VoucherPaymentVoided', data: { programmeId: p.programmeId, orderId: order.orderId, reason, voidedAt: command.metadata.now.toISOString() } }];
}
