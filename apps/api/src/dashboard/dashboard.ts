import { Query as QueryParams } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Actor } from '@sme/domain';
import { supervisorDashboard, type SupervisorDashboard } from '@sme/read-models';
import { CurrentActor } from '../auth/auth.decorators';
import { ApiError } from '../http/api-error';
import { ReadSide } from '../read-side/read-side.service';
import { ReadRoute, TokenController } from '../commands/routes';

export class DashboardQueryDto {
  @ApiProperty({ example: '440100', description: 'GB/T 2260 city code' })
  @Matches(/^\d{4}00$/, { message: 'cityCode must be a 6-digit GB/T 2260 city code' })
  cityCode!: string;
}

export class GetSupervisorDashboardQuery extends Query<SupervisorDashboard> {
  constructor(
    readonly cityCode: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

const SEES_EVERYWHERE = new Set(['AUDITOR', 'ADMIN']);

/** A province-level actor sees its cities, a city-level one its own city, a district-level one its district. */
function scopeOf(actor: Actor, cityCode: string): { districtCode?: string } {
  if (SEES_EVERYWHERE.has(actor.role)) return {};
  const region = actor.regionCode;
  if (region.endsWith('0000') && cityCode.startsWith(region.slice(0, 2))) return {};
  if (region === cityCode) return {};
  if (!region.endsWith('00') && region.slice(0, 4) === cityCode.slice(0, 4)) return { districtCode: region };
  throw ApiError.forbidden('REGION_NOT_PERMITTED', `无权查看 ${cityCode} 的数据`, `You may not read the figures of ${cityCode}`);
}

@QueryHandler(GetSupervisorDashboardQuery)
export class GetSupervisorDashboardHandler implements IQueryHandler<GetSupervisorDashboardQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ cityCode, actor }: GetSupervisorDashboardQuery): Promise<SupervisorDashboard> {
    const { districtCode } = scopeOf(actor, cityCode);
    const { reader } = this.readSide;
    const [calls, applications, stations] = await Promise.all([
      reader.calls({ cityCode }),
      reader.applications({ cityCode, districtCode }),
      reader.stations({ cityCode, districtCode }),
    ]);
    const dashboard = supervisorDashboard(cityCode, calls, applications, stations);
    return districtCode ? { ...dashboard, districts: dashboard.districts.filter((d) => d.districtCode === districtCode) } : dashboard;
  }
}

@TokenController('dashboards (监管看板)', 'dashboard')
export class DashboardController {
  constructor(private readonly queries: QueryBus) {}

  @ReadRoute({
    summary: 'A city’s pipeline per district: applications per stage, median days per stage, approvals and refusals with reasons, stations by status, coverage and progress against each call’s target',
    roles: ['SUPERVISOR', 'CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB', 'AUDITOR', 'EVALUATOR', 'ADMIN'],
  })
  get(@QueryParams() query: DashboardQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetSupervisorDashboardQuery(query.cityCode, actor));
  }
}
