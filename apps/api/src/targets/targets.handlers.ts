import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { chinaDateOf, isWithinRegion, type Actor, type Role } from '@sme/domain';
import { scopeOfRegion, type AskedTime, type ProgressScope } from '@sme/domain/targets/target-scope';
import type { Target } from '@sme/domain/targets/targets';
import { stationsProjection, type StationView } from '@sme/read-models';
import { compareProgress, readTargetsWorld, targetsProgress, type TargetsComparison, type TargetsProgressReport } from '@sme/read-models/queries/targets-progress';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError } from '../http/api-error';
import { endOfBusinessDay } from '../read-side/business-day';
import { ReadSide } from '../read-side/read-side.service';

/** Who reads targets and progress: the authorities, the hub and the oversight roles inside their region; ADMIN anywhere. */
export const TARGET_READERS: Role[] = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB', 'SUPERVISOR', 'EVALUATOR', 'AUDITOR', 'ADMIN'];

/** The region or the station asked about. */
export type ProgressSubject = { regionCode: string } | { stationId: string };

export class ListTargetsQuery extends Query<{ targets: readonly Target[] }> {}

export class TargetsProgressQuery extends Query<TargetsProgressReport> {
  constructor(
    readonly subject: ProgressSubject,
    readonly asked: AskedTime,
    readonly actor: Actor,
  ) {
    super();
  }
}

export class TargetsComparisonQuery extends Query<TargetsComparison> {
  constructor(
    readonly subject: ProgressSubject,
    readonly period: { from: string; until: string },
    readonly comparedWith: { from: string; until: string },
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(ListTargetsQuery)
export class ListTargetsHandler implements IQueryHandler<ListTargetsQuery> {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async execute() {
    return { targets: this.config.targets };
  }
}

const PROJECTIONS = ['stations', 'activities', 'deliveries', 'providers', 'centres'];

/** Reads a scope's progress: the scope (a station looked up), the access check, then the documents. */
class ProgressReader {
  constructor(
    private readonly readSide: ReadSide,
    private readonly targets: readonly Target[],
  ) {}

  async scopeOf(subject: ProgressSubject, actor: Actor): Promise<ProgressScope> {
    let scope: ProgressScope | undefined;
    if ('stationId' in subject) {
      const [station] = await (await this.readSide.reader.collection<StationView>('stations')).find({ _id: subject.stationId }, { limit: 1 });
      if (!station) throw ApiError.notFound('STATION_NOT_FOUND', `服务站 ${subject.stationId} 不存在`, `Station ${subject.stationId} does not exist`);
      scope = { level: 'STATION', stationId: station.id, regionCode: station.districtCode, cityCode: station.cityCode };
    } else {
      scope = scopeOfRegion(subject.regionCode);
    }
    if (!scope) throw ApiError.badRequest('REGION_CODE_INVALID', '行政区划代码无效', 'Not a region code', [{ field: 'regionCode', rule: 'isRegionCode', message: { zh: '须为省、市或区县行政区划代码', en: 'must be a province, city or county code' } }]);
    if (actor.role !== 'ADMIN' && !isWithinRegion(scope.regionCode, actor.regionCode)) {
      throw ApiError.forbidden('REGION_NOT_PERMITTED', `无权查看 ${scope.regionCode} 的目标进度（您的辖区：${actor.regionCode}）`, `You may not read the progress of ${scope.regionCode} (your region: ${actor.regionCode})`);
    }
    return scope;
  }

  async report(scope: ProgressScope, asked: AskedTime): Promise<TargetsProgressReport> {
    await this.readSide.requireCurrent(PROJECTIONS);
    const stateOn = 'on' in asked ? asked.on : asked.until;
    // A day before today reads the registry as it stood at that day's end (from the index of dated
    // record states: today's documents where nothing changed since, the rest folded); today and later, the live one.
    const past = stateOn < chinaDateOf(new Date());
    const stations = past
      ? (await this.readSide.recordTimes.documentsAsOf(stationsProjection, { asOf: endOfBusinessDay(stateOn) })).documents
      : await this.readSide.reader.stations({});
    const world = await readTargetsWorld(this.readSide.reader, scope, stations as StationView[], past ? stateOn : undefined);
    return targetsProgress(this.targets, scope, asked, world);
  }
}

@QueryHandler(TargetsProgressQuery)
export class TargetsProgressHandler implements IQueryHandler<TargetsProgressQuery> {
  private readonly progress: ProgressReader;

  constructor(readSide: ReadSide, @Inject(APP_CONFIG) config: AppConfig) {
    this.progress = new ProgressReader(readSide, config.targets);
  }

  async execute({ subject, asked, actor }: TargetsProgressQuery) {
    return this.progress.report(await this.progress.scopeOf(subject, actor), asked);
  }
}

@QueryHandler(TargetsComparisonQuery)
export class TargetsComparisonHandler implements IQueryHandler<TargetsComparisonQuery> {
  private readonly progress: ProgressReader;

  constructor(readSide: ReadSide, @Inject(APP_CONFIG) config: AppConfig) {
    this.progress = new ProgressReader(readSide, config.targets);
  }

  async execute({ subject, period, comparedWith, actor }: TargetsComparisonQuery) {
    const scope = await this.progress.scopeOf(subject, actor);
    return compareProgress(await this.progress.report(scope, period), await this.progress.report(scope, comparedWith));
  }
}
