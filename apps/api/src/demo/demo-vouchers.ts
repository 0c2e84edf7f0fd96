import { INestApplication, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { enterpriseKind, notFound, voucherKind } from '@sme/domain';
import { projectEnterprise } from '@sme/read-models';
import { RecordLoader } from '../records/record-loader';
import { derivedId } from '../records/derived-id';
import { voucherCommands } from '../vouchers/voucher.commands';
import { CITY } from './demo-data';
import { demoLoaded, demoRunner, demoTime as at } from './demo-runner';
import { DEMO_ENTERPRISES, enterpriseActor } from './demo-services-data';

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
    const view = await records.view(enterpriseKind, projectEnterprise, e.id, { missing: () => notFound('ENTERPRISE_NOT_FOUND', '企业不存在', 'The enterprise does not exist') });
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
  new Logger('Demo').log(
    `Demo vouchers loaded: Guangzhou's 2026 服务券 programme, ${eligible.length} applications (one refused). Try GET /voucher-programmes/${programmeId} as a CITY_AUTHORITY of 440100.`,
  );
}
