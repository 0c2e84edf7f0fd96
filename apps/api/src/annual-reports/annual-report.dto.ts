import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { annualReportStatuses, reportSubjectKinds, targetIndicators, type AnnualReportStatus, type ReportSubjectKind, type TargetIndicator } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { IsRegionCode, OptionalRegionCode, QueryBoolean, QueryNumber } from '../http/validators';
import { ListQueryDto } from '../read-side/list-query.dto';
import { NestedObject } from '../http/list-fields';


export class ReportSubjectDto {
  @ApiProperty({ enum: reportSubjectKinds.codes, description: 'STATION (a STATION_OPERATOR token), CENTRE (CENTRE_OPERATOR), PROVIDER (PROVIDER)' }) @IsIn(reportSubjectKinds.codes) kind!: ReportSubjectKind;
  @ApiProperty({ description: 'The station’s, centre’s or provider’s record id' }) @IsUUID() id!: string;
}

export class ReportTargetDto {
  @ApiProperty({ enum: targetIndicators.codes }) @IsIn(targetIndicators.codes) indicator!: TargetIndicator;
  @ApiProperty({ description: 'A count; a mean rating 1–5; a share 0–1' }) @IsNumber() @Min(0) value!: number;
}

export class NextYearPlanDto {
  @ApiProperty({ example: '深化融资对接服务' }) @IsString() @MaxLength(5000) summary!: string;
  @ApiProperty({ type: [ReportTargetDto] }) @IsArray() @ValidateNested({ each: true }) @Type(() => ReportTargetDto) targets!: ReportTargetDto[];
}

export class SubmitAnnualReportDto extends CommandRequestDto {
  @NestedObject(ReportSubjectDto) subject!: ReportSubjectDto;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ description: '年度工作总结 (the narrative); the figures are the ledger’s' }) @IsString() @MaxLength(20000) summary!: string;
  @NestedObject(NextYearPlanDto) plan!: NextYearPlanDto;
}

export class ResubmitAnnualReportDto extends CommandRequestDto {
  @ApiProperty() @IsString() @MaxLength(20000) summary!: string;
  @NestedObject(NextYearPlanDto) plan!: NextYearPlanDto;
}

export class ReturnAnnualReportDto extends CommandRequestDto {
  @ApiProperty({ example: '请补充差评跟进情况' }) @IsString() @MaxLength(5000) comments!: string;
}

export class ReportOpinionDto extends CommandRequestDto {
  @ApiProperty({ example: '同意' }) @IsString() @MaxLength(5000) opinion!: string;
}

export class SubmitCityReportDto extends CommandRequestDto {
  @ApiProperty({ example: '440100' }) @IsRegionCode() cityCode!: string;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ description: '全市年度工作总结' }) @IsString() @MaxLength(20000) summary!: string;
  @NestedObject(NextYearPlanDto) plan!: NextYearPlanDto;
}


export class ListAnnualReportsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @QueryNumber() @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: [...reportSubjectKinds.codes, 'CITY'] }) @IsOptional() @IsIn([...reportSubjectKinds.codes, 'CITY']) subjectKind?: ReportSubjectKind | 'CITY';
  @ApiPropertyOptional({ enum: annualReportStatuses.codes }) @IsOptional() @IsIn(annualReportStatuses.codes) status?: AnnualReportStatus;
  @ApiPropertyOptional({ description: 'true: submitted after the deadline' }) @IsOptional() @QueryBoolean() @IsBoolean() late?: boolean;
  @OptionalRegionCode('440100', 'The subject’s region: a district, a city (its districts) or a province') regionCode?: string;
}

export class MissingReportsQueryDto {
  @ApiProperty({ example: 2026 }) @QueryNumber() @IsInt() @Min(2000) @Max(2100) year!: number;
  @OptionalRegionCode('440100', 'Organisations of this region (default: the reader’s)') regionCode?: string;
}

