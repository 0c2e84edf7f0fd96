import type { CommandBus } from '@nestjs/cqrs';
import { authorize, notFound, providerKind, stationKind, type ExistingEvaluation, type OrganisationResult, type ProviderRemovalGround, type RevocationGround } from '@sme/domain';
import type { CommandResult } from '../commands/command-executor';
import { ExecuteKindCommand } from '../commands/kind-command';
import type { RequestContext } from '../commands/request-context';
import { providerCommands } from '../providers/provider.commands';
import type { RecordLoader } from '../records/record-loader';
import { stationCommands } from '../stations/station.commands';

/** 服务满意度低 for LOW_SATISFACTION; 不支持主管部门工作 for a failing total or no annual report. */
export function stationGroundsOf(result: OrganisationResult): RevocationGround[] {
  const grounds: RevocationGround[] = [];
  if (result.flags.includes('LOW_SATISFACTION')) grounds.push('LOW_SATISFACTION');
  if (result.flags.includes('FAIL') || result.flags.includes('NO_REPORT')) grounds.push('NOT_SUPPORTING_AUTHORITIES');
  return grounds;
}

export function providerGroundsOf(result: OrganisationResult): ProviderRemovalGround[] {
  const grounds: ProviderRemovalGround[] = [];
  if (result.flags.includes('FAIL') || result.flags.includes('NO_REPORT')) grounds.push('FAILED_EVALUATION');
  if (result.flags.includes('LOW_SATISFACTION')) grounds.push('LOW_SATISFACTION');
  return grounds;
}

const FLAG_ZH = { FAIL: '综合评价不合格', LOW_SATISFACTION: '平均满意度低于方案底线', NO_REPORT: '未按时报送年度总结' } as const;

/** The evaluation's figures as evidence: where they come from (year, scheme version, log position) and what they are. */
export function flagEvidence(e: ExistingEvaluation, result: OrganisationResult): { description: string }[] {
  const f = result.figures;
  const rating = f.averageRating === null ? '无评价' : String(f.averageRating);
  const floor = e.scheme.satisfactionFloor === undefined ? '' : `（底线${e.scheme.satisfactionFloor}）`;
  return [
    {
      description:
        `${result.flags.map((flag) => FLAG_ZH[flag]).join('、')}：${e.year}年度综合评价（评价编号${e.evaluationId}，方案第${e.schemeVersion}版，日志位置${e.position}）` +
        `总分${result.total}，等级${result.grade}，全市第${result.rankInCity}名；服务活动${f.activitiesHeld}场，服务企业${f.serviceVisits}家次，平均满意度${rating}${floor}`,
    },
  ];
}

/** The hub's opinion when it gives none: the year, the total and the evidence's first line. */
export const defaultFlagOpinion = (e: ExistingEvaluation, result: OrganisationResult): string => `${e.year}年度综合评价结果：${result.total}分，${flagEvidence(e, result)[0].description}`;

/** What acting on a flag writes after FlagActedOn: the station's revocation proposal, or the provider's removal from the 库. */
export type FlagFollowUp =
  | { kind: typeof stationKind; body: { type: 'ProposeRevocation'; data: { stationId: string; proposalId: string; grounds: RevocationGround[]; evidence: { description: string }[]; opinion: string } } }
  | { kind: typeof providerKind; body: { type: 'RemoveFromPool'; data: { providerId: string; grounds: ProviderRemovalGround[]; evidence: { description: string }[]; opinion: string } } };

/** The follow-up of a flag on a published evaluation, from its results alone: the request checks it, the reaction writes it. */
export function flagFollowUp(e: ExistingEvaluation, acted: { organisationId: string; proposalId: string; opinion?: string }): FlagFollowUp {
  const result = e.published?.results.find((r) => r.organisationId === acted.organisationId);
  if (result === undefined) throw notFound('ORGANISATION_NOT_EVALUATED', '该组织不在本次评价结果中', 'The organisation is not in the published results');
  const evidence = flagEvidence(e, result);
  const opinion = acted.opinion ?? defaultFlagOpinion(e, result);
  return e.subject === 'PROVIDER'
    ? { kind: providerKind, body: { type: 'RemoveFromPool', data: { providerId: acted.organisationId, grounds: providerGroundsOf(result), evidence, opinion } } }
    : { kind: stationKind, body: { type: 'ProposeRevocation', data: { stationId: acted.organisationId, proposalId: acted.proposalId, grounds: stationGroundsOf(result), evidence, opinion } } };
}

/** Whether the follow-up is in its record already (written before a restart, or by hand). */
export async function flagFollowUpWritten(records: RecordLoader, f: FlagFollowUp): Promise<boolean> {
  if (f.body.type === 'RemoveFromPool') return (await records.state(providerKind, f.body.data.providerId)).status === 'REMOVED';
  const { stationId, proposalId } = f.body.data;
  const station = await records.state(stationKind, stationId);
  return station.status !== 'NONE' && station.revocationProposals.some((p) => p.proposalId === proposalId);
}

/**
 * Refuses now what the follow-up's record would refuse (the caller's right on it first, then its rules),
 * so that a flag is acted on only when its proposal or removal will be written. Writes nothing.
 */
export async function checkFlagFollowUp(records: RecordLoader, f: FlagFollowUp, ctx: RequestContext): Promise<void> {
  const metadata = { now: ctx.occurredAt, actor: ctx.actor };
  if (f.body.type === 'RemoveFromPool') {
    const command = { ...f.body, metadata };
    const provider = await records.state(providerKind, command.data.providerId);
    authorize(providerKind.access, command, provider);
    providerKind.decider.decide(command, provider);
  } else {
    const command = { ...f.body, metadata };
    const station = await records.state(stationKind, command.data.stationId);
    authorize(stationKind.access, command, station);
    stationKind.decider.decide(command, station);
  }
}

/** Sends the follow-up through its kind's commands, as a request would. */
export function writeFlagFollowUp(bus: CommandBus, f: FlagFollowUp, ctx: RequestContext): Promise<CommandResult> {
  return f.body.type === 'RemoveFromPool' ? bus.execute(new ExecuteKindCommand(providerCommands, f.body, ctx)) : bus.execute(new ExecuteKindCommand(stationCommands, f.body, ctx));
}
