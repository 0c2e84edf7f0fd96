import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { APPLICATION_STAGES, type ApplicationStage } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { ListQueryDto } from '../read-side/list-query.dto';
import { ApplicationFormDto, MaterialDto } from './application-form.dto';

const Opinion = () => applyDecorators(ApiProperty({ example: '材料齐全，符合申报条件' }), IsString(), MaxLength(2000));

export class CreateApplicationDto extends CommandRequestDto {
  @ApiProperty({ description: 'The call (征集批次) applied to' }) @IsUUID() callId!: string;
  @ApiProperty({ type: ApplicationFormDto }) @ValidateNested() @Type(() => ApplicationFormDto) form!: ApplicationFormDto;
}

export class AttachMaterialDto extends CommandRequestDto {
  @ApiProperty({ type: MaterialDto }) @ValidateNested() @Type(() => MaterialDto) material!: MaterialDto;
}

export class DistrictReviewDto extends CommandRequestDto {
  @ApiProperty({ description: 'true: 初审通过; false: 初审不通过' }) @IsBoolean() passed!: boolean;
  @Opinion() opinion!: string;
}

export class PanelExpertDto {
  @ApiProperty({ example: 'expert-001', description: 'The expert’s user id (token sub)' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  expertId!: string;
  @ApiProperty({ example: '张教授' }) @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @ApiProperty({ example: '12440000455858013U', description: 'The expert’s organisation id / USCC' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  organisation!: string;
}

export class ExpertPanelDto extends CommandRequestDto {
  @ApiProperty({ type: [PanelExpertDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PanelExpertDto)
  experts!: PanelExpertDto[];
}

export class ExpertScoreDto extends CommandRequestDto {
  @ApiProperty({ example: 86, description: 'integer 0–100' }) @IsInt() score!: number;
  @Opinion() opinion!: string;
}

export class RecommendationDto extends CommandRequestDto {
  @ApiProperty() @IsBoolean() recommended!: boolean;
  @Opinion() opinion!: string;
}

export class DecisionDto extends CommandRequestDto {
  @ApiProperty({ description: 'true: 审定通过; false: 不通过' }) @IsBoolean() approved!: boolean;
  @Opinion() opinion!: string;
}

export class ListApplicationsQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() callId?: string;
  @ApiPropertyOptional({ example: '440106' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'districtCode must be a 6-digit GB/T 2260 code' })
  districtCode?: string;
  @ApiPropertyOptional({ enum: APPLICATION_STAGES }) @IsOptional() @IsIn(APPLICATION_STAGES) stage?: ApplicationStage;
  @ApiPropertyOptional({ description: 'The operator organisation (its USCC) that owns the applications' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  operatorOrgId?: string;
}
