import { requireDocuments } from '../shared/documents';
import { conflict, invalid } from '../shared/domain-error';
import { compareBusinessDates } from '../shared/dates';
import { fieldInvalid, L, requireInteger, requireOneOf, type Label } from '../shared/validation';
import { FEE_KINDS } from '../product/product.rules';
import type { FollowUpStanding, RegisterDelivery } from './delivery.commands';
import { returnVisitRequired, type DeliveryRecord } from './delivery.state';
import type { Deliverable, DeliveryFee } from './delivery.terms';

/** Who may serve, and for whom: the 库 on the start date, an ACTIVE station, a RECOGNISED centre, the demand's enterprise and match, the provider's own product. */
export function requireRegistrationFacts(data: RegisterDelivery['data']): void {
  const { facts, server } = data;
  if (!facts.serverMayServe) {
    if (server.kind === 'PROVIDER') {
      throw conflict('PROVIDER_NOT_IN_POOL', `该服务机构在计划开始日期（${data.plannedStart}）不在优质服务机构库内`, `The provider is not in the quality pool on the planned start date (${data.plannedStart})`);
    }
    if (server.kind === 'CENTRE') {
      throw conflict('CENTRE_NOT_RECOGNISED', '该服务中心未达标或已撤销，不能登记服务项目', 'The centre is below its standard or closed; it cannot register deliveries');
    }
    throw conflict('STATION_NOT_ACTIVE', '该服务站当前不在授牌有效期内（已撤销或退出）', 'The station is not active (revoked or withdrawn)');
  }
  if (data.demandId !== undefined && facts.demand !== undefined) {
    const demand = facts.demand;
    if (demand.enterpriseUscc !== data.enterprise.uscc) {
      throw invalid('DEMAND_OF_ANOTHER_ENTERPRISE', '该服务需求不是此企业提出的', 'The demand was raised by another enterprise', 'demandId');
    }
    if (demand.stage !== 'ACCEPTED' && demand.stage !== 'MATCHED') {
      throw conflict('DEMAND_NOT_OPEN', `该服务需求处于${demand.stage}阶段，不能再登记服务`, `The demand is ${demand.stage}; only an accepted or matched demand can be served`, 'demandId');
    }
    if (server.kind === 'PROVIDER' && demand.matchedProviderId !== undefined && demand.matchedProviderId !== server.id) {
      throw conflict('DEMAND_MATCHED_TO_ANOTHER_PROVIDER', '该服务需求已对接其他服务机构', 'The demand was matched to another provider', 'demandId');
    }
  }
  if (data.product !== undefined && facts.product !== undefined) {
    if (server.kind !== 'PROVIDER' || facts.product.providerId !== server.id) {
      throw invalid('PRODUCT_OF_ANOTHER_PROVIDER', '只能登记本机构自己的服务产品', 'Only the serving provider’s own product can be named', 'productId');
    }
    if (!facts.product.onShow) throw conflict('PRODUCT_NOT_ON_SHOW', '该服务产品已下架', 'The product has been retired', 'productId');
  }
}

/** 公益 is free: 0 分 exactly; 低收费 and 市场价 carry a positive amount. A product's fee kind binds the delivery. */
export function checkDeliveryFee(value: unknown, productFeeKind: DeliveryFee['kind'] | undefined): DeliveryFee {
  const given = (value ?? {}) as { kind?: unknown; amountFen?: unknown };
  const kind = requireOneOf(given.kind ?? productFeeKind, FEE_KINDS, 'fee.kind', L('收费类型', 'Fee kind'));
  const amountFen = requireInteger(given.amountFen, 'fee.amountFen', L('约定费用（分）', 'Agreed fee (fen)'), 0);
  if (kind === 'FREE' && amountFen !== 0) throw fieldInvalid('fee.amountFen', L('约定费用（分）', 'Agreed fee (fen)'), '公益服务费用须为0', 'must be 0 for a free (公益) service');
  if (kind !== 'FREE' && amountFen === 0) throw fieldInvalid('fee.amountFen', L('约定费用（分）', 'Agreed fee (fen)'), '收费服务的费用须大于0', 'must be more than 0 for a charged service');
  if (productFeeKind !== undefined && kind !== productFeeKind) {
    throw fieldInvalid('fee.kind', L('收费类型', 'Fee kind'), `须与服务产品的收费类型（${productFeeKind}）一致`, `must be the product's fee kind (${productFeeKind})`);
  }
  return { kind, amountFen };
}

export const checkDeliverables = (value: unknown): Deliverable[] =>
  requireDocuments(value, 'deliverables', { list: L('交付成果', 'Deliverables'), title: L('成果名称', 'Title') });

/** A business date not after today: what a step records as done. */
export function requireNotAfterToday(date: string, today: string, field: string, label: Label): void {
  if (compareBusinessDates(date, today) > 0) {
    throw invalid('DATE_IN_FUTURE', `${label.zh}（${date}）晚于今天（${today}）`, `${label.en} (${date}) is after today (${today})`, field);
  }
}

/** What the dossier still lacks for 归档, each in both languages; empty when it is complete. */
export function missingForArchive(d: DeliveryRecord & { status: string }, followUps: readonly FollowUpStanding[], today: string): Label[] {
  const missing: Label[] = [];
  if (d.delivery === undefined) missing.push(L('服务尚未交付', 'the service has not been delivered'));
  if (d.status !== 'CONFIRMED') missing.push(L('企业尚未确认服务', 'the enterprise has not confirmed the delivery'));
  if (d.delivery !== undefined && d.feedback === undefined && compareBusinessDates(today, d.delivery.feedbackClosesOn) <= 0) {
    missing.push(L(`企业尚未评价，评价期至${d.delivery.feedbackClosesOn}`, `no feedback yet, and the window is open until ${d.delivery.feedbackClosesOn}`));
  }
  for (const cause of d.followUpCauses) {
    const standing = followUps.find((f) => f.causeRevision === cause.revision)?.status ?? 'NONE';
    if (standing !== 'CLOSED') {
      missing.push(standing === 'OPEN' ? L('差评跟进尚未办结', 'a follow-up is still open') : L('差评跟进尚未建立', 'a follow-up has not been opened yet'));
    }
  }
  if (returnVisitRequired(d) && d.returnVisits.length === 0) missing.push(L('尚未完成客户回访', 'the required return visit has not been made'));
  return missing;
}
