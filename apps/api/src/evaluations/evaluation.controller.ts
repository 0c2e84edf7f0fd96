import { Body, Param, Query, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { WrongExpectedRevisionError } from '@sme/event-store';
import { authorize, conflict, evaluationKind, evaluationSchemeKind, flaggedResult, type Actor, type EvaluationSchemeCommand, type OrganisationResult, recordNotFound } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { given } from '../commands/given';
import { commandRoutes, KindController } from '../commands/kind-controller';
import type { CommandBody } from '../commands/command-body';
import { Ctx, type RequestContext } from '../commands/request-context';
import { CommandPost, ReadRoute, TokenController } from '../commands/routes';
import { AsOfDto } from '../records/as-of.dto';
import { IdPipe } from '../records/id.pipe';
import { RecordLoader } from '../records/record-loader';
import { evaluationIdOf, flagProposalIdOf, schemeIdOf } from './evaluation-ids';
import { cityOfReader, EVALUATION_READERS, evaluationReading, evaluationSchemeReading } from './evaluation-reading';
import { EvaluationResultsQuery } from './evaluation-results';
import { evaluationCommands, evaluationSchemeCommands, type EvaluationCommandBody } from './evaluation.commands';
import { ActOnFlagDto, CommendDto, ListEvaluationsQueryDto, ManualScoreDto, PublishEvaluationDto, PublishSchemeDto, ResultsExportQueryDto, RunEvaluationDto } from './evaluation.dto';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { rankedResults, resultColumns } from './evaluation-export';
import { EXPORT_CONTENT_TYPES, exportTable, listEvaluations } from '@sme/read-models';
import { checkFlagFollowUp, defaultFlagOpinion, flagFollowUp } from './flag-action';
import { pageOf } from '../read-side/list-query';

@TokenController('evaluation schemes (评价方案)', 'evaluation-schemes')
export class EvaluationSchemeController extends KindController<CommandBody<EvaluationSchemeCommand>> {
  protected readonly kindCommands = evaluationSchemeCommands;

  @ReadRoute({ path: ':id', summary: 'A scheme with every version; AUDITOR may add ?asOf= to replay it to a business time', roles: EVALUATION_READERS })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.readRecord(evaluationSchemeReading, id, actor, query);
  }
}

@TokenController('evaluations (综合评价)', 'evaluations')
export class EvaluationController extends KindController<EvaluationCommandBody> {
  protected readonly kindCommands = evaluationCommands;

  constructor(
    commands: CommandBus,
    queries: QueryBus,
    private readonly records: RecordLoader,
    private readonly readSide: ReadSide,
  ) {
    super(commands, queries);
  }

  /**
   * 优胜劣汰 in one step: FlagActedOn on the evaluation, then (the flag-action reaction) the hub's
   * revocation proposal for the flagged station, or the removal of the flagged provider from the 库,
   * through that record's own command and rules. The request writes one stream: the evaluation's gate,
   * revision, business time and flag are checked, then what the proposal's or removal's record would
   * refuse, and only then is FlagActedOn written; the answer comes once the reaction has written the
   * follow-up. The proposal's id follows from the evaluation and organisation.
   */
  @CommandPost(evaluationKind, 'ActOnFlag', {
    path: ':id/flags/:organisationId/action',
    summary:
      '优胜劣汰: the hub records FlagActedOn, and the ledger turns the flagged station into a revocation proposal (grounds LOW_SATISFACTION and/or NOT_SUPPORTING_AUTHORITIES, the evaluation’s figures as evidence) or the flagged provider into a removal from the 库',
  })
  async act(@Param('id', IdPipe) id: string, @Param('organisationId', IdPipe) organisationId: string, @Body() dto: ActOnFlagDto, @Ctx() ctx: RequestContext) {
    const { state, revision, events } = await this.records.loaded(evaluationKind, id);
    const subject = state.status === 'NONE' ? undefined : state.subject;
    const action = subject === 'PROVIDER' ? ('REMOVED_FROM_POOL' as const) : ('REVOCATION_PROPOSED' as const);
    const proposalId = subject === 'PROVIDER' ? organisationId : flagProposalIdOf(id, organisationId);
    const data = { evaluationId: id, organisationId, action, proposalId };
    authorize(evaluationKind.access, { type: 'ActOnFlag', data, metadata: { now: ctx.occurredAt, actor: ctx.actor } }, state);
    if (state.status === 'NONE') throw recordNotFound(evaluationKind.label);
    // Everything that would refuse FlagActedOn, then its follow-up, is checked before anything is written.
    if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== revision) throw new WrongExpectedRevisionError(evaluationKind.streamId(id), ctx.expectedRevision, revision);
    const last = events.at(-1);
    if (last && ctx.occurredAt.getTime() < Date.parse(last.metadata.occurredAt)) {
      throw conflict('OCCURRED_AT_BEFORE_PREVIOUS', `发生时间不得早于该记录上一事件的发生时间（${last.metadata.occurredAt}）`, `occurredAt must not be earlier than that of the record's previous event (${last.metadata.occurredAt})`, 'occurredAt');
    }
    const result: OrganisationResult = flaggedResult(state, organisationId);
    const acted = { ...data, opinion: dto.opinion ?? defaultFlagOpinion(state, result) };
    evaluationKind.decider.decide({ type: 'ActOnFlag', data: acted, metadata: { now: ctx.occurredAt, actor: ctx.actor } }, state);
    // The proposal or removal is written by the flag-action reaction; what its record would refuse is refused now.
    await checkFlagFollowUp(this.records, flagFollowUp(state, acted), ctx);
    return this.runAndSettle({ type: 'ActOnFlag', data: acted }, ctx);
  }

  @ReadRoute({ path: ':id/results', summary: 'The published results: every organisation’s figures, indicator scores, total, grade, flags and ranks (city, district), in canonical JSON', roles: EVALUATION_READERS })
  results(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new EvaluationResultsQuery(id, actor, false));
  }

  @ReadRoute({
    path: ':id/results/export',
    summary: 'The published results as one row per organisation (ranks, total, grade, flags, each indicator’s score, the figures): JSON, CSV or XLSX',
    roles: EVALUATION_READERS,
  })
  async exportResults(@Param('id', IdPipe) id: string, @Query() query: ResultsExportQueryDto, @CurrentActor() actor: Actor) {
    const format = query.format ?? 'json';
    const published = (await this.queries.execute(new EvaluationResultsQuery(id, actor, false))) as { year: number; subject: string; results: OrganisationResult[] };
    const scheme = (await this.readRecord(evaluationReading, id, actor)) as { scheme: { indicators: { id: string; label: string }[] } };
    const table = exportTable(format, '综合评价结果', resultColumns(scheme.scheme.indicators), rankedResults(published.results));
    return new StreamableFile(table as never, { type: EXPORT_CONTENT_TYPES[format], disposition: `attachment; filename="evaluation-${published.subject.toLowerCase()}-${published.year}.${format}"` });
  }

  @ReadRoute({
    path: ':id/rerun',
    summary: 'The results computed again from the log up to the run’s position, with the run’s scheme and the manual scores: byte for byte the published results while the ledger is intact',
    roles: EVALUATION_READERS,
  })
  rerun(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new EvaluationResultsQuery(id, actor, true));
  }

  @ReadRoute({ summary: 'Evaluations by city, year, subject and status (sort: year, updatedAt; cursor paging): ADMIN any city, the readers of a city theirs, of the province any of its cities', roles: EVALUATION_READERS })
  async list(@Query() query: ListEvaluationsQueryDto, @CurrentActor() actor: Actor) {
    const { filter: { cityCode, year, subject, status }, sort, page, when } = pageOf(query);
    const city = actor.role === 'ADMIN' ? cityCode : cityOfReader(actor, cityCode);
    return this.readSide.at(when, actor, (reader) => listResult(() => listEvaluations(reader, given({ cityCode: city, year, subject, status }), sort, page)));
  }

  @ReadRoute({ path: ':id', summary: 'One evaluation: its run, manual scores, published results, commendations and flags acted on; AUDITOR may add ?asOf= to replay it to a business time', roles: EVALUATION_READERS })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.readRecord(evaluationReading, id, actor, query);
  }
}

commandRoutes(EvaluationController, evaluationKind, (on) => ({
  runEvaluation: on('RunEvaluation', {
    summary:
      'Run the year’s evaluation of a city’s stations, centres or providers under a scheme version (the latest by default), computing every figure from the log up to `position` (the head by default); again before publication replaces the run and its manual scores',
    status: 201,
    body: RunEvaluationDto,
    data: (_, { cityCode, year, subject, schemeVersion, position }) => given({ evaluationId: evaluationIdOf(cityCode, year, subject), cityCode, year, subject, schemeVersion, position }),
  }),
  commend: on('CommendOrganisation', { path: ':id/commendations', summary: 'The city authority commends an organisation graded 优秀', body: CommendDto, data: ({ id }, dto) => ({ evaluationId: id, organisationId: dto.organisationId.toLowerCase(), note: dto.note }) }),
  publish: on('PublishEvaluation', { path: ':id/publication', summary: 'The city authority publishes the results (every MANUAL indicator scored): totals, grades, flags and ranks, naming the scheme version and log position', body: PublishEvaluationDto, data: ({ id }) => ({ evaluationId: id }) }),
  score: on('RecordManualScore', {
    path: ':id/manual-scores',
    summary: 'An evaluator of the region scores a MANUAL indicator of one organisation, 0–100, with evidence',
    body: ManualScoreDto,
    data: ({ id }, dto) => {
      const evidence = dto.evidence.map((e) => given({ description: e.description, fileName: e.fileName, sha256: e.sha256 }));
      return { evaluationId: id, organisationId: dto.organisationId.toLowerCase(), indicatorId: dto.indicatorId, score: dto.score, evidence };
    },
  }),
}));

commandRoutes(EvaluationSchemeController, evaluationSchemeKind, (on) => ({
  publish: on('PublishEvaluationScheme', {
    summary: 'Publish the city’s scheme for a year and subject (STATION, CENTRE, PROVIDER), or a change of it as the next version; by the city authority, on or before 12-31 of the year (409 SCHEME_YEAR_ENDED after)',
    status: 201,
    body: PublishSchemeDto,
    data: (_, dto) => {
      const indicators = dto.indicators.map((i) => given({ id: i.id, label: i.label, weight: i.weight, formula: i.formula, normalisation: i.normalisation }));
      const { EXCELLENT, GOOD, PASS } = dto.gradeFloors;
      const scheme = given({ subject: dto.subject, indicators, gradeFloors: { EXCELLENT, GOOD, PASS }, satisfactionFloor: dto.satisfactionFloor });
      return { schemeId: schemeIdOf(dto.cityCode, dto.year, dto.subject), cityCode: dto.cityCode, year: dto.year, scheme };
    },
  }),
}));
