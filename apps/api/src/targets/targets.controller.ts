import { Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { chinaDateOf, type Actor } from '@sme/domain';
import type { AskedTime } from '@sme/domain/targets/target-scope';
import { CurrentActor } from '../auth/auth.decorators';
import { ReadRoute, TokenController } from '../commands/routes';
import { ApiError, type FieldError } from '../http/api-error';
import { TargetsComparisonQueryDto, TargetsProgressQueryDto } from './targets.dto';
import { ListTargetsQuery, TARGET_READERS, TargetsComparisonQuery, TargetsProgressQuery, type ProgressSubject } from './targets.handlers';

const refuse = (field: string, zh: string, en: string): never => {
  const error: FieldError = { field, rule: 'targetsQuery', message: { zh, en } };
  throw ApiError.badRequest('TARGETS_QUERY_INVALID', zh, en, [error]);
};

function subjectOf(query: { regionCode?: string; stationId?: string }): ProgressSubject {
  if (query.regionCode && query.stationId) refuse('stationId', 'regionCode 与 stationId 只能选一', 'give regionCode or stationId, not both');
  if (query.stationId) return { stationId: query.stationId };
  if (!query.regionCode) refuse('regionCode', '须指定 regionCode 或 stationId', 'regionCode or stationId is required');
  return { regionCode: query.regionCode as string };
}

function periodOf(from: string | undefined, until: string | undefined, fromField: string, untilField: string): { from: string; until: string } {
  if (!from) refuse(fromField, `须指定 ${fromField}`, `${fromField} is required`);
  if (!until) refuse(untilField, `须指定 ${untilField}`, `${untilField} is required`);
  if ((from as string) > (until as string)) refuse(fromField, `${fromField} 不能晚于 ${untilField}`, `${fromField} must not be after ${untilField}`);
  return { from: from as string, until: until as string };
}

@TokenController('targets (目标与进度)', 'targets')
export class TargetsController {
  constructor(private readonly queries: QueryBus) {}

  @ReadRoute({ summary: 'The targets in force: the documents’ (shipped) with TARGETS_FILE’s over them, each with its source, region, measure, comparison, value and timing', roles: TARGET_READERS })
  list() {
    return this.queries.execute(new ListTargetsQuery());
  }

  @ReadRoute({
    path: 'progress',
    summary: 'A station’s, district’s, city’s or province’s progress on a day (on, default today) or in a period (from, until): each target with actual, value, ratio, met and the lists it counts; a province adds centre coverage per level and its cities',
    roles: TARGET_READERS,
  })
  progress(@Query() query: TargetsProgressQueryDto, @CurrentActor() actor: Actor) {
    const subject = subjectOf(query);
    if (query.on && (query.from || query.until)) refuse('on', 'on 与 from/until 只能选一', 'give on or from/until, not both');
    const asked: AskedTime = query.from || query.until ? periodOf(query.from, query.until, 'from', 'until') : { on: query.on ?? chinaDateOf(new Date()) };
    return this.queries.execute(new TargetsProgressQuery(subject, asked, actor));
  }

  @ReadRoute({
    path: 'comparison',
    summary: 'Two periods side by side (from/until against compareFrom/compareUntil): each figure in both and the change',
    roles: TARGET_READERS,
  })
  comparison(@Query() query: TargetsComparisonQueryDto, @CurrentActor() actor: Actor) {
    const subject = subjectOf(query);
    const period = periodOf(query.from, query.until, 'from', 'until');
    const comparedWith = periodOf(query.compareFrom, query.compareUntil, 'compareFrom', 'compareUntil');
    return this.queries.execute(new TargetsComparisonQuery(subject, period, comparedWith, actor));
  }
}
