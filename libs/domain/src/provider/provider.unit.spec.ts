import type { Actor } from '../shared/decider';
import { anActor, cityBureau, commandsOn, commandWith, given, GZ, hub, shenzhenHub, type CommandData } from '../shared/testing';
import type { ApplyForEntry, ProviderCommand } from './provider.commands';
import { providerDecider } from './provider.decider';
import { providerKind } from './provider.kind';
import { PROVIDER_REENTRY_BAR_YEARS_DEFAULT } from './provider.rules';
import { activeProviderWarning, currentStationsOf, inPoolOn, isProbationOverdue, poolMovements, type ProviderState } from './provider.state';
import type { ProviderEvent, ProviderEvents } from './provider.events';
import { weightedMonitoringTotal } from './monitoring';
import type { ProviderRemovalGround } from './removal-grounds';

const USCC = '91440106MA59C3PL24';
const OTHER_USCC = '914401056187432107';
const PROVIDER_ID = 'provider-001';

type Evaluated = ProviderEvents['ProviderEvaluated'];

const provider = anActor('PROVIDER', '440106', 'provider-user-1', USCC);
const otherProvider = anActor('PROVIDER', '440105', 'provider-user-2', OTHER_USCC);
const tianheAuthority = anActor('DISTRICT_AUTHORITY', '440106');

const NOW = '2024-12-20T10:00:00+08:00';
const NOW_ISO = new Date(NOW).toISOString();
const APPLIED_AT = '2024-01-10T02:00:00.000Z';
const ADMITTED_AT = '2024-02-01T02:00:00.000Z';

const application: ApplyForEntry['data'] = {
  providerId: PROVIDER_ID,
  uscc: USCC,
  name: '广州知产通知识产权代理有限公司',
  regionCode: '440106',
  serviceDomains: ['IP', 'LEGAL'],
  materials: [
    { kind: '营业执照', fileName: 'licence.pdf', sha256: 'a'.repeat(64) },
    { kind: '专利代理机构执业许可证', fileName: 'permit.pdf', sha256: 'b'.repeat(64) },
  ],
  contact: { name: '李敏', phone: '020-38881234', email: 'limin@zhichantong.cn' },
};

type DataOf<T extends ProviderCommand['type']> = CommandData<ProviderCommand, T, 'providerId'>;
const cmd = commandsOn<ProviderCommand>()({ providerId: PROVIDER_ID }, hub, NOW);
const apply = commandWith('ApplyForEntry', application, provider, NOW);
const scores = { capability: 80, management: 70, quality: 90, satisfaction: 65 }; // 76.25
const failing = { capability: 50, management: 55, quality: 60, satisfaction: 45 }; // 52.5
/** Satisfaction typed in by the evaluator, as most of these cases have it; the feedback's own is tested below. */
const typedIn = { source: 'OVERRIDE', reason: '本期无服务评价，按走访情况评分', ratings: 0, computed: null } as const;
const evaluate = (data: Partial<DataOf<'RecordMonitoringEvaluation'>> = {}, actor = hub, now = NOW) =>
  cmd('RecordMonitoringEvaluation', { evaluationId: 'ev-2024', period: '2024', scores, opinion: '年度监测评价', satisfactionBasis: typedIn, ...data }, actor, now);
const evidence = [{ description: '市场监管部门行政处罚决定书', fileName: 'penalty.pdf', sha256: 'C'.repeat(64) }];
const remove = (data: Partial<DataOf<'RemoveFromPool'>> = {}, actor = hub) =>
  cmd('RemoveFromPool', { grounds: ['ILLEGAL_CONDUCT'], evidence, opinion: '予以出库', ...data }, actor);

const { providerId: _, ...profile } = application;
const applied: ProviderEvent = {
  type: 'ProviderAppliedForEntry',
  data: { providerId: PROVIDER_ID, ...profile, cityCode: GZ, appliedAt: APPLIED_AT },
};
const admitted: ProviderEvent = {
  type: 'ProviderAdmitted',
  data: { providerId: PROVIDER_ID, uscc: USCC, cityCode: GZ, opinion: '同意入库', admittedAt: ADMITTED_AT },
};
const refused: ProviderEvent = {
  type: 'ProviderEntryRefused',
  data: { providerId: PROVIDER_ID, reasons: ['服务案例不足'], opinion: '暂不入库', refusedAt: ADMITTED_AT },
};
const settled: ProviderEvent = { type: 'ProviderSettledAtStation', data: { providerId: PROVIDER_ID, stationId: 'station-007', since: '2024-03-01' } };
const settledElsewhere: ProviderEvent = { type: 'ProviderSettledAtStation', data: { providerId: PROVIDER_ID, stationId: 'station-012', since: '2024-04-01' } };

function evaluated(evaluationId: string, passed: boolean, evaluatedAt: string, removalRecommended = false): Evaluated {
  const s = passed ? scores : failing;
  return {
    type: 'ProviderEvaluated',
    data: {
      providerId: PROVIDER_ID,
      evaluationId,
      period: evaluationId.slice(3),
      scores: s,
      weights: { capability: 1, management: 1, quality: 1, satisfaction: 1 },
      passMark: 60,
      total: weightedMonitoringTotal(s),
      passed,
      removalRecommended,
      opinion: '监测评价',
      evaluatedAt,
    },
  };
}
const failed2023H2 = evaluated('ev-2023-H2', false, '2024-06-30T02:00:00.000Z');
const warned: ProviderEvent = {
  type: 'ProviderWarned',
  data: { providerId: PROVIDER_ID, evaluationId: 'ev-2023-H2', period: '2023-H2', probationDeadline: '2024-12-31', warnedAt: '2024-06-30T02:00:00.000Z' },
};
const passedFollowUp = evaluated('ev-2024-H1', true, '2024-09-30T02:00:00.000Z');
const liftedRectified: ProviderEvent = {
  type: 'ProviderWarningLifted',
  data: { providerId: PROVIDER_ID, basis: 'RECTIFIED', opinion: '整改到位', liftedAt: '2024-08-01T02:00:00.000Z' },
};
const failedAgainOnProbation = evaluated('ev-2024-H1', false, '2024-09-30T02:00:00.000Z', true);
const removedForFraud = (removedAt: string, grounds: ProviderRemovalGround[] = ['FALSIFIED_MATERIALS']): ProviderEvent => ({
  type: 'ProviderRemoved',
  data: {
    providerId: PROVIDER_ID,
    uscc: USCC,
    grounds,
    evidence: [{ description: '资质证书系伪造' }],
    opinion: '出库',
    removedBy: 'AUTHORITY',
    stationIds: [],
    removedAt,
  },
});
const withdrawn: ProviderEvent = {
  type: 'ProviderRemoved',
  data: { providerId: PROVIDER_ID, uscc: USCC, grounds: ['VOLUNTARY'], evidence: [], opinion: '业务调整', removedBy: 'PROVIDER', stationIds: [], removedAt: '2024-05-01T02:00:00.000Z' },
};

const inPool = [applied, admitted];
const stateOf = (history: ProviderEvent[]): ProviderState => given(providerKind, history).state;

/** An act on a provider in the pool: refused to one that applied and was never admitted, or that withdrew. */
function expectInPoolOnly(act: ProviderCommand) {
  given(providerKind, [applied]).when(act).thenThrows('PROVIDER_NOT_IN_POOL', { kind: 'CONFLICT' });
  given(providerKind, [...inPool, withdrawn]).when(act).thenThrows('PROVIDER_NOT_IN_POOL');
}

/** An act for the hub or city authority of the provider's city: the city authority may; the provider and Shenzhen's hub may not. */
function expectForCityStaffOnly(act: (actor: Actor) => ProviderCommand, emits: ProviderEvent['type']) {
  given(providerKind, inPool).when(act(cityBureau)).thenEmits([emits]);
  given(providerKind, inPool).when(act(provider)).thenThrows('ROLE_NOT_PERMITTED');
  given(providerKind, inPool).when(act(shenzhenHub)).thenThrows('REGION_NOT_PERMITTED');
}

describe('Service provider (优质服务机构库)', () => {
  describe('ApplyForEntry (申请入库)', () => {
    it('records the application, normalised, with the city that decides', () => {
      given(providerKind, [])
        .when(apply({ uscc: ' 91440106ma59c3pl24 ', materials: [{ kind: ' 营业执照 ', fileName: 'licence.pdf', sha256: 'A'.repeat(64) }] }, provider))
        .then([
          {
            type: 'ProviderAppliedForEntry',
            data: {
              providerId: PROVIDER_ID,
              ...profile,
              materials: [{ kind: '营业执照', fileName: 'licence.pdf', sha256: 'a'.repeat(64) }],
              cityCode: GZ,
              appliedAt: NOW_ISO,
            },
          },
        ])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'APPLIED', uscc: USCC, cityCode: GZ, periods: [], entryRounds: [{ appliedAt: NOW_ISO, outcome: 'PENDING' }] });
          expect(inPoolOn(state, NOW)).toBe(false);
        });
    });

    it('is for a provider, on behalf of its own organisation', () => {
      given(providerKind, []).when(apply({}, hub)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(providerKind, []).when(apply({}, otherProvider)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
    });

    it('checks the USCC and the region', () => {
      given(providerKind, []).when(apply({ uscc: '91440106MA59C3PL25' })).thenThrows('USCC_INVALID', { kind: 'VALIDATION', field: 'uscc' });
      given(providerKind, []).when(apply({ regionCode: '440000' })).thenThrows('REGION_CODE_INVALID', { field: 'regionCode' });
      given(providerKind, []).when(apply({ regionCode: 'GZ' })).thenThrows('REGION_CODE_INVALID', { field: 'regionCode' });
      given(providerKind, []).when(apply({ regionCode: GZ })).thenEmits(['ProviderAppliedForEntry']);
    });

    it('needs at least one known service domain, each once', () => {
      given(providerKind, []).when(apply({ serviceDomains: [] })).thenThrows('SERVICE_DOMAINS_REQUIRED', { field: 'serviceDomains' });
      given(providerKind, []).when(apply({ serviceDomains: ['IP', 'ACCOUNTING' as never] })).thenThrows('FIELD_INVALID', { field: 'serviceDomains.1' });
      given(providerKind, []).when(apply({ serviceDomains: ['IP', 'IP'] })).thenThrows('FIELD_INVALID', { field: 'serviceDomains.1' });
    });

    it('needs materials with a kind, a file name and a SHA-256', () => {
      given(providerKind, []).when(apply({ materials: [] })).thenThrows('ENTRY_MATERIALS_REQUIRED', { field: 'materials' });
      given(providerKind, []).when(apply({ materials: [{ kind: ' ', fileName: 'a.pdf', sha256: 'a'.repeat(64) }] })).thenThrows('FIELD_REQUIRED', { field: 'materials.0.kind' });
      given(providerKind, []).when(apply({ materials: [{ kind: '营业执照', fileName: '', sha256: 'a'.repeat(64) }] })).thenThrows('FIELD_REQUIRED', { field: 'materials.0.fileName' });
      given(providerKind, []).when(apply({ materials: [{ kind: '营业执照', fileName: 'a.pdf', sha256: 'xyz' }] })).thenThrows('FIELD_INVALID', { field: 'materials.0.sha256' });
    });

    it('needs a contact who can be reached', () => {
      given(providerKind, []).when(apply({ contact: { ...application.contact, name: '' } })).thenThrows('FIELD_REQUIRED', { field: 'contact.name' });
      given(providerKind, []).when(apply({ contact: { ...application.contact, phone: '123' } })).thenThrows('FIELD_INVALID', { field: 'contact.phone' });
      given(providerKind, []).when(apply({ contact: { ...application.contact, email: 'limin@' } })).thenThrows('FIELD_INVALID', { field: 'contact.email' });
    });

    it.each(['providerId', 'name'] as const)('needs %s', (field) => {
      given(providerKind, []).when(apply({ [field]: ' ' })).thenThrows('FIELD_REQUIRED', { field });
    });

    it('keeps one application open, and none while in the pool', () => {
      given(providerKind, [applied]).when(apply()).thenThrows('ENTRY_APPLICATION_PENDING', { kind: 'CONFLICT' });
      given(providerKind, inPool).when(apply()).thenThrows('PROVIDER_ALREADY_IN_POOL', { kind: 'CONFLICT' });
    });

    it('lets a refused provider apply again, as a new round', () => {
      given(providerKind, [applied, refused])
        .when(apply({ serviceDomains: ['IP', 'LEGAL', 'TRAINING'] }))
        .thenEmits(['ProviderAppliedForEntry']);
      const state = given(providerKind, [applied, refused]).when(apply()).then([
        { type: 'ProviderAppliedForEntry', data: { providerId: PROVIDER_ID, ...profile, cityCode: GZ, appliedAt: NOW_ISO } },
      ]).state;
      expect(state.status === 'APPLIED' && state.entryRounds.map((r) => r.outcome)).toEqual(['REFUSED', 'PENDING']);
    });

    it('takes the profile of the new round', () => {
      const state = given(providerKind, [applied, refused]).when(apply({ serviceDomains: ['TRAINING'], regionCode: '440105' })).thenEmits(['ProviderAppliedForEntry']).state;
      expect(state).toMatchObject({ status: 'APPLIED', serviceDomains: ['TRAINING'], regionCode: '440105', cityCode: GZ });
    });

    it('is the existing provider’s own record once it exists', () => {
      given(providerKind, [applied, refused]).when(apply({ uscc: OTHER_USCC }, otherProvider)).thenThrows('NOT_OWNER');
      given(providerKind, [applied, refused]).when(apply({ uscc: OTHER_USCC })).thenThrows('NOT_OWNER');
    });

    it('lets a removed provider apply again, keeping its past periods in the pool', () => {
      given(providerKind, [...inPool, withdrawn])
        .when(apply())
        .thenEmits(['ProviderAppliedForEntry']);
      const state = stateOf([...inPool, withdrawn, { ...applied, data: { ...applied.data, appliedAt: '2024-06-01T02:00:00.000Z' } }]);
      expect(state.status === 'APPLIED' && state.periods).toEqual([
        { admittedAt: ADMITTED_AT, removedAt: '2024-05-01T02:00:00.000Z', grounds: ['VOLUNTARY'], removedBy: 'PROVIDER', removalOpinion: '业务调整' },
      ]);
    });

    describe(`after 出库 for 弄虚作假 or 违法违规 (bar: ${PROVIDER_REENTRY_BAR_YEARS_DEFAULT} years by default)`, () => {
      const removedAt = '2022-01-10T02:00:00.000Z'; // 2022-01-10 10:00 in China
      const history = [...inPool, removedForFraud(removedAt)];

      it('refuses a new application within the bar', () => {
        given(providerKind, history)
          .when(apply({}, provider, '2025-01-10T09:59:59+08:00'))
          .thenThrows('REENTRY_BARRED', { kind: 'CONFLICT', message: /2025-01-10/ });
      });

      it('accepts it once the bar has run', () => {
        given(providerKind, history).when(apply({}, provider, '2025-01-10T10:00:00+08:00')).thenEmits(['ProviderAppliedForEntry']);
      });

      it('takes the bar from the command’s setting', () => {
        given(providerKind, history).when(apply({ reentryBarYears: 5 }, provider, '2026-06-01T10:00:00+08:00')).thenThrows('REENTRY_BARRED');
        given(providerKind, history).when(apply({ reentryBarYears: 1 }, provider, '2023-06-01T10:00:00+08:00')).thenEmits(['ProviderAppliedForEntry']);
        given(providerKind, history).when(apply({ reentryBarYears: 0 }, provider, '2022-01-11T10:00:00+08:00')).thenEmits(['ProviderAppliedForEntry']);
        given(providerKind, history).when(apply({ reentryBarYears: -1 })).thenThrows('FIELD_INVALID', { field: 'reentryBarYears' });
        given(providerKind, history).when(apply({ reentryBarYears: 1.5 })).thenThrows('FIELD_INVALID', { field: 'reentryBarYears' });
      });

      it('bars for illegal conduct too, but not for other grounds', () => {
        const illegal = removedForFraud(removedAt, ['ILLEGAL_CONDUCT', 'LOW_SATISFACTION']);
        given(providerKind, [...inPool, illegal]).when(apply({}, provider, '2023-01-10T10:00:00+08:00')).thenThrows('REENTRY_BARRED');
        const ceased = removedForFraud(removedAt, ['CEASED_OPERATION', 'LOW_SATISFACTION']);
        given(providerKind, [...inPool, ceased]).when(apply({}, provider, '2023-01-10T10:00:00+08:00')).thenEmits(['ProviderAppliedForEntry']);
      });
    });
  });

  describe('DecideEntry (入库审定)', () => {
    it('admits into the pool (入库)', () => {
      given(providerKind, [applied])
        .when(cmd('DecideEntry', { admitted: true, opinion: '符合入库标准' }))
        .then([{ type: 'ProviderAdmitted', data: { providerId: PROVIDER_ID, uscc: USCC, cityCode: GZ, opinion: '符合入库标准', admittedAt: NOW_ISO } }])
        .andState((state) => {
          expect(state.status).toBe('IN_POOL');
          expect(state.status === 'IN_POOL' && state.periods).toEqual([{ admittedAt: NOW_ISO }]);
          expect(state.status === 'IN_POOL' && state.entryRounds[0]).toEqual({ appliedAt: APPLIED_AT, outcome: 'ADMITTED', decidedAt: NOW_ISO, opinion: '符合入库标准' });
          expect(inPoolOn(state, NOW)).toBe(true);
          expect(inPoolOn(state, '2024-12-20T09:59:59+08:00')).toBe(false);
        });
    });

    it('refuses with reasons', () => {
      given(providerKind, [applied])
        .when(cmd('DecideEntry', { admitted: false, reasons: [' 服务案例不足 ', '无专职人员'], opinion: '暂不入库' }, cityBureau))
        .then([{ type: 'ProviderEntryRefused', data: { providerId: PROVIDER_ID, reasons: ['服务案例不足', '无专职人员'], opinion: '暂不入库', refusedAt: NOW_ISO } }])
        .andState((state) => {
          expect(state.status).toBe('REFUSED');
          expect(state.status === 'REFUSED' && state.entryRounds[0]).toMatchObject({ outcome: 'REFUSED', reasons: ['服务案例不足', '无专职人员'] });
        });
    });

    it('needs reasons for a refusal, an opinion and a yes or no', () => {
      given(providerKind, [applied]).when(cmd('DecideEntry', { admitted: false, opinion: '暂不入库' })).thenThrows('REFUSAL_REASONS_REQUIRED', { kind: 'VALIDATION', field: 'reasons' });
      given(providerKind, [applied]).when(cmd('DecideEntry', { admitted: false, reasons: [], opinion: '暂不入库' })).thenThrows('REFUSAL_REASONS_REQUIRED');
      given(providerKind, [applied]).when(cmd('DecideEntry', { admitted: false, reasons: ['a', ' '], opinion: '暂不入库' })).thenThrows('FIELD_REQUIRED', { field: 'reasons.1' });
      given(providerKind, [applied]).when(cmd('DecideEntry', { admitted: true, opinion: '' })).thenThrows('FIELD_REQUIRED', { field: 'opinion' });
      given(providerKind, [applied]).when(cmd('DecideEntry', { admitted: 'yes' as never, opinion: '同意' })).thenThrows('FIELD_INVALID', { field: 'admitted' });
    });

    it('is for the hub or city authority of the provider’s city', () => {
      const decision = { admitted: true, opinion: '同意' };
      given(providerKind, [applied]).when(cmd('DecideEntry', decision, provider)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(providerKind, [applied]).when(cmd('DecideEntry', decision, tianheAuthority)).thenThrows('ROLE_NOT_PERMITTED');
      given(providerKind, [applied]).when(cmd('DecideEntry', decision, shenzhenHub)).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    });

    it('needs an application awaiting a decision', () => {
      given(providerKind, inPool).when(cmd('DecideEntry', { admitted: true, opinion: '同意' })).thenThrows('ENTRY_NOT_PENDING', { kind: 'CONFLICT' });
      given(providerKind, [applied, refused]).when(cmd('DecideEntry', { admitted: true, opinion: '同意' })).thenThrows('ENTRY_NOT_PENDING');
    });
  });

  describe('RecordMonitoringEvaluation (监测评价)', () => {
    it('scores a pass on equal weights and a pass mark of 60 by default', () => {
      given(providerKind, inPool)
        .when(evaluate())
        .then([
          {
            type: 'ProviderEvaluated',
            data: {
              providerId: PROVIDER_ID,
              evaluationId: 'ev-2024',
              period: '2024',
              scores,
              weights: { capability: 1, management: 1, quality: 1, satisfaction: 1 },
              passMark: 60,
              total: 76.25,
              passed: true,
              removalRecommended: false,
              opinion: '年度监测评价',
              satisfactionBasis: typedIn,
              evaluatedAt: NOW_ISO,
            },
          },
        ])
        .andState((state) => {
          expect(state.status === 'IN_POOL' && state.evaluations.map((e) => e.evaluationId)).toEqual(['ev-2024']);
          expect(activeProviderWarning(state)).toBeUndefined();
        });
    });

    it('takes 服务满意度 from the period’s feedback: the mean rating × 20, and nothing else', () => {
      const fromFeedback = { source: 'FEEDBACK', ratings: 4, averageRating: 3.25, from: '2024-01-01', until: '2024-12-31' } as const;
      const [event] = providerDecider.decide(evaluate({ scores: { ...scores, satisfaction: 65 }, satisfactionBasis: fromFeedback }), stateOf(inPool));
      expect(event.data).toMatchObject({ scores: { satisfaction: 65 }, satisfactionBasis: fromFeedback });
      given(providerKind, inPool)
        .when(evaluate({ scores: { ...scores, satisfaction: 90 }, satisfactionBasis: fromFeedback }))
        .thenThrows('SATISFACTION_NOT_FROM_FEEDBACK', { kind: 'VALIDATION', field: 'scores.satisfaction' });
    });

    it('keeps a typed-in satisfaction only as an override with a reason', () => {
      given(providerKind, inPool)
        .when(evaluate({ satisfactionBasis: { ...typedIn, reason: ' ' } }))
        .thenThrows('SATISFACTION_OVERRIDE_REASON_REQUIRED', { kind: 'VALIDATION', field: 'satisfactionOverrideReason' });
      given(providerKind, inPool)
        .when(evaluate({ satisfactionBasis: undefined }))
        .thenThrows('SATISFACTION_OVERRIDE_REASON_REQUIRED');
    });

    it('weighs the four dimensions as configured and rounds the total to two decimals', () => {
      const weights = { capability: 0.3, management: 0.2, quality: 0.3, satisfaction: 0.2 };
      const [event] = providerDecider.decide(evaluate({ scores: { capability: 70, management: 65, quality: 58, satisfaction: 49 }, weights }), stateOf(inPool));
      expect(event.data).toMatchObject({ total: 61.2, passed: true, weights });
      const [third] = providerDecider.decide(
        evaluate({ scores: { capability: 60, management: 60, quality: 61, satisfaction: 0 }, weights: { capability: 1, management: 1, quality: 1, satisfaction: 0 } }),
        stateOf(inPool),
      );
      expect(third.data).toMatchObject({ total: 60.33 });
    });

    it('takes the pass mark from the command’s setting', () => {
      const [event] = providerDecider.decide(evaluate({ passMark: 80, probationDeadline: '2025-06-30' }), stateOf(inPool));
      expect(event.data).toMatchObject({ total: 76.25, passMark: 80, passed: false });
      const [exact] = providerDecider.decide(evaluate({ passMark: 76.25 }), stateOf(inPool));
      expect(exact.data).toMatchObject({ passed: true });
    });

    it('warns on a first failure and opens a 整改期 until the given deadline', () => {
      given(providerKind, inPool)
        .when(evaluate({ scores: failing, probationDeadline: '2025-06-30' }))
        .then([
          {
            type: 'ProviderEvaluated',
            data: expect.objectContaining({ total: 52.5, passed: false, removalRecommended: false }) as Evaluated['data'],
          },
          { type: 'ProviderWarned', data: { providerId: PROVIDER_ID, evaluationId: 'ev-2024', period: '2024', probationDeadline: '2025-06-30', warnedAt: NOW_ISO } },
        ])
        .andState((state) => {
          expect(activeProviderWarning(state)).toMatchObject({ evaluationId: 'ev-2024', probationDeadline: '2025-06-30' });
          expect(state.status === 'IN_POOL' && state.removalRecommended).toBe(false);
          expect(isProbationOverdue(state, '2025-06-30')).toBe(false);
          expect(isProbationOverdue(state, '2025-07-01T00:00:00+08:00')).toBe(true);
        });
    });

    it('needs a deadline in the future when a failure opens a 整改期', () => {
      given(providerKind, inPool).when(evaluate({ scores: failing })).thenThrows('PROBATION_DEADLINE_REQUIRED', { kind: 'VALIDATION', field: 'probationDeadline' });
      given(providerKind, inPool).when(evaluate({ scores: failing, probationDeadline: '2024-12-20' })).thenThrows('PROBATION_DEADLINE_NOT_IN_FUTURE', { field: 'probationDeadline' });
      given(providerKind, inPool).when(evaluate({ scores: failing, probationDeadline: '2025-02-30' })).thenThrows('FIELD_INVALID', { field: 'probationDeadline' });
      given(providerKind, inPool).when(evaluate({ probationDeadline: '2025-06-30' })).thenEmits(['ProviderEvaluated']);
    });

    it('flags removal on failing again during the 整改期, and removes nothing by itself', () => {
      given(providerKind, [...inPool, failed2023H2, warned])
        .when(evaluate({ scores: failing }))
        .then([{ type: 'ProviderEvaluated', data: expect.objectContaining({ passed: false, removalRecommended: true }) as Evaluated['data'] }])
        .andState((state) => {
          expect(state.status).toBe('IN_POOL');
          expect(state.status === 'IN_POOL' && state.removalRecommended).toBe(true);
          expect(activeProviderWarning(state)?.evaluationId).toBe('ev-2023-H2');
        });
    });

    it('flags removal on failing during the 整改期 even after a pass in between', () => {
      given(providerKind, [...inPool, failed2023H2, warned, passedFollowUp])
        .when(evaluate({ scores: failing, probationDeadline: '2025-06-30' }))
        .then([{ type: 'ProviderEvaluated', data: expect.objectContaining({ passed: false, removalRecommended: true }) as Evaluated['data'] }]);
    });

    it('flags removal on a second failure in a row, even once the warning was lifted for rectification', () => {
      given(providerKind, [...inPool, failed2023H2, warned, liftedRectified])
        .when(evaluate({ scores: failing, probationDeadline: '2025-06-30' }))
        .then([{ type: 'ProviderEvaluated', data: expect.objectContaining({ passed: false, removalRecommended: true }) as Evaluated['data'] }])
        .andState((state) => {
          expect(state.status === 'IN_POOL' && state.removalRecommended).toBe(true);
          expect(activeProviderWarning(state)).toBeUndefined();
        });
    });

    it('warns afresh on a failure after a pass', () => {
      given(providerKind, [...inPool, failed2023H2, warned, passedFollowUp, liftedRectified])
        .when(evaluate({ scores: failing, probationDeadline: '2025-06-30' }))
        .thenEmits(['ProviderEvaluated', 'ProviderWarned']);
    });

    it('clears a removal flag on a pass', () => {
      given(providerKind, [...inPool, failed2023H2, warned, failedAgainOnProbation])
        .when(evaluate())
        .then([{ type: 'ProviderEvaluated', data: expect.objectContaining({ passed: true, removalRecommended: false }) as Evaluated['data'] }])
        .andState((state) => {
          expect(state.status === 'IN_POOL' && state.removalRecommended).toBe(false);
          expect(activeProviderWarning(state)).toBeDefined();
        });
    });

    it('checks scores, weights, pass mark and period', () => {
      given(providerKind, inPool).when(evaluate({ scores: { ...scores, quality: 101 } })).thenThrows('FIELD_INVALID', { field: 'scores.quality' });
      given(providerKind, inPool).when(evaluate({ scores: { ...scores, capability: -1 } })).thenThrows('FIELD_INVALID', { field: 'scores.capability' });
      given(providerKind, inPool).when(evaluate({ scores: { capability: 80, management: 70, quality: 90 } as never })).thenThrows('FIELD_INVALID', { field: 'scores.satisfaction' });
      given(providerKind, inPool).when(evaluate({ weights: { capability: 1, management: 1, quality: 1, satisfaction: -1 } })).thenThrows('WEIGHTS_INVALID', { field: 'weights' });
      given(providerKind, inPool).when(evaluate({ weights: { capability: 0, management: 0, quality: 0, satisfaction: 0 } })).thenThrows('WEIGHTS_INVALID');
      given(providerKind, inPool).when(evaluate({ weights: { capability: 1, management: 1, quality: 1 } as never })).thenThrows('WEIGHTS_INVALID');
      given(providerKind, inPool).when(evaluate({ passMark: 120 })).thenThrows('FIELD_INVALID', { field: 'passMark' });
      given(providerKind, inPool).when(evaluate({ period: '2024-H3' })).thenThrows('FIELD_INVALID', { field: 'period' });
      given(providerKind, inPool).when(evaluate({ period: '' })).thenThrows('FIELD_REQUIRED', { field: 'period' });
      given(providerKind, inPool).when(evaluate({ period: '2024-Q3' })).thenEmits(['ProviderEvaluated']);
      given(providerKind, inPool).when(evaluate({ evaluationId: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'evaluationId' });
      given(providerKind, inPool).when(evaluate({ opinion: '' })).thenThrows('FIELD_REQUIRED', { field: 'opinion' });
    });

    it('uses each evaluation id once', () => {
      given(providerKind, [...inPool, passedFollowUp]).when(evaluate({ evaluationId: 'ev-2024-H1' })).thenThrows('EVALUATION_ID_ALREADY_USED', { kind: 'CONFLICT', field: 'evaluationId' });
    });

    it('evaluates providers in the pool only', () => {
      expectInPoolOnly(evaluate());
    });

    it('is for the hub or city authority of the provider’s city', () => {
      expectForCityStaffOnly((actor) => evaluate({}, actor), 'ProviderEvaluated');
    });
  });

  describe('LiftWarning (解除警示)', () => {
    const onProbation = [...inPool, failed2023H2, warned];

    it('lifts on accepted rectification', () => {
      given(providerKind, onProbation)
        .when(cmd('LiftWarning', { basis: 'RECTIFIED', opinion: '整改到位' }))
        .then([{ type: 'ProviderWarningLifted', data: { providerId: PROVIDER_ID, basis: 'RECTIFIED', opinion: '整改到位', liftedAt: NOW_ISO } }])
        .andState((state) => {
          expect(activeProviderWarning(state)).toBeUndefined();
          expect(state.status === 'IN_POOL' && state.warnings[0].ended).toEqual({ how: 'LIFTED', basis: 'RECTIFIED', opinion: '整改到位', at: NOW_ISO });
        });
    });

    it('lifts on a passed follow-up evaluation, named', () => {
      given(providerKind, [...onProbation, passedFollowUp])
        .when(cmd('LiftWarning', { basis: 'FOLLOW_UP_PASSED', evaluationId: 'ev-2024-H1', opinion: '复评合格' }, cityBureau))
        .then([
          { type: 'ProviderWarningLifted', data: { providerId: PROVIDER_ID, basis: 'FOLLOW_UP_PASSED', evaluationId: 'ev-2024-H1', opinion: '复评合格', liftedAt: NOW_ISO } },
        ])
        .andState((state) => expect(activeProviderWarning(state)).toBeUndefined());
    });

    it('clears a removal flag: the authority keeps the provider', () => {
      const state = given(providerKind, [...onProbation, failedAgainOnProbation])
        .when(cmd('LiftWarning', { basis: 'RECTIFIED', opinion: '整改到位，保留' }))
        .thenEmits(['ProviderWarningLifted']).state;
      expect(state.status === 'IN_POOL' && state.removalRecommended).toBe(false);
    });

    it('needs a follow-up that exists, passed, and came after the warning', () => {
      given(providerKind, [...onProbation, passedFollowUp])
        .when(cmd('LiftWarning', { basis: 'FOLLOW_UP_PASSED', evaluationId: 'ev-2099', opinion: '复评合格' }))
        .thenThrows('EVALUATION_NOT_FOUND', { kind: 'NOT_FOUND' });
      given(providerKind, onProbation)
        .when(cmd('LiftWarning', { basis: 'FOLLOW_UP_PASSED', evaluationId: 'ev-2023-H2', opinion: '复评合格' }))
        .thenThrows('FOLLOW_UP_EVALUATION_NOT_PASSED', { kind: 'CONFLICT', field: 'evaluationId' });
      const passedBefore = evaluated('ev-2023-H1', true, '2024-03-30T02:00:00.000Z');
      given(providerKind, [...inPool, passedBefore, failed2023H2, warned])
        .when(cmd('LiftWarning', { basis: 'FOLLOW_UP_PASSED', evaluationId: 'ev-2023-H1', opinion: '复评合格' }))
        .thenThrows('FOLLOW_UP_EVALUATION_NOT_PASSED');
      given(providerKind, [...onProbation, failedAgainOnProbation])
        .when(cmd('LiftWarning', { basis: 'FOLLOW_UP_PASSED', evaluationId: 'ev-2024-H1', opinion: '复评合格' }))
        .thenThrows('FOLLOW_UP_EVALUATION_NOT_PASSED');
      given(providerKind, onProbation).when(cmd('LiftWarning', { basis: 'FOLLOW_UP_PASSED', opinion: '复评合格' })).thenThrows('FIELD_REQUIRED', { field: 'evaluationId' });
    });

    it('names an evaluation only for a follow-up, and a known basis', () => {
      given(providerKind, [...onProbation, passedFollowUp])
        .when(cmd('LiftWarning', { basis: 'RECTIFIED', evaluationId: 'ev-2024-H1', opinion: '整改到位' }))
        .thenThrows('FIELD_INVALID', { field: 'evaluationId' });
      given(providerKind, onProbation).when(cmd('LiftWarning', { basis: 'FORGIVEN' as never, opinion: '—' })).thenThrows('FIELD_INVALID', { field: 'basis' });
      given(providerKind, onProbation).when(cmd('LiftWarning', { basis: 'RECTIFIED', opinion: '' })).thenThrows('FIELD_REQUIRED', { field: 'opinion' });
    });

    it('needs an open warning', () => {
      given(providerKind, inPool).when(cmd('LiftWarning', { basis: 'RECTIFIED', opinion: '整改到位' })).thenThrows('WARNING_NOT_ACTIVE', { kind: 'CONFLICT' });
      given(providerKind, [...onProbation, liftedRectified]).when(cmd('LiftWarning', { basis: 'RECTIFIED', opinion: '整改到位' })).thenThrows('WARNING_NOT_ACTIVE');
    });

    it('is for the hub or city authority of the provider’s city', () => {
      given(providerKind, onProbation).when(cmd('LiftWarning', { basis: 'RECTIFIED', opinion: '整改到位' }, provider)).thenThrows('ROLE_NOT_PERMITTED');
      given(providerKind, onProbation).when(cmd('LiftWarning', { basis: 'RECTIFIED', opinion: '整改到位' }, shenzhenHub)).thenThrows('REGION_NOT_PERMITTED');
    });
  });

  describe('RemoveFromPool (出库)', () => {
    it('removes, and ends every 入驻 with it so the stations see it', () => {
      given(providerKind, [...inPool, settled, settledElsewhere])
        .when(remove())
        .then([
          { type: 'ProviderLeftStation', data: { providerId: PROVIDER_ID, stationId: 'station-007', reason: '予以出库', cause: 'REMOVED_FROM_POOL', leftAt: NOW_ISO } },
          { type: 'ProviderLeftStation', data: { providerId: PROVIDER_ID, stationId: 'station-012', reason: '予以出库', cause: 'REMOVED_FROM_POOL', leftAt: NOW_ISO } },
          {
            type: 'ProviderRemoved',
            data: {
              providerId: PROVIDER_ID,
              uscc: USCC,
              grounds: ['ILLEGAL_CONDUCT'],
              evidence: [{ description: '市场监管部门行政处罚决定书', fileName: 'penalty.pdf', sha256: 'c'.repeat(64) }],
              opinion: '予以出库',
              removedBy: 'AUTHORITY',
              stationIds: ['station-007', 'station-012'],
              removedAt: NOW_ISO,
            },
          },
        ])
        .andState((state) => {
          expect(state.status).toBe('REMOVED');
          expect(currentStationsOf(state)).toEqual([]);
          expect(state.status === 'REMOVED' && state.stations[0]).toEqual({ stationId: 'station-007', since: '2024-03-01', leftAt: NOW_ISO, reason: '予以出库', cause: 'REMOVED_FROM_POOL' });
          expect(state.status === 'REMOVED' && state.periods).toEqual([
            { admittedAt: ADMITTED_AT, removedAt: NOW_ISO, grounds: ['ILLEGAL_CONDUCT'], removedBy: 'AUTHORITY', removalOpinion: '予以出库' },
          ]);
          expect(inPoolOn(state, '2024-12-19')).toBe(true);
          expect(inPoolOn(state, '2024-12-20')).toBe(false);
          expect(inPoolOn(state, new Date('2024-12-20T01:59:59.999Z'))).toBe(true);
        });
    });

    it('with no stations, emits the removal alone', () => {
      given(providerKind, inPool).when(remove({ grounds: ['CEASED_OPERATION'], evidence: [{ description: '已注销' }] })).thenEmits(['ProviderRemoved']);
    });

    it('closes an open warning', () => {
      const state = given(providerKind, [...inPool, failed2023H2, warned]).when(remove()).thenEmits(['ProviderRemoved']).state;
      expect(state.status === 'REMOVED' && state.warnings[0].ended).toEqual({ how: 'REMOVED', at: NOW_ISO });
    });

    it('removes for failed evaluation only after a repeated failure', () => {
      const grounds = ['FAILED_EVALUATION' as const];
      given(providerKind, [...inPool, failed2023H2, warned]).when(remove({ grounds })).thenThrows('FAILED_EVALUATION_REMOVAL_NOT_DUE', { kind: 'CONFLICT', field: 'grounds' });
      given(providerKind, [...inPool, failed2023H2, warned, failedAgainOnProbation]).when(remove({ grounds })).thenEmits(['ProviderRemoved']);
    });

    it('needs grounds from the list, each once, evidence and an opinion', () => {
      given(providerKind, inPool).when(remove({ grounds: [] })).thenThrows('REMOVAL_GROUNDS_REQUIRED', { kind: 'VALIDATION', field: 'grounds' });
      given(providerKind, inPool).when(remove({ grounds: ['ILLEGAL_CONDUCT', 'LATE_REPORT' as never] })).thenThrows('FIELD_INVALID', { field: 'grounds.1' });
      given(providerKind, inPool).when(remove({ grounds: ['OTHER', 'OTHER'] })).thenThrows('FIELD_INVALID', { field: 'grounds.1' });
      given(providerKind, inPool).when(remove({ evidence: [] })).thenThrows('REMOVAL_EVIDENCE_REQUIRED', { field: 'evidence' });
      given(providerKind, inPool).when(remove({ evidence: [{ description: ' ' }] })).thenThrows('FIELD_REQUIRED', { field: 'evidence.0.description' });
      given(providerKind, inPool).when(remove({ evidence: [{ description: '处罚书', fileName: ' ' }] })).thenThrows('FIELD_INVALID', { field: 'evidence.0.fileName' });
      given(providerKind, inPool).when(remove({ evidence: [{ description: '处罚书', sha256: 'xyz' }] })).thenThrows('FIELD_INVALID', { field: 'evidence.0.sha256' });
      given(providerKind, inPool).when(remove({ opinion: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'opinion' });
    });

    it('removes a provider in the pool only', () => {
      expectInPoolOnly(remove());
    });

    it('is for the hub or city authority of the provider’s city', () => {
      expectForCityStaffOnly((actor) => remove({}, actor), 'ProviderRemoved');
    });
  });

  describe('WithdrawFromPool (自愿退出)', () => {
    it('lets the provider leave the pool and its stations', () => {
      given(providerKind, [...inPool, settled])
        .when(cmd('WithdrawFromPool', { reason: '业务调整' }, provider))
        .then([
          { type: 'ProviderLeftStation', data: { providerId: PROVIDER_ID, stationId: 'station-007', reason: '业务调整', cause: 'REMOVED_FROM_POOL', leftAt: NOW_ISO } },
          {
            type: 'ProviderRemoved',
            data: { providerId: PROVIDER_ID, uscc: USCC, grounds: ['VOLUNTARY'], evidence: [], opinion: '业务调整', removedBy: 'PROVIDER', stationIds: ['station-007'], removedAt: NOW_ISO },
          },
        ])
        .andState((state) => expect(poolMovements(state)).toEqual([
          { kind: 'ENTRY', at: ADMITTED_AT },
          { kind: 'EXIT', at: NOW_ISO, grounds: ['VOLUNTARY'], removedBy: 'PROVIDER', opinion: '业务调整' },
        ]));
    });

    it('is for the provider itself', () => {
      given(providerKind, inPool).when(cmd('WithdrawFromPool', { reason: '业务调整' }, otherProvider)).thenThrows('NOT_OWNER');
      given(providerKind, inPool).when(cmd('WithdrawFromPool', { reason: '业务调整' }, hub)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('cannot pre-empt a removal the evaluations call for', () => {
      given(providerKind, [...inPool, failed2023H2, warned, failedAgainOnProbation])
        .when(cmd('WithdrawFromPool', { reason: '业务调整' }, provider))
        .thenThrows('REMOVAL_PENDING', { kind: 'CONFLICT' });
    });

    it('needs a reason, and the provider in the pool', () => {
      given(providerKind, inPool).when(cmd('WithdrawFromPool', { reason: ' ' }, provider)).thenThrows('FIELD_REQUIRED', { field: 'reason' });
      given(providerKind, [applied]).when(cmd('WithdrawFromPool', { reason: '业务调整' }, provider)).thenThrows('PROVIDER_NOT_IN_POOL');
    });
  });

  describe('SettleAtStation (入驻) and LeaveStation', () => {
    const settle = (data: Partial<DataOf<'SettleAtStation'>> = {}, actor = provider) =>
      cmd('SettleAtStation', { stationId: 'station-007', since: '2024-03-01', ...data }, actor);
    const leave = (data: Partial<DataOf<'LeaveStation'>> = {}, actor = provider) =>
      cmd('LeaveStation', { stationId: 'station-007', reason: '合作到期', ...data }, actor);

    it('settles at a station, by the provider or the hub', () => {
      given(providerKind, inPool)
        .when(settle())
        .then([settled])
        .andState((state) => expect(currentStationsOf(state)).toEqual([{ stationId: 'station-007', since: '2024-03-01' }]));
      given(providerKind, inPool).when(settle({}, hub)).thenEmits(['ProviderSettledAtStation']);
    });

    it('leaves a station', () => {
      given(providerKind, [...inPool, settled, settledElsewhere])
        .when(leave())
        .then([{ type: 'ProviderLeftStation', data: { providerId: PROVIDER_ID, stationId: 'station-007', reason: '合作到期', cause: 'LEFT', leftAt: NOW_ISO } }])
        .andState((state) => expect(currentStationsOf(state).map((s) => s.stationId)).toEqual(['station-012']));
    });

    it('settles once per station at a time, and again after leaving', () => {
      given(providerKind, [...inPool, settled]).when(settle()).thenThrows('ALREADY_AT_STATION', { kind: 'CONFLICT', field: 'stationId' });
      const left: ProviderEvent = { type: 'ProviderLeftStation', data: { providerId: PROVIDER_ID, stationId: 'station-007', reason: '合作到期', cause: 'LEFT', leftAt: '2024-06-01T02:00:00.000Z' } };
      given(providerKind, [...inPool, settled, left]).when(settle({ since: '2024-09-01' })).thenEmits(['ProviderSettledAtStation']);
      given(providerKind, [...inPool, settled, left]).when(leave()).thenThrows('NOT_AT_STATION', { kind: 'CONFLICT', field: 'stationId' });
      const again: ProviderEvent = { type: 'ProviderSettledAtStation', data: { providerId: PROVIDER_ID, stationId: 'station-007', since: '2024-09-01' } };
      const state = given(providerKind, [...inPool, settled, left, again]).when(leave({ reason: '服务站调整' })).thenEmits(['ProviderLeftStation']).state;
      expect(state.status === 'IN_POOL' && state.stations).toEqual([
        { stationId: 'station-007', since: '2024-03-01', leftAt: '2024-06-01T02:00:00.000Z', reason: '合作到期', cause: 'LEFT' },
        { stationId: 'station-007', since: '2024-09-01', leftAt: NOW_ISO, reason: '服务站调整', cause: 'LEFT' },
      ]);
    });

    it('dates the 入驻 between entry and today', () => {
      given(providerKind, inPool).when(settle({ since: '2024-01-31' })).thenThrows('STATION_DATE_BEFORE_ADMISSION', { kind: 'VALIDATION', field: 'since' });
      given(providerKind, inPool).when(settle({ since: '2024-02-01' })).thenEmits(['ProviderSettledAtStation']);
      given(providerKind, inPool).when(settle({ since: '2024-12-21' })).thenThrows('FIELD_INVALID', { field: 'since' });
      given(providerKind, inPool).when(settle({ since: '2024/03/01' })).thenThrows('FIELD_INVALID', { field: 'since' });
    });

    it('needs a station and a reason', () => {
      given(providerKind, inPool).when(settle({ stationId: '' })).thenThrows('FIELD_REQUIRED', { field: 'stationId' });
      given(providerKind, [...inPool, settled]).when(leave({ reason: '' })).thenThrows('FIELD_REQUIRED', { field: 'reason' });
    });

    it('only while in the pool', () => {
      given(providerKind, [applied]).when(settle()).thenThrows('PROVIDER_NOT_IN_POOL');
      given(providerKind, [...inPool, withdrawn]).when(settle({ since: '2024-06-01' })).thenThrows('PROVIDER_NOT_IN_POOL');
      given(providerKind, [...inPool, settled, withdrawn]).when(leave()).thenThrows('PROVIDER_NOT_IN_POOL');
    });

    it('is for the provider itself or the hub / city authority of its city', () => {
      given(providerKind, inPool).when(settle({}, otherProvider)).thenThrows('NOT_OWNER');
      given(providerKind, inPool).when(settle({}, tianheAuthority)).thenThrows('ROLE_NOT_PERMITTED', { message: /PROVIDER/ });
      given(providerKind, inPool).when(settle({}, shenzhenHub)).thenThrows('REGION_NOT_PERMITTED');
      given(providerKind, [...inPool, settled]).when(leave({}, otherProvider)).thenThrows('NOT_OWNER');
      given(providerKind, [...inPool, settled]).when(leave({}, cityBureau)).thenEmits(['ProviderLeftStation']);
    });
  });

  describe('有进有出 over several rounds', () => {
    const readmittedAt = '2024-07-01T02:00:00.000Z';
    const history: ProviderEvent[] = [
      ...inPool,
      failed2023H2,
      warned,
      withdrawn,
      { ...applied, data: { ...applied.data, appliedAt: '2024-06-01T02:00:00.000Z' } },
      { ...admitted, data: { ...admitted.data, admittedAt: readmittedAt } },
    ];

    it('keeps every period in the pool, and answers as of any date', () => {
      const state = stateOf(history);
      expect(state.status === 'IN_POOL' && state.periods).toEqual([
        { admittedAt: ADMITTED_AT, removedAt: '2024-05-01T02:00:00.000Z', grounds: ['VOLUNTARY'], removedBy: 'PROVIDER', removalOpinion: '业务调整' },
        { admittedAt: readmittedAt },
      ]);
      expect(poolMovements(state).map((m) => `${m.kind} ${m.at.slice(0, 10)}`)).toEqual(['ENTRY 2024-02-01', 'EXIT 2024-05-01', 'ENTRY 2024-07-01']);
      expect(inPoolOn(state, '2024-01-31')).toBe(false);
      expect(inPoolOn(state, '2024-03-15')).toBe(true);
      expect(inPoolOn(state, '2024-06-15')).toBe(false);
      expect(inPoolOn(state, '2024-07-01')).toBe(true);
      expect(state.status === 'IN_POOL' && state.entryRounds.map((r) => r.outcome)).toEqual(['ADMITTED', 'ADMITTED']);
    });

    it('starts a new round with a clean slate: no warning, no run of failures', () => {
      const state = stateOf(history);
      expect(activeProviderWarning(state)).toBeUndefined();
      expect(state.status === 'IN_POOL' && state.warnings[0].ended).toEqual({ how: 'REMOVED', at: '2024-05-01T02:00:00.000Z' });
      given(providerKind, history).when(evaluate({ scores: failing, probationDeadline: '2025-06-30' })).thenEmits(['ProviderEvaluated', 'ProviderWarned']);
    });
  });

  it('drops a removal flag with the removal: a new round starts without it', () => {
    const removedForFailures: ProviderEvent = {
      type: 'ProviderRemoved',
      data: { providerId: PROVIDER_ID, uscc: USCC, grounds: ['FAILED_EVALUATION'], evidence: [{ description: '连续两次不合格' }], opinion: '出库', removedBy: 'AUTHORITY', stationIds: [], removedAt: '2024-10-01T02:00:00.000Z' },
    };
    const history = [...inPool, failed2023H2, warned, failedAgainOnProbation, removedForFailures, applied, { ...admitted, data: { ...admitted.data, admittedAt: '2024-11-01T02:00:00.000Z' } }];
    expect(stateOf(history)).toMatchObject({ status: 'IN_POOL', removalRecommended: false, consecutiveFailures: 0 });
    given(providerKind, history).when(cmd('WithdrawFromPool', { reason: '业务调整' }, provider)).thenEmits(['ProviderRemoved']);
  });

  it('inPoolOn and poolMovements know nothing of a provider that does not exist', () => {
    expect(inPoolOn(providerDecider.initialState(), NOW)).toBe(false);
    expect(poolMovements(providerDecider.initialState())).toEqual([]);
  });

  it.each<ProviderCommand>([
    cmd('DecideEntry', { admitted: true, opinion: '同意' }),
    evaluate(),
    cmd('LiftWarning', { basis: 'RECTIFIED', opinion: '整改到位' }),
    remove(),
    cmd('WithdrawFromPool', { reason: '业务调整' }, provider),
    cmd('SettleAtStation', { stationId: 'station-007', since: '2024-03-01' }, provider),
    cmd('LeaveStation', { stationId: 'station-007', reason: '合作到期' }, provider),
  ])('$type on a provider that does not exist is PROVIDER_NOT_FOUND', (command) => {
    given(providerKind, []).when(command).thenThrows('PROVIDER_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it('has a schema version for every event type', () => {
    expect(Object.keys(providerKind.schemaVersions).sort()).toEqual(
      [
        'ProviderAppliedForEntry',
        'ProviderAdmitted',
        'ProviderEntryRefused',
        'ProviderEvaluated',
        'ProviderWarned',
        'ProviderWarningLifted',
        'ProviderRemoved',
        'ProviderSettledAtStation',
        'ProviderLeftStation',
      ].sort(),
    );
  });
});
