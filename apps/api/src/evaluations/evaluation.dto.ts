import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { evaluationSubjects, indicatorFormulas, type EvaluationSubject, type IndicatorFormula, type Normalisation } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { NestedList, NestedObject } from '../http/list-fields';
import { IsRegionCode, QueryNumber } from '../http/validators';
import type { ExportFormat } from '@sme/read-models';
import { ListQueryDto } from '../read-side/list-query.dto';

export class IndicatorDto {
  @ApiProperty({ example: 'activities' }) @IsString() @MaxLength(100) id!: string;
  @ApiProperty({ example: '服务活动场次' }) @IsString() @MaxLength(200) label!: string;
  @ApiProperty({ example: 0.4, description: 'Share of the total; the weights sum to 1' }) @IsNumber() weight!: number;
  @ApiProperty({ enum: indicatorFormulas.codes }) @IsIn(indicatorFormulas.codes) formula!: IndicatorFormula;
  @ApiPropertyOptional({ example: { kind: 'TARGET', target: 10 }, description: '{kind: TARGET, target} | {kind: RANGE, min, max} | {kind: BOOLEAN}; not for MANUAL' })
  @IsOptional()
  @IsObject()
  normalisation?: Normalisation;
}

export class GradeFloorsDto {
  @ApiProperty({ example: 90 }) @IsNumber() EXCELLENT!: number;
  @ApiProperty({ example: 75 }) @IsNumber() GOOD!: number;
  @ApiProperty({ example: 60 }) @IsNumber() PASS!: number;
}

/** A scheme version, whole: the first publication or a change. */
export class PublishSchemeDto extends CommandRequestDto {
  @ApiProperty({ example: '440100' }) @IsRegionCode() cityCode!: string;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ enum: evaluationSubjects.codes }) @IsIn(evaluationSubjects.codes) subject!: EvaluationSubject;
  @NestedList(IndicatorDto, 50, { min: 1 }) indicators!: IndicatorDto[];
  @NestedObject(GradeFloorsDto) gradeFloors!: GradeFloorsDto;
  @ApiPropertyOptional({ example: 3, description: '优胜劣汰: a mean rating under it flags the organisation' }) @IsOptional() @IsNumber() satisfactionFloor?: number;
}

export class RunEvaluationDto extends CommandRequestDto {
  @ApiProperty({ example: '440100' }) @IsRegionCode() cityCode!: string;
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ enum: evaluationSubjects.codes }) @IsIn(evaluationSubjects.codes) subject!: EvaluationSubject;
  @ApiPropertyOptional({ description: 'The scheme version; the latest when not given' }) @IsOptional() @IsInt() @Min(1) schemeVersion?: number;
  @ApiPropertyOptional({ description: 'The log position to compute at (decimal); the head of the log when not given' }) @IsOptional() @Matches(/^[0-9]{1,18}$/) position?: string;
}

export class ScoreEvidenceDto {
  @ApiProperty({ example: '现场检查记录' }) @IsString() @MaxLength(2000) description!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) fileName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() sha256?: string;
}

export class ManualScoreDto extends CommandRequestDto {
  @ApiProperty() @IsString() organisationId!: string;
  @ApiProperty({ example: 'review' }) @IsString() @MaxLength(100) indicatorId!: string;
  @ApiProperty({ example: 80, description: '0–100' }) @IsNumber() @Min(0) @Max(100) score!: number;
  @NestedList(ScoreEvidenceDto, 20, { min: 1 }) evidence!: ScoreEvidenceDto[];
}

export class CommendDto extends CommandRequestDto {
  @ApiProperty() @IsString() organisationId!: string;
  @ApiProperty({ example: '服务成效突出，予以通报表扬' }) @IsString() @MaxLength(2000) note!: string;
}

export class ActOnFlagDto extends CommandRequestDto {
  @ApiPropertyOptional({ description: 'The hub’s opinion on the proposal or removal; a default citing the evaluation when not given' }) @IsOptional() @IsString() @MaxLength(2000) opinion?: string;
}

export class PublishEvaluationDto extends CommandRequestDto {}

export class ResultsExportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], description: 'json (default), csv (UTF-8, Chinese headers then the English keys) or xlsx' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: ExportFormat;
}

export class ListEvaluationsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: '440100', description: 'The city (a city-level reader reads its own)' }) @IsOptional() @IsRegionCode() cityCode?: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @QueryNumber() @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: evaluationSubjects.codes }) @IsOptional() @IsIn(evaluationSubjects.codes) subject?: EvaluationSubject;
  @ApiPropertyOptional({ enum: ['RUN', 'PUBLISHED'] }) @IsOptional() @IsIn(['RUN', 'PUBLISHED']) status?: 'RUN' | 'PUBLISHED';
}
