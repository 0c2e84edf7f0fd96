import { evaluationSchemeKind } from '@sme/domain/evaluation/evalscheme.kind';
import { EVALUATION_ID, gzEvaluator, runData, SCHEME_ID, STATION_A, STATION_B, STATION_C, stationScheme } from '@sme/domain/evaluation/evaluation.fixtures';
import { evaluationKind } from '@sme/domain/evaluation/evaluation.kind';
import type { EvaluationCommand } from '@sme/domain/evaluation/evaluation.commands';
import { at, GZ, gzBureau, gzHub } from '@sme/domain/shared/testing';
import { evaluationSchemesProjection, evaluationsProjection } from './evaluation.projection';
import { eventLog, givenEvents } from './testing/projection-gwt';

const when = (day: string) => `2026-12-${day}T09:00:00+08:00`;
const evidence = [{ description: '检查记录' }];

function anEvaluation(log = eventLog()) {
  const stream = log.stream(evaluationKind, evaluationKind.streamId(EVALUATION_ID));
  const one = (type: EvaluationCommand['type'], data: object, actor = gzEvaluator, day = '01') =>
    stream.recordOne({ type, data: { evaluationId: EVALUATION_ID, ...data }, metadata: at(when(day), actor) } as EvaluationCommand);
  return {
    run: () => one('RunEvaluation', runData),
    score: (organisationId: string, score: number) => one('RecordManualScore', { organisationId, indicatorId: 'review', score, evidence }, gzEvaluator, '02'),
    publish: () => one('PublishEvaluation', {}, gzBureau, '03'),
    commend: () => one('CommendOrganisation', { organisationId: STATION_A, note: '表扬' }, gzBureau, '04'),
    act: () => one('ActOnFlag', { organisationId: STATION_C, action: 'REVOCATION_PROPOSED', proposalId: '2f000000-0000-4000-8000-000000000001' }, gzHub, '04'),
  };
}

describe('evaluation schemes projection', () => {
  it('EvaluationSchemePublished: each version kept, the current one counted', () => {
    const stream = eventLog().stream(evaluationSchemeKind, evaluationSchemeKind.streamId(SCHEME_ID));
    const publish = (scheme: typeof stationScheme, day: string) =>
      stream.recordOne({ type: 'PublishEvaluationScheme', data: { schemeId: SCHEME_ID, cityCode: GZ, year: 2026, scheme }, metadata: at(when(day), gzBureau) });
    const v1 = publish(stationScheme, '01');
    const first = { _id: SCHEME_ID, id: SCHEME_ID, cityCode: GZ, year: 2026, subject: 'STATION', currentVersion: 1, versions: [{ version: 1, scheme: stationScheme, publishedAt: '2026-12-01T01:00:00.000Z' }] };
    givenEvents(evaluationSchemesProjection).when(v1).then(first);
    const changed = { ...stationScheme, satisfactionFloor: 3.5 };
    givenEvents(evaluationSchemesProjection, [v1])
      .when(publish(changed, '02'))
      .then({ ...first, currentVersion: 2, versions: [...first.versions, { version: 2, scheme: changed, publishedAt: '2026-12-02T01:00:00.000Z' }] });
  });
});

describe('evaluations projection', () => {
  const e = anEvaluation();
  const run = e.run();
  const scores = [e.score(STATION_A, 100), e.score(STATION_B, 50), e.score(STATION_C, 0)];
  const published = e.publish();
  const commended = e.commend();
  const acted = e.act();
  const RUN_VIEW = { _id: EVALUATION_ID, id: EVALUATION_ID, status: 'RUN', ...runData, runAt: '2026-12-01T01:00:00.000Z', manualScores: {}, commended: [], actedOn: [] };

  it('EvaluationRun: the run, its scheme and figures, nothing scored', () => {
    givenEvents(evaluationsProjection).when(run).then(RUN_VIEW as never);
  });

  it('ManualScoresRecorded: the score by organisation and indicator', () => {
    givenEvents(evaluationsProjection, [run]).when(scores[0]).then((before) => ({ ...before, manualScores: { [STATION_A]: { review: 100 } } }) as never);
  });

  it('EvaluationPublished: PUBLISHED with the results', () => {
    givenEvents(evaluationsProjection, [run, ...scores])
      .when(published)
      .then((before) => ({ ...before, status: 'PUBLISHED', published: { results: (published.data as { results: never }).results, publishedAt: '2026-12-03T01:00:00.000Z' } }) as never);
  });

  it('OrganisationCommended and FlagActedOn: who was commended, which flag became which proposal', () => {
    givenEvents(evaluationsProjection, [run, ...scores, published]).when(commended).then((before) => ({ ...before, commended: [STATION_A] }) as never);
    givenEvents(evaluationsProjection, [run, ...scores, published, commended])
      .when(acted)
      .then((before) => ({ ...before, actedOn: [{ organisationId: STATION_C, action: 'REVOCATION_PROPOSED', proposalId: '2f000000-0000-4000-8000-000000000001' }] }) as never);
  });

  it('an event delivered again changes nothing', () => {
    givenEvents(evaluationsProjection, [run, scores[0]]).when(scores[0]).thenUnchanged();
  });

  it('makes no view from a later event without the run', () => {
    givenEvents(evaluationsProjection).when(scores[0]).thenNoView();
  });
});
