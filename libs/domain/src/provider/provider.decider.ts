/* Why this file is long: the decide half of the 优质服务机构库 record: one short function per command of 有进有出 (state and evolve in provider.state.ts, shared checks in provider.rules.ts). */
import { chinaDateOf, compareBusinessDates } from '../shared/dates';
import { checkTies } from '../shared/organisation-ties';
import { decideByType } from '../shared/decide-by-type';
import type { Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { requireLocalRegionCode } from '../shared/city-scope';
import { cityCodeOf } from '../shared/region-code';
import { requireUscc } from '../shared/uscc';
import {
  fieldInvalid,
  requireBoolean,
  requireBusinessDate,
  requireInteger,
  requireOneOf,
  requireOpinion,
  requireText,
} from '../shared/validation';
import { satisfactionScoreOf, weightedMonitoringTotal, type SatisfactionBasis } from './monitoring';
import {
  checkMonitoringScores,
  checkMonitoringWeights,
  checkPassMark,
  checkProviderContact,
  checkProviderMaterials,
  checkRemovalEvidence,
  checkRemovalGrounds,
  checkServiceDomains,
  checkTextList,
  isEvaluationPeriod,
} from './provider.checks';
import {
  WARNING_LIFT_BASES,
  type ApplyForEntry,
  type DecideEntry,
  type LeaveStation,
  type LiftWarning,
  type ProviderCommand,
  type RecordMonitoringEvaluation,
  type RemoveFromPool,
  type SettleAtStation,
  type WithdrawFromPool,
} from './provider.commands';
import type { ProviderEvent, ProviderEvents } from './provider.events';
import { PROVIDER_REENTRY_BAR_YEARS_DEFAULT, PROVIDER_RECORD, requireInPool, requireNotBarred } from './provider.rules';
import {
  activeProviderWarning,
  currentStationsOf,
  evolveProvider,
  initialProviderState,
  type ExistingProvider,
  type InPoolProvider,
  type ProviderState,
} from './provider.state';

/**
 * What each command decides, given a record the access gate (provider.access.ts) has already let the
 * actor act on: data, state and bars only.
 */
const decide = decideByType<ProviderCommand, ProviderState, ProviderEvent, 'ApplyForEntry'>({
  onNew: { ApplyForEntry: applyForEntry },
  on: {
    DecideEntry: decideEntry,
    RecordMonitoringEvaluation: recordEvaluation,
    LiftWarning: liftWarning,
    RemoveFromPool: removeFromPool,
    WithdrawFromPool: withdrawFromPool,
    SettleAtStation: settleAtStation,
    LeaveStation: leaveStation,
  },
  record: PROVIDER_RECORD,
});

const LABEL = {
  providerId: { zh: '服务机构编号', en: 'Provider id' },
  name: { zh: '服务机构名称', en: 'Provider name' },
  reentryBarYears: { zh: '重新入库限制年限', en: 'Re-entry bar in years' },
  evaluationId: { zh: '评价编号', en: 'Evaluation id' },
  period: { zh: '评价期', en: 'Evaluation period' },
  probationDeadline: { zh: '整改期限', en: 'Probation deadline' },
  stationId: { zh: '服务站编号', en: 'Station id' },
  since: { zh: '入驻日期', en: 'Settled since' },
  reason: { zh: '原因', en: 'Reason' },
};

function applyForEntry(command: ApplyForEntry, state: ProviderState): ProviderEvent[] {
  const { data, metadata } = command;
  if (state.status === 'APPLIED') {
    throw conflict('ENTRY_APPLICATION_PENDING', '已有待审定的入库申请', 'An entry application is already awaiting a decision');
  }
  if (state.status === 'IN_POOL') throw conflict('PROVIDER_ALREADY_IN_POOL', '该服务机构已在库中', 'The provider is already in the pool');
  const uscc = requireUscc(data.uscc, 'uscc');
  const regionCode = requireLocalRegionCode(data.regionCode, 'regionCode');
  const event: ProviderEvents['ProviderAppliedForEntry'] = {
    type: 'ProviderAppliedForEntry',
    data: {
      providerId: requireText(data.providerId, 'providerId', LABEL.providerId),
      uscc,
      name: requireText(data.name, 'name', LABEL.name),
      regionCode,
      cityCode: cityCodeOf(regionCode),
      serviceDomains: checkServiceDomains(data.serviceDomains, 'serviceDomains'),
      materials: checkProviderMaterials(data.materials, 'materials'),
      contact: checkProviderContact(data.contact, 'contact'),
      ...(data.ties === undefined || data.ties === null ? {} : { ties: checkTies(data.ties, 'ties') }),
      appliedAt: metadata.now.toISOString(),
    },
  };
  const barYears =
    data.reentryBarYears === undefined
      ? PROVIDER_REENTRY_BAR_YEARS_DEFAULT
      : requireInteger(data.reentryBarYears, 'reentryBarYears', LABEL.reentryBarYears, 0, 100);
  if (state.status !== 'NONE') requireNotBarred(state, barYears, metadata.now);
  return [event];
}

function decideEntry(command: DecideEntry, provider: ExistingProvider): ProviderEvent[] {
  const { data, metadata } = command;
  if (provider.status !== 'APPLIED') {
    throw conflict('ENTRY_NOT_PENDING', '没有待审定的入库申请', 'There is no entry application awaiting a decision');
  }
  const admitted = requireBoolean(data.admitted, 'admitted', { zh: '入库审定结论', en: 'Entry decision' });
  const opinion = requireOpinion(data.opinion);
  const now = metadata.now.toISOString();
  if (admitted) {
    return [
      { type: 'ProviderAdmitted', data: { providerId: provider.providerId, uscc: provider.uscc, cityCode: provider.cityCode, opinion, admittedAt: now } },
    ];
  }
  const reasons = checkTextList(data.reasons, 'reasons', 'REFUSAL_REASONS_REQUIRED', '不予入库须列明理由', 'A refusal must state its reasons');
  return [{ type: 'ProviderEntryRefused', data: { providerId: provider.providerId, reasons, opinion, refusedAt: now } }];
}

function recordEvaluation(command: RecordMonitoringEvaluation, provider: ExistingProvider): ProviderEvent[] {
  const { data, metadata } = command;
  requireInPool(provider);
  const evaluationId = requireText(data.evaluationId, 'evaluationId', LABEL.evaluationId);
  const period = requireText(data.period, 'period', LABEL.period);
  if (!isEvaluationPeriod(period)) {
    throw fieldInvalid('period', LABEL.period, '格式应为年度（2024）、半年（2024-H1）或季度（2024-Q3）', "must be a year ('2024'), a half ('2024-H1') or a quarter ('2024-Q3')");
  }
  const scores = checkMonitoringScores(data.scores, 'scores');
  const satisfactionBasis = checkSatisfactionBasis(data.satisfactionBasis, scores.satisfaction);
  const weights = checkMonitoringWeights(data.weights, 'weights');
  const passMark = checkPassMark(data.passMark, 'passMark');
  const opinion = requireOpinion(data.opinion);
  const today = chinaDateOf(metadata.now);
  let probationDeadline: string | undefined;
  if (data.probationDeadline !== undefined) {
    probationDeadline = requireBusinessDate(data.probationDeadline, 'probationDeadline', LABEL.probationDeadline);
    if (compareBusinessDates(probationDeadline, today) <= 0) {
      throw invalid(
        'PROBATION_DEADLINE_NOT_IN_FUTURE',
        `整改期限（${probationDeadline}）须晚于今天（${today}）`,
        `The probation deadline (${probationDeadline}) must be after today (${today})`,
        'probationDeadline',
      );
    }
  }
  if (provider.evaluations.some((e) => e.evaluationId === evaluationId)) {
    throw conflict('EVALUATION_ID_ALREADY_USED', `评价编号“${evaluationId}”已使用`, `Evaluation id "${evaluationId}" is already used`, 'evaluationId');
  }

  const total = weightedMonitoringTotal(scores, weights);
  const passed = total >= passMark;
  // 有进有出: a first failure opens a 整改期; failing again — in a row, or while the 整改期 is open — is for the authority to act on.
  const repeated = !passed && (activeProviderWarning(provider) !== undefined || provider.consecutiveFailures > 0);
  const evaluated: ProviderEvent = {
    type: 'ProviderEvaluated',
    data: {
      providerId: provider.providerId,
      evaluationId,
      period,
      scores,
      weights,
      passMark,
      total,
      passed,
      removalRecommended: repeated,
      opinion,
      satisfactionBasis,
      evaluatedAt: metadata.now.toISOString(),
    },
  };
  if (passed || repeated) return [evaluated];
  if (probationDeadline === undefined) {
    throw invalid(
      'PROBATION_DEADLINE_REQUIRED',
      `监测评价不合格（${total}分，合格线${passMark}分），须给出整改期限`,
      `The evaluation fails (${total} against a pass mark of ${passMark}); a probation deadline is required`,
      'probationDeadline',
    );
  }
  return [
    evaluated,
    { type: 'ProviderWarned', data: { providerId: provider.providerId, evaluationId, period, probationDeadline, warnedAt: metadata.now.toISOString() } },
  ];
}

/**
 * 服务满意度 rests on the feedback: a score computed from it must be what the ratings give; one typed in
 * overrides them and says why (SATISFACTION_OVERRIDE_REASON_REQUIRED).
 */
function checkSatisfactionBasis(basis: SatisfactionBasis | undefined, satisfaction: number): SatisfactionBasis {
  if (basis?.source === 'FEEDBACK') {
    if (basis.ratings < 1 || satisfactionScoreOf(basis.averageRating) !== satisfaction) {
      throw invalid('SATISFACTION_NOT_FROM_FEEDBACK', `满意度（${satisfaction}）与本期评价不符`, `The satisfaction score (${satisfaction}) is not what the period's feedback gives`, 'scores.satisfaction');
    }
    return basis;
  }
  const reason = basis?.source === 'OVERRIDE' ? basis.reason : undefined;
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw invalid(
      'SATISFACTION_OVERRIDE_REASON_REQUIRED',
      '手工填写的满意度替代了按服务评价计算的结果，须说明理由（satisfactionOverrideReason）',
      'A satisfaction score typed in overrides the one computed from feedback and needs a reason (satisfactionOverrideReason)',
      'satisfactionOverrideReason',
    );
  }
  return { ...(basis as Extract<SatisfactionBasis, { source: 'OVERRIDE' }>), reason: reason.trim() };
}

function liftWarning(command: LiftWarning, provider: ExistingProvider): ProviderEvent[] {
  const { data, metadata } = command;
  requireInPool(provider);
  const warning = activeProviderWarning(provider);
  if (warning === undefined) throw conflict('WARNING_NOT_ACTIVE', '该服务机构不在警示整改期内', 'The provider is not under a warning');
  const basis = requireOneOf(data.basis, WARNING_LIFT_BASES, 'basis', { zh: '解除依据', en: 'Basis' });
  const opinion = requireOpinion(data.opinion);
  const lifted = { providerId: provider.providerId, basis, opinion, liftedAt: metadata.now.toISOString() };
  if (basis === 'RECTIFIED') {
    if (data.evaluationId !== undefined) {
      throw fieldInvalid('evaluationId', LABEL.evaluationId, '仅在依据复评合格解除时填写', 'is given only when a passed follow-up evaluation is the basis');
    }
    return [{ type: 'ProviderWarningLifted', data: lifted }];
  }
  const evaluationId = requireText(data.evaluationId, 'evaluationId', LABEL.evaluationId);
  const index = provider.evaluations.findIndex((e) => e.evaluationId === evaluationId);
  if (index < 0) throw notFound('EVALUATION_NOT_FOUND', `评价“${evaluationId}”不存在`, `Evaluation "${evaluationId}" does not exist`);
  const warnedBy = provider.evaluations.findIndex((e) => e.evaluationId === warning.evaluationId);
  if (!provider.evaluations[index].passed || index <= warnedBy) {
    throw conflict(
      'FOLLOW_UP_EVALUATION_NOT_PASSED',
      `评价“${evaluationId}”不是警示后合格的复评`,
      `Evaluation "${evaluationId}" is not a passed evaluation recorded after the warning`,
      'evaluationId',
    );
  }
  return [{ type: 'ProviderWarningLifted', data: { ...lifted, evaluationId } }];
}

/** Leaving the 库 ends every 入驻: one ProviderLeftStation per station, then ProviderRemoved. */
function removal(provider: InPoolProvider, data: Omit<ProviderEvents['ProviderRemoved']['data'], 'providerId' | 'uscc' | 'stationIds' | 'removedAt'>, now: Date): ProviderEvent[] {
  const removedAt = now.toISOString();
  const stations = currentStationsOf(provider);
  const left: ProviderEvent[] = stations.map((s) => ({
    type: 'ProviderLeftStation',
    data: { providerId: provider.providerId, stationId: s.stationId, reason: data.opinion, cause: 'REMOVED_FROM_POOL', leftAt: removedAt },
  }));
  return [
    ...left,
    {
      type: 'ProviderRemoved',
      data: { providerId: provider.providerId, uscc: provider.uscc, ...data, stationIds: stations.map((s) => s.stationId), removedAt },
    },
  ];
}

function removeFromPool(command: RemoveFromPool, provider: ExistingProvider): ProviderEvent[] {
  const { data, metadata } = command;
  requireInPool(provider);
  const grounds = checkRemovalGrounds(data.grounds, 'grounds');
  const evidence = checkRemovalEvidence(data.evidence, 'evidence');
  const opinion = requireOpinion(data.opinion);
  if (grounds.includes('FAILED_EVALUATION') && !provider.removalRecommended) {
    throw conflict(
      'FAILED_EVALUATION_REMOVAL_NOT_DUE',
      '监测评价不合格出库须在连续两次不合格或整改期内再次不合格之后',
      'Removal for failed evaluation needs a second failure in a row or a failure during the probation period',
      'grounds',
    );
  }
  return removal(provider, { grounds, evidence, opinion, removedBy: 'AUTHORITY' }, metadata.now);
}

function withdrawFromPool(command: WithdrawFromPool, provider: ExistingProvider): ProviderEvent[] {
  const { data, metadata } = command;
  requireInPool(provider);
  if (provider.removalRecommended) {
    // Like a station facing revocation: a voluntary exit must not pre-empt the authority's decision on removal.
    throw conflict(
      'REMOVAL_PENDING',
      '监测评价再次不合格，待主管部门决定是否出库，暂不能自愿退出',
      'A repeated evaluation failure awaits the authority’s decision on removal; the provider cannot withdraw now',
    );
  }
  const reason = requireText(data.reason, 'reason', LABEL.reason);
  return removal(provider, { grounds: ['VOLUNTARY'], evidence: [], opinion: reason, removedBy: 'PROVIDER' }, metadata.now);
}

function settleAtStation(command: SettleAtStation, provider: ExistingProvider): ProviderEvent[] {
  const { data, metadata } = command;
  requireInPool(provider);
  const stationId = requireText(data.stationId, 'stationId', LABEL.stationId);
  const since = requireBusinessDate(data.since, 'since', LABEL.since);
  const today = chinaDateOf(metadata.now);
  if (compareBusinessDates(since, today) > 0) throw fieldInvalid('since', LABEL.since, `不能晚于今天（${today}）`, `cannot be after today (${today})`);
  const admittedOn = chinaDateOf(provider.periods[provider.periods.length - 1].admittedAt);
  if (compareBusinessDates(since, admittedOn) < 0) {
    throw invalid(
      'STATION_DATE_BEFORE_ADMISSION',
      `入驻日期（${since}）不能早于入库日期（${admittedOn}）`,
      `The settling date (${since}) cannot be before the provider entered the pool (${admittedOn})`,
      'since',
    );
  }
  if (currentStationsOf(provider).some((s) => s.stationId === stationId)) {
    throw conflict('ALREADY_AT_STATION', `该服务机构已入驻服务站“${stationId}”`, `The provider is already settled at station "${stationId}"`, 'stationId');
  }
  return [{ type: 'ProviderSettledAtStation', data: { providerId: provider.providerId, stationId, since } }];
}

function leaveStation(command: LeaveStation, provider: ExistingProvider): ProviderEvent[] {
  const { data, metadata } = command;
  requireInPool(provider);
  const stationId = requireText(data.stationId, 'stationId', LABEL.stationId);
  const reason = requireText(data.reason, 'reason', LABEL.reason);
  if (!currentStationsOf(provider).some((s) => s.stationId === stationId)) {
    throw conflict('NOT_AT_STATION', `该服务机构未入驻服务站“${stationId}”`, `The provider is not settled at station "${stationId}"`, 'stationId');
  }
  return [
    { type: 'ProviderLeftStation', data: { providerId: provider.providerId, stationId, reason, cause: 'LEFT', leftAt: metadata.now.toISOString() } },
  ];
}

export const providerDecider: Decider<ProviderCommand, ProviderState, ProviderEvent> = {
  initialState: initialProviderState,
  evolve: evolveProvider,
  decide,
};
