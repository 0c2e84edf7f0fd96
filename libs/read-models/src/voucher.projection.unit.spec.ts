import { themePlanKind } from '@sme/domain/themeplan/themeplan.kind';
import { anActor, gzBureau, TIANHE } from '@sme/domain/shared/testing';
import { anApplicant, PROGRAMME_ID, voucherTerms } from '@sme/domain/voucher/voucher.fixtures';
import { voucherKind } from '@sme/domain/voucher/voucher.kind';
import { voucherProgrammesProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { actOn, eventLog, givenEvents } from './testing/projection-gwt';

const ENTERPRISE_ID = 'e0000000-0000-4000-8000-000000000001';
const USCC = '91440106MA59C3PL2X';
const terms = { ...voucherTerms, eligibility: { sizeClasses: ['SMALL' as const, 'MICRO' as const], regionCodes: ['440100'] }, grantOnEligibility: false };
const applicant = anApplicant(ENTERPRISE_ID, USCC);
const enterprise = anActor('ENTERPRISE', TIANHE, 'ent-1', USCC);

function aProgramme(programmeId = PROGRAMME_ID, log = eventLog()) {
  const act = actOn(log, voucherKind, voucherKind.streamId(programmeId), { programmeId });
  return {
    log,
    publish: () => act('PublishVoucherProgramme', { issuer: { role: 'CITY_AUTHORITY', regionCode: '440100' }, terms }, gzBureau, '2026-02-20T10:00:00+08:00'),
    apply: () => act('ApplyForVoucher', { applicant }, enterprise, '2026-03-10T10:00:00+08:00'),
    refuse: () => act('RefuseVoucherApplication', { enterpriseId: ENTERPRISE_ID, reason: '材料不实' }, gzBureau, '2026-03-11T10:00:00+08:00'),
    approve: () => act('ApproveVoucherApplication', { enterpriseId: ENTERPRISE_ID }, gzBureau, '2026-03-12T10:00:00+08:00'),
    amend: () => act('AmendVoucherProgramme', { terms: { ...terms, budgetFen: 40_000_000 }, reason: '追加预算' }, gzBureau, '2026-04-01T10:00:00+08:00'),
  };
}

const holder = { enterpriseId: ENTERPRISE_ID, uscc: USCC, regionCode: TIANHE, tier: 'SMALL_MICRO' as const, appliedAt: '2026-03-10T02:00:00.000Z' };

describe('vouchers projection', () => {
  it('VoucherProgrammePublished: the terms, the issuer’s city and the whole budget unallocated', () => {
    givenEvents(voucherProgrammesProjection, [])
      .when(aProgramme().publish())
      .then({
        _id: PROGRAMME_ID,
        id: PROGRAMME_ID,
        issuer: { role: 'CITY_AUTHORITY', regionCode: '440100' },
        cityCode: '440100',
        title: terms.title,
        version: 1,
        terms,
        publishedAt: '2026-02-20T02:00:00.000Z',
        amendments: [],
        budget: { fundedFen: 30_000_000, grantedFen: 0, unallocatedFen: 30_000_000 },
        holders: [],
        holderUsccs: [],
      });
  });

  it('VoucherApplied, VoucherApplicationRefused: the enterprise listed, then refused with the reason', () => {
    const p = aProgramme();
    givenEvents(voucherProgrammesProjection, [p.publish()])
      .when(p.apply())
      .then((before) => ({ ...before, holders: [{ ...holder, status: 'APPLIED' as const, refusal: null, grant: null }], holderUsccs: [USCC] }));
    const q = aProgramme();
    givenEvents(voucherProgrammesProjection, [q.publish(), q.apply()])
      .when(q.refuse())
      .then((before) => ({ ...before, holders: [{ ...holder, status: 'REFUSED' as const, refusal: { reason: '材料不实', refusedAt: '2026-03-11T02:00:00.000Z' }, grant: null }] }));
  });

  it('VoucherGranted: the quota moves from unallocated to granted', () => {
    const p = aProgramme();
    givenEvents(voucherProgrammesProjection, [p.publish(), p.apply()])
      .when(p.approve())
      .then((before) => ({
        ...before,
        holders: [{ ...holder, status: 'GRANTED' as const, refusal: null, grant: { quotaFen: 2_000_000, way: 'APPLIED' as const, grantedAt: '2026-03-12T02:00:00.000Z' } }],
        budget: { fundedFen: 30_000_000, grantedFen: 2_000_000, unallocatedFen: 28_000_000 },
      }));
  });

  it('VoucherProgrammeAmended: the new terms and version, the reason kept, the budget raised', () => {
    const p = aProgramme();
    givenEvents(voucherProgrammesProjection, [p.publish(), p.apply(), p.approve()])
      .when(p.amend())
      .then((before) => ({
        ...before,
        version: 2,
        terms: { ...terms, budgetFen: 40_000_000 },
        amendments: [{ version: 2, reason: '追加预算', budgetFen: 40_000_000, amendedAt: '2026-04-01T02:00:00.000Z' }],
        budget: { fundedFen: 40_000_000, grantedFen: 2_000_000, unallocatedFen: 38_000_000 },
      }));
  });

  describeNoViewWithoutStart(voucherProgrammesProjection, 'an application to a programme the view never saw published makes no view', () => {
    const p = aProgramme();
    p.publish();
    return { VoucherApplied: p.apply() };
  });

  describeDelivery(voucherProgrammesProjection, {
    of: aProgramme,
    firstTwo: (p) => [p.publish(), p.apply()],
    olderBecause: 'a publication replayed does not drop the application',
    anotherKind: themePlanKind,
  });
});
