import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import {
  enterpriseTags,
  industries,
  policyLevels,
  sizeClasses,
  TAGS_MODES,
  type EnterpriseTagCode,
  type IndustryCode,
  type PolicyLevel,
  type SizeClass,
  type TagsMode,
} from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { IsBusinessDate, IsRegionCode, OptionalRegionCode, QueryNumber } from '../http/validators';
import { ListQueryDto } from '../read-side/list-query.dto';
import { NestedObject } from '../http/list-fields';


/** Who the policy is for; a criterion left out restricts nothing (the domain checks the codes and regions). */
export class EligibilityDto {
  @ApiPropertyOptional({ enum: industries.codes, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsIn(industries.codes, { each: true }) industries?: IndustryCode[];
  @ApiPropertyOptional({ enum: sizeClasses.codes, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsIn(sizeClasses.codes, { each: true }) sizeClasses?: SizeClass[];
  @ApiPropertyOptional({ enum: enterpriseTags.codes, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsIn(enterpriseTags.codes, { each: true }) tags?: EnterpriseTagCode[];
  @ApiPropertyOptional({ enum: TAGS_MODES, description: 'Given exactly when tags are: ANY one of them, or ALL' }) @IsOptional() @IsIn(TAGS_MODES) tagsMode?: TagsMode;

  @ApiPropertyOptional({ example: ['440106'], description: 'GB/T 2260 codes; a city code covers its districts. Defaults to the issuing region.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsRegionCode({ each: true })
  regionCodes?: string[];
}

export class PublishPolicyDto extends CommandRequestDto {
  @ApiProperty({ enum: policyLevels.codes }) @IsIn(policyLevels.codes) level!: PolicyLevel;
  @OptionalRegionCode('440100', 'Issuing region: none for NATIONAL, else a province, city or district code')
  regionCode?: string;
  @ApiProperty({ example: '广州市促进中小企业发展若干措施' }) @IsString() @MaxLength(300) title!: string;
  @ApiProperty({ example: '广州市工业和信息化局' }) @IsString() @MaxLength(200) issuer!: string;
  @ApiProperty({ example: '穗工信规字〔2023〕5号' }) @IsString() @MaxLength(100) documentNumber!: string;
  @ApiProperty({ example: '2024-01-01' }) @IsBusinessDate() effectiveFrom!: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day in force, inclusive' })
  @IsOptional()
  @IsBusinessDate()
  effectiveUntil?: string;
  @ApiProperty() @IsString() @MaxLength(5000) summary!: string;
  @NestedObject(EligibilityDto) eligibility!: EligibilityDto;
}

/** A new version: the fields given replace the current ones; `effectiveUntil: null` makes it open-ended. */
export class AmendPolicyDto extends CommandRequestDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) issuer?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) documentNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsBusinessDate() effectiveFrom?: string;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsBusinessDate()
  effectiveUntil?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) summary?: string;
  @NestedObject(EligibilityDto, { optional: true }) eligibility?: EligibilityDto;
}

/** 废止: `on` is the first day no longer in force; the reason is the base `reason` field, required by the domain. */
export class RepealPolicyDto extends CommandRequestDto {
  @ApiProperty({ example: '2025-07-01' }) @IsBusinessDate() on!: string;
}

export class PushPolicyDto extends CommandRequestDto {}

export class ListPoliciesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: policyLevels.codes }) @IsOptional() @IsIn(policyLevels.codes) level?: PolicyLevel;
  @ApiPropertyOptional({ description: 'Text in the issuing authority' }) @IsOptional() @IsString() @MaxLength(100) issuer?: string;
  @ApiPropertyOptional({ example: '2025-01-01', description: 'Only policies in force that day' })
  @IsOptional()
  @IsBusinessDate()
  inForceOn?: string;
  @ApiPropertyOptional({ enum: ['PUBLISHED', 'REPEALED'] }) @IsOptional() @IsIn(['PUBLISHED', 'REPEALED']) status?: 'PUBLISHED' | 'REPEALED';
}

/** `on` defaults to today (China time); paging as every list. */
export class EligibilityQueryDto {
  @ApiPropertyOptional({ example: '2025-01-01' }) @IsOptional() @IsBusinessDate() on?: string;
  @ApiPropertyOptional({ description: '1–200, default 50' }) @IsOptional() @QueryNumber() @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) cursor?: string;
}

export class PublishFaqDto extends CommandRequestDto {
  @ApiProperty() @IsString() @MaxLength(500) question!: string;
  @ApiProperty() @IsString() @MaxLength(10000) answer!: string;
  @ApiProperty({ example: ['融资'] }) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(50, { each: true }) topics!: string[];
  @ApiPropertyOptional({ description: 'Policies the answer explains' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) policyIds?: string[];
}

export class ReviseFaqDto extends CommandRequestDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) question?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) answer?: string;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(50, { each: true }) topics?: string[];
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) policyIds?: string[];
}

export class RetireFaqDto extends CommandRequestDto {}

export class ListFaqsQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) topic?: string;
  @OptionalRegionCode('440106', 'FAQs of this region and of the regions containing it')
  regionCode?: string;
}
