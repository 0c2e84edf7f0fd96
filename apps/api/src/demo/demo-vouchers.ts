import { INestApplication, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { enterpriseKind, voucherKind, recordNotFound } from '@sme/domain';
import { projectEnterprise } from '@sme/read-models';
import { RecordLoader } from '../records/record-loader';
import { derivedId } from '../records/derived-id';
import { deliveryCommands } from '../deliveries/delivery.commands';
import { voucherCommands } from '../vouchers/voucher.commands';
import { CITY } from './demo-data';
import { demoLoaded, demoRunner, demoTime as at } from './demo-runner';
import { DEMO_ENTERPRISES, DEMO_PROVIDERS, DOMAIN_TEXTS, documentOf, enterpriseActor, type DemoEnterprise } from './demo-services-data';

/** Where each demo order stops: one in every state. */
const ORDER_STATES = ['PAID', 'VOIDED', 'REJECTED', 'APPROVED', 'CLAIMED', 'CONFIRMED', 'CANCELLED', 'PLACED'] as const;
type DemoOrderState = (typeof ORDER_STATES)[number];
const REACHED: Record<DemoOrderState, number> = { PLACED: 0, CANCELLED: 0, CONFIRMED: 1, CLAIMED: 2, APPROVED: 3, REJECTED: 3, PAID: 4, VOIDED: 5 };

/** Guangzhou's 2026 programme, in the manner of Beijing's: 30 % of an order up to ¥30,000, a ¥20,000 quota for 小微 enterprises. */
const TERMS = {
  title: '广州市2026年中小企业服务券（示例）',
  documentNumber: '穗工信规字〔2026〕3号',
  budgetFen: 50_000_000,
  eligibility: { sizeClasses: ['SMALL' as const, 'MICRO' as const], regionCodes: ['440100'] },
  domains: ['FINANCE' as const, 'IP' as const, 'LEGAL' as const, 'MANAGEMENT_CONSULTING' as const],
  applyFrom: '2026-03-01',
  applyUntil: '2026-11-30',
  validFrom: '2026-03-01',
  validUntil: '2026-12-31',
  settleBy: '2027-03-31',
  grantOnEligibility: false,
  rule: { sharePercent: 30, capPerOrderFen: 3_000_000, quotaFen: { SMALL_MICRO: 2_000_000 }, servicePeriodMaxMonths: 12 },
};

/**
 * Loads the demo's 服务券 programme through the command bus: the city publishes it, the demo's small and
 * micro enterprises apply in March, the city grants all but one (refused with a reason), and raises the
 * budget in June. Runs once: the programme's stream marks it loaded.
 */
export async function loadDemoVouchers(app: INestApplication): Promise<void> {
  const programmeId = derivedId('demo-voucher-programme', 2026);
  if (await demoLoaded(app, voucherKind.streamId(programmeId), 'vouchers')) return;
  const { runs } = demoRunner(app.get(CommandBus));
  const voucher = runs(voucherCommands);
  const records = app.get(RecordLoader);
  await voucher({ type: 'PublishVoucherProgramme', data: { programmeId, issuerRegionCode: '440100', terms: TERMS } }, CITY, at('2026-02-20'));

  // The enterprises the ledger classed small or micro (the programme's eligibility), in the demo's order.
  const eligible = [];
  for (const e of DEMO_ENTERPRISES) {
    const view = await records.view(enterpriseKind, projectEnterprise, e.id, { missing: () => recordNotFound(enterpriseKind.label) });
    if (view.sizeClass === 'SMALL' || view.sizeClass === 'MICRO') eligible.push(e);
  }
  // One stream per programme: its events go in business-time order, the applications first.
  for (const [i, e] of eligible.entries()) {
    await voucher({ type: 'ApplyForVoucher', data: { programmeId, enterpriseId: e.id } }, enterpriseActor(e), at(`2026-03-${String(2 + i).padStart(2, '0')}`));
  }
  for (const [i, e] of eligible.entries()) {
    const decision = at(`2026-03-${String(16 + i).padStart(2, '0')}`);
    if (i === eligible.length - 1) {
      await voucher({ type: 'RefuseVoucherApplication', data: { programmeId, enterpriseId: e.id, reason: '申报材料与企业库登记的经营范围不符（示例）' } }, CITY, decision);
    } else {
      await voucher({ type: 'ApproveVoucherApplication', data: { programmeId, enterpriseId: e.id } }, CITY, decision);
    }
  }
  await voucher({ type: 'AmendVoucherProgramme', data: { programmeId, terms: { ...TERMS, budgetFen: 60_000_000 }, reason: '年中追加预算（示例）' } }, CITY, at('2026-06-15'));
  const orders = await loadDemoOrders(app, programmeId, eligible.slice(0, -1));
  new Logger('Demo').log(
    `Demo vouchers loaded: Guangzhou's 2026 服务券 programme, ${eligible.length} applications (one refused), ${orders} orders in every state. Try GET /voucher-programmes/${programmeId} as a CITY_AUTHORITY of 440100.`,
  );
}

/**
 * The programme's orders, one in every state: the demo's IP and finance providers deliver to the granted
 * enterprises from July; the orders go through confirmation, the delivery's confirmation, the claim, the
 * decision and the payment as far as each one's state, and one paid claim is voided in October.
 */
async function loadDemoOrders(app: INestApplication, programmeId: string, granted: DemoEnterprise[]): Promise<number> {
  const { runs } = demoRunner(app.get(CommandBus));
  const voucher = runs(voucherCommands);
  const delivery = runs(deliveryCommands);
  const providers = DEMO_PROVIDERS.filter((p) => p.key === 'P1' || p.key === 'P2');
  const steps: { at: string; run: () => Promise<unknown> }[] = [];
  for (const [i, state] of ORDER_STATES.entries()) {
    const provider = providers[i % providers.length];
    const domain = provider.serviceDomains[0];
    const e = granted[i % granted.length];
    const deliveryId = derivedId('demo-voucher-delivery', i);
    const orderId = derivedId('demo-voucher-order', i);
    const priceFen = (10 + 5 * (i % 5)) * 100_000; // ¥10,000 … ¥30,000
    const start = `2026-07-${String(1 + i).padStart(2, '0')}`;
    const delivered = `2026-07-${String(20 + i).padStart(2, '0')}`;
    const confirmed = `2026-07-${String(21 + i).padStart(2, '0')}`;
    const text = DOMAIN_TEXTS[domain]!;
    const served = enterpriseActor(e);
    const order = { programmeId, orderId };
    steps.push({
      at: at(start, '09:00'),
      run: async () => {
        const registration = {
          server: { kind: 'PROVIDER' as const, id: provider.id },
          enterpriseId: e.id,
          domain,
          title: `${text.title}（服务券）`,
          description: text.description,
          plannedStart: start,
          plannedEnd: `2026-09-${String(1 + i).padStart(2, '0')}`,
          fee: { kind: 'MARKET', amountFen: priceFen },
          mode: 'OFFLINE' as const,
          regionCode: e.regionCode,
        };
        await delivery({ type: 'RegisterDelivery', data: { deliveryId, ...registration } }, provider.user, at(start, '09:00'));
        await delivery({ type: 'StartDelivery', data: { deliveryId, startedOn: start } }, provider.user, at(start, '09:30'));
      },
    });
    steps.push({ at: at(start, '10:00'), run: () => voucher({ type: 'PlaceVoucherOrder', data: { ...order, enterpriseId: e.id, providerId: provider.id, deliveryId, priceFen } }, provider.user, at(start, '10:00')) });
    if (state === 'CANCELLED') {
      steps.push({ at: at(start, '16:00'), run: () => voucher({ type: 'CancelVoucherOrder', data: { ...order, reason: '企业调整采购计划，双方协商取消（示例）' } }, served, at(start, '16:00')) });
      continue;
    }
    if (REACHED[state] >= 1) steps.push({ at: at(start, '15:00'), run: () => voucher({ type: 'ConfirmVoucherOrder', data: order }, served, at(start, '15:00')) });
    if (REACHED[state] < 2) continue;
    steps.push({
      at: at(delivered, '16:00'),
      run: async () => {
        const deliverables = [documentOf(text.document, deliveryId)];
        await delivery({ type: 'DeliverService', data: { deliveryId, deliveredOn: delivered, outcome: text.outcome, deliverables } }, provider.user, at(delivered, '16:00'));
        await delivery({ type: 'ConfirmDelivery', data: { deliveryId } }, served, at(confirmed, '10:00'));
      },
    });
    steps.push({ at: at('2026-08-03', '10:00'), run: () => voucher({ type: 'ClaimVoucherSubsidy', data: order }, provider.user, at('2026-08-03', '10:00')) });
    if (state === 'REJECTED') {
      steps.push({ at: at('2026-08-10', '11:00'), run: () => voucher({ type: 'RejectVoucherClaim', data: { ...order, reason: '服务成果与合同约定的交付内容不符（示例）' } }, CITY, at('2026-08-10', '11:00')) });
      continue;
    }
    if (REACHED[state] >= 3) steps.push({ at: at('2026-08-10', '10:00'), run: () => voucher({ type: 'ApproveVoucherClaim', data: { ...order, opinion: '服务档案齐全，同意兑付（示例）' } }, CITY, at('2026-08-10', '10:00')) });
    if (REACHED[state] >= 4) steps.push({ at: at('2026-08-20', '10:00'), run: () => voucher({ type: 'RecordVoucherPayment', data: { ...order, reference: `GZCZ-2026-${String(i + 1).padStart(4, '0')}` } }, CITY, at('2026-08-20', '10:00')) });
    if (REACHED[state] >= 5) steps.push({ at: at('2026-10-15', '10:00'), run: () => voucher({ type: 'VoidVoucherPayment', data: { ...order, reason: '抽查发现服务未实际开展，追回补贴（示例）' } }, CITY, at('2026-10-15', '10:00')) });
  }
  // The programme's stream takes its events in business-time order.
  for (const step of steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) await step.run();
  return ORDER_STATES.length;
}
