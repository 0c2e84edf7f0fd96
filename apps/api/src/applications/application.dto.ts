import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { applicationStages, type ApplicationStage } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { OptionalRegionCode } from '../http/validators';
import { ListQueryDto } from '../read-side/list-query.dto';
import { ApplicationFormDto, MaterialDto } from './application-form.dto';
import { NestedList, NestedObject } from '../http/list-fields';

const Opinion = () => applyDecorators(ApiProperty({ example: '材料齐全，符合申报条件' }), IsString(), MaxLength(2000));

export class CreateApplicationDto extends CommandRequestDto {
  @ApiProperty({ description: 'The call (征集批次) applied to' }) @IsUUID() callId!: string;
  @NestedObject(ApplicationFormDto) form!: ApplicationFormDto;
}

export class AttachMaterialDto extends CommandRequestDto {
  @NestedObject(MaterialDto) material!: MaterialDto;
}

export class DistrictReviewDto extends CommandRequestDto {
  @ApiProperty({ description: 'true: 初审通过; false: 初审不通过' }) @IsBoolean() passed!: boolean;
  @Opinion() opinion!: string;
}

/**
 * A proposed panel member, by id. The expert must be in the expert registry (服务专家库), admitted and
 * not suspended at the panel's business time, and not from the applicant; the panel records the name
 * and organisation the registry holds then. `name` and `organisation` are accepted for older clients
 * but not used.
 */
export class PanelExpertDto {
  @ApiProperty({ example: 'expert-001', description: 'The expert’s user id (token sub), i.e. the id in the expert registry' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  expertId!: string;

  @ApiPropertyOptional({ example: '张教授', deprecated: true, description: 'Not used: the registry’s name is recorded' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ example: '12440000455858013U', deprecated: true, description: 'Not used: the registry’s organisation at the business time is recorded and checked' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organisation?: string;
}

export class ExpertPanelDto extends CommandRequestDto {
  @NestedList(PanelExpertDto, 50, { description: 'At least three distinct registered, available experts' })
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
  @OptionalRegionCode('440106')
  districtCode?: string;
  @ApiPropertyOptional({ enum: applicationStages.codes }) @IsOptional() @IsIn(applicationStages.codes) stage?: ApplicationStage;
  @ApiPropertyOptional({ description: 'The operator organisation (its USCC) that owns the applications' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  operatorOrgId?: string;
}
