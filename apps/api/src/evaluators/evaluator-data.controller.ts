import { Query, StreamableFile } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { isWithinRegion, type Actor, type Role } from '@sme/domain';
import { activitiesOfYear, deliveriesOfYear, demandsOfYear, EXPORT_CONTENT_TYPES, exportTable, feedbackOfYear, yearRollUp, type ExportFormat } from '@sme/read-models';
import { CurrentActor } from '../auth/auth.decorators';
import { ReadRoute, TokenController } from '../commands/routes';
import { ApiError } from '../http/api-error';
import { IsRegionCode } from '../http/validators';
import { ReadSide } from '../read-side/read-side.service';
import { ACTIVITY_COLUMNS, DELIVERY_COLUMNS, DEMAND_COLUMNS, FEEDBACK_COLUMNS, ROLL_UP_COLUMNS } from './evaluator-data';

const READERS: readonly Role[] = ['EVALUATOR', 'AUDITOR', 'SUPERVISOR', 'CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'ADMIN'];

export class YearRecordsQueryDto {
  @ApiProperty({ example: '440100', description: 'A province, city or district: the records inside it' }) @IsRegionCode() regionCode!: string;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], description: 'json (default), csv (UTF-8, Chinese headers then the English keys) or xlsx' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: ExportFormat;
}

/** The year's underlying records for evaluators, streamed page by page as JSON, CSV or XLSX. */
@TokenController('evaluators (评价数据)', 'evaluators/records')
export class EvaluatorDataController {
  constructor(private readonly readSide: ReadSide) {}

  private async open(actor: Actor, query: YearRecordsQueryDto, ...projections: string[]) {
    if (actor.role !== 'ADMIN' && !isWithinRegion(query.regionCode, actor.regionCode)) {
      throw ApiError.forbidden('REGION_NOT_PERMITTED', `无权查看 ${query.regionCode} 的数据（您的辖区：${actor.regionCode}）`, `You may not read the records of ${query.regionCode} (your region: ${actor.regionCode})`);
    }
    await this.readSide.requireCurrent(projections);
    return { format: query.format ?? 'json', reader: this.readSide.reader };
  }

  private file(format: ExportFormat, name: string, stream: NodeJS.ReadableStream) {
    return new StreamableFile(stream as never, { type: EXPORT_CONTENT_TYPES[format], disposition: `attachment; filename="${name}.${format}"` });
  }

  @ReadRoute({ path: 'deliveries', summary: 'The deliveries of a year inside a region, one row each (JSON, CSV or XLSX; streamed)', roles: READERS })
  async deliveries(@Query() query: YearRecordsQueryDto, @CurrentActor() actor: Actor) {
    const { format, reader } = await this.open(actor, query, 'deliveries');
    return this.file(format, `deliveries-${query.regionCode}-${query.year}`, exportTable(format, '服务项目', DELIVERY_COLUMNS, deliveriesOfYear(reader, query.regionCode, query.year)));
  }

  @ReadRoute({ path: 'activities', summary: 'The activities of a year inside a region, one row each (JSON, CSV or XLSX; streamed)', roles: READERS })
  async activities(@Query() query: YearRecordsQueryDto, @CurrentActor() actor: Actor) {
    const { format, reader } = await this.open(actor, query, 'activities');
    return this.file(format, `activities-${query.regionCode}-${query.year}`, exportTable(format, '服务活动', ACTIVITY_COLUMNS, activitiesOfYear(reader, query.regionCode, query.year)));
  }

  @ReadRoute({ path: 'feedback', summary: 'The feedback (满意度评价) on the deliveries and activities of a year inside a region, one row each (JSON, CSV or XLSX; streamed)', roles: READERS })
  async feedback(@Query() query: YearRecordsQueryDto, @CurrentActor() actor: Actor) {
    const { format, reader } = await this.open(actor, query, 'deliveries', 'activities');
    return this.file(format, `feedback-${query.regionCode}-${query.year}`, exportTable(format, '满意度评价', FEEDBACK_COLUMNS, feedbackOfYear(reader, query.regionCode, query.year)));
  }

  @ReadRoute({ path: 'demands', summary: 'The demands raised in a year by enterprises inside a region, one row each (JSON, CSV or XLSX; streamed)', roles: READERS })
  async demands(@Query() query: YearRecordsQueryDto, @CurrentActor() actor: Actor) {
    const { format, reader } = await this.open(actor, query, 'demands');
    return this.file(format, `demands-${query.regionCode}-${query.year}`, exportTable(format, '服务需求', DEMAND_COLUMNS, demandsOfYear(reader, query.regionCode, query.year)));
  }

  @ReadRoute({ path: 'roll-up', summary: 'A province (by city), a city (by district) or a district: the year’s services, satisfaction, follow-ups and demands, the total first (JSON, CSV or XLSX)', roles: READERS })
  async rollUp(@Query() query: YearRecordsQueryDto, @CurrentActor() actor: Actor) {
    const { format, reader } = await this.open(actor, query, 'activities', 'deliveries', 'followups', 'demands');
    return this.file(format, `roll-up-${query.regionCode}-${query.year}`, exportTable(format, '汇总', ROLL_UP_COLUMNS, await yearRollUp(reader, query.regionCode, query.year)));
  }
}
