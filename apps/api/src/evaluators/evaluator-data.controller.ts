import { Query, StreamableFile } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { isWithinRegion, type Actor, type Role } from '@sme/domain';
import { EXPORT_CONTENT_TYPES, type ExportFormat } from '@sme/read-models';
import { CurrentActor } from '../auth/auth.decorators';
import { ReadRoute, TokenController } from '../commands/routes';
import { ApiError } from '../http/api-error';
import { IsRegionCode, QueryNumber } from '../http/validators';
import { ReadSide } from '../read-side/read-side.service';
import { RECORD_TABLES, type RecordTableName } from './evaluator-data';

const READERS: readonly Role[] = ['EVALUATOR', 'AUDITOR', 'SUPERVISOR', 'CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'ADMIN'];

export class YearRecordsQueryDto {
  @ApiProperty({ example: '440100', description: 'A province, city or district: the records inside it' }) @IsRegionCode() regionCode!: string;
  @ApiProperty({ example: 2026 }) @QueryNumber() @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], description: 'json (default), csv (UTF-8, Chinese headers then the English keys) or xlsx' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: ExportFormat;
}

/** The year's underlying records for evaluators, streamed page by page as JSON, CSV or XLSX. */
@TokenController('evaluators (评价数据)', 'evaluators/records')
export class EvaluatorDataController {
  constructor(private readonly readSide: ReadSide) {}

  /** The table of the year inside the asked region, as a file in the asked format, once its projections are current. */
  private async records(name: RecordTableName, query: YearRecordsQueryDto, actor: Actor) {
    if (actor.role !== 'ADMIN' && !isWithinRegion(query.regionCode, actor.regionCode)) {
      throw ApiError.forbidden('REGION_NOT_PERMITTED', `无权查看 ${query.regionCode} 的数据（您的辖区：${actor.regionCode}）`, `You may not read the records of ${query.regionCode} (your region: ${actor.regionCode})`);
    }
    const table = RECORD_TABLES[name];
    await this.readSide.requireCurrent(table.projections);
    const format = query.format ?? 'json';
    const stream = await table.export(format, this.readSide.reader, query.regionCode, query.year);
    return new StreamableFile(stream, { type: EXPORT_CONTENT_TYPES[format], disposition: `attachment; filename="${name}-${query.regionCode}-${query.year}.${format}"` });
  }

  @ReadRoute({ path: 'deliveries', summary: 'The deliveries of a year inside a region, one row each (JSON, CSV or XLSX; streamed)', roles: READERS })
  deliveries(@Query() query: YearRecordsQueryDto, @CurrentActor() actor: Actor) {
    return this.records('deliveries', query, actor);
  }

  @ReadRoute({ path: 'activities', summary: 'The activities of a year inside a region, one row each (JSON, CSV or XLSX; streamed)', roles: READERS })
  activities(@Query() query: YearRecordsQueryDto, @CurrentActor() actor: Actor) {
    return this.records('activities', query, actor);
  }

  @ReadRoute({ path: 'feedback', summary: 'The feedback (满意度评价) on the deliveries and activities of a year inside a region, one row each (JSON, CSV or XLSX; streamed)', roles: READERS })
  feedback(@Query() query: YearRecordsQueryDto, @CurrentActor() actor: Actor) {
    return this.records('feedback', query, actor);
  }

  @ReadRoute({ path: 'demands', summary: 'The demands raised in a year by enterprises inside a region, one row each (JSON, CSV or XLSX; streamed)', roles: READERS })
  demands(@Query() query: YearRecordsQueryDto, @CurrentActor() actor: Actor) {
    return this.records('demands', query, actor);
  }

  @ReadRoute({ path: 'roll-up', summary: 'A province (by city), a city (by district) or a district: the year’s services, satisfaction, follow-ups and demands, the total first (JSON, CSV or XLSX)', roles: READERS })
  rollUp(@Query() query: YearRecordsQueryDto, @CurrentActor() actor: Actor) {
    return this.records('roll-up', query, actor);
  }
}
