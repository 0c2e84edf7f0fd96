import { EVALUATION_PERIOD_PATTERN, authorize, evaluationPeriodDates, providerKind, satisfactionScoreOf, stationKind, type ProviderCommand, type SatisfactionBasis, type SettleAtStation, recordNotFound } from '@sme/domain';
import { deliveryFigures } from '@sme/read-models';
import type { ReadSide } from '../read-side/read-side.service';
import type { KindCommands } from '../commands/kind-command';
import type { RequestContext } from '../commands/request-context';
import { ApiError } from '../http/api-error';
import type { RecordLoader } from '../records/record-loader';
import type { EvaluationBody, ProviderCommandBody } from './provider.messages';

export const providerNotFound = () => recordNotFound(providerKind.label);

/**
 * 入驻 needs a station that exists, is ACTIVE and lies in the provider's city. The provider's access
 * gate runs first, as the executor runs it, so a caller who may not act learns nothing of the station.
 */
async function requireStationFor(records: RecordLoader, command: SettleAtStation): Promise<void> {
  const provider = await records.state(providerKind, command.data.providerId);
  authorize(providerKind.access, command, provider);
  if (provider.status === 'NONE') throw providerNotFound();
  const station = await records.state(stationKind, command.data.stationId);
  if (station.status === 'NONE') throw recordNotFound(stationKind.label);
  if (station.status !== 'ACTIVE') {
    throw ApiError.conflict('STATION_NOT_ACTIVE', `服务站已${station.status === 'REVOKED' ? '撤销' : '退出'}，不能入驻`, `The station is ${station.status} and takes no providers`);
  }
  if (station.cityCode !== provider.cityCode) {
    throw ApiError.conflict(
      'STATION_OUTSIDE_PROVIDER_CITY',
      `服务站（${station.cityCode}）不在服务机构所在城市（${provider.cityCode}）`,
      `The station (${station.cityCode}) is not in the provider's city (${provider.cityCode})`,
    );
  }
}

const withMetadata = (command: Omit<SettleAtStation, 'metadata'>, ctx: RequestContext): SettleAtStation => ({ ...command, metadata: { now: ctx.occurredAt, actor: ctx.actor } });

/**
 * 服务满意度 from the period's feedback on the provider's deliveries; a score typed in is kept as an
 * override, with its reason and what the feedback gave.
 */
async function withSatisfaction(body: EvaluationBody, readSide: ReadSide, passMark: number): Promise<Extract<ProviderCommand, { type: 'RecordMonitoringEvaluation' }>> {
  const { satisfactionOverrideReason, scores, ...data } = body.data;
  // A period the domain would refuse is left to it (a 400 naming the field), not read here.
  const period = new RegExp(EVALUATION_PERIOD_PATTERN).test(data.period) ? evaluationPeriodDates(data.period) : undefined;
  let ratings = 0;
  let averageRating: number | null = null;
  if (period) {
    await readSide.requireCurrent(['deliveries', 'followups']);
    const figures = await deliveryFigures(readSide.reader, { serverKind: 'PROVIDER', serverId: data.providerId, ...period });
    ({ ratings, averageRating } = figures);
  }
  const computed = averageRating === null ? null : satisfactionScoreOf(averageRating);
  const typed = scores.satisfaction;
  let satisfaction: number;
  let satisfactionBasis: SatisfactionBasis;
  if (typed !== undefined) {
    satisfaction = typed;
    satisfactionBasis = { source: 'OVERRIDE', reason: satisfactionOverrideReason ?? '', ratings, computed };
  } else if (computed !== null && averageRating !== null && period) {
    satisfaction = computed;
    satisfactionBasis = { source: 'FEEDBACK', ratings, averageRating, ...period };
  } else {
    throw ApiError.conflict(
      'NO_FEEDBACK_IN_PERIOD',
      `该服务机构在${data.period}期间没有服务评价，须填写满意度（scores.satisfaction）并说明理由（satisfactionOverrideReason）`,
      `The provider has no feedback in ${data.period}; type the satisfaction score in (scores.satisfaction) with a reason (satisfactionOverrideReason)`,
    );
  }
  return { type: 'RecordMonitoringEvaluation', data: { ...data, scores: { ...scores, satisfaction }, satisfactionBasis, passMark } } as never;
}

/** An evaluation is marked against the configured pass mark, its satisfaction taken from feedback; 入驻 checks the station first. */
export const providerCommands: KindCommands<ProviderCommand, ProviderCommandBody> = {
  kind: providerKind,
  idOf: (command) => command.data.providerId,
  async complete(command, ctx, { records, config, readSide }) {
    if (command.type === 'RecordMonitoringEvaluation') return { command: await withSatisfaction(command, readSide, config.providerPassMark) };
    if (command.type === 'SettleAtStation') await requireStationFor(records, withMetadata(command, ctx));
    return { command };
  },
};
