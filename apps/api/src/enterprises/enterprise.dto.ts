import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { enterpriseTags, type EnterpriseTagCode, FIRST_YEAR, industries, type IndustryCode, LAST_YEAR, MAX_AMOUNT_WAN, MAX_PERSONS, sizeClasses, type SizeClass } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { IsBusinessDate, IsRegionCode, IsUsccShaped, OptionalRegionCode, QueryNumber, REGION_CODE_PATTERN, USCC_PATTERN } from '../http/validators';
import { OrganisationTiesDto } from '../http/ties.dto';
import { ListQueryDto } from '../read-side/list-query.dto';
import { NestedObject } from '../http/list-fields';


/** A year's figures: 从业人员 (persons), 营业收入 and 资产总额 in 万元. */
export class FiguresDto {
  @ApiProperty({ example: 2023, description: 'The year the figures are for (from the founding year to the current one)' })
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year!: number;

  @ApiProperty({ example: 45, description: '从业人员, persons' }) @IsInt() @Min(0) @Max(MAX_PERSONS) employees!: number;
  @ApiProperty({ example: 1800, description: '营业收入, 万元' }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(MAX_AMOUNT_WAN) revenue!: number;
  @ApiProperty({ example: 2600, description: '资产总额, 万元' }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(MAX_AMOUNT_WAN) assets!: number;
}

export class RegisterEnterpriseDto extends CommandRequestDto {
  @ApiProperty({ example: '91440106MA59C3PL24', pattern: USCC_PATTERN, description: '统一社会信用代码 (GB 32100-2015, check character verified)' })
  @IsUsccShaped()
  uscc!: string;

  @ApiProperty({ example: '广州粤信软件科技有限公司' }) @IsString() @MaxLength(200) name!: string;

  @ApiProperty({ enum: industries.codes, description: 'Industry as 工信部联企业〔2011〕300号 第四条 lists them' })
  @IsIn(industries.codes)
  industryCode!: IndustryCode;

  @ApiProperty({ example: '440106', pattern: REGION_CODE_PATTERN, description: 'GB/T 2260 code of where the enterprise is, usually its district' })
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({ example: '2015-04-20', description: '成立日期' })
  @IsBusinessDate()
  foundedOn!: string;

  @NestedObject(FiguresDto)
  figures!: FiguresDto;
}

export class ReportFiguresDto extends CommandRequestDto {
  @ApiProperty({ example: 2024 }) @IsInt() @Min(1900) @Max(9999) year!: number;
  @ApiProperty({ example: 120 }) @IsInt() @Min(0) employees!: number;
  @ApiProperty({ example: 3200 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) revenue!: number;
  @ApiProperty({ example: 4000 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) assets!: number;
}

export class UpdateProfileDto extends CommandRequestDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ enum: industries.codes }) @IsOptional() @IsIn(industries.codes) industryCode?: IndustryCode;

  @OptionalRegionCode('440105')
  regionCode?: string;
}

export class GrantTagDto extends CommandRequestDto {
  @ApiProperty({ enum: enterpriseTags.codes }) @IsIn(enterpriseTags.codes) tag!: EnterpriseTagCode;
  @ApiProperty({ example: '广东省工业和信息化厅', description: 'The authority that issued the recognition' }) @IsString() @MaxLength(200) issuedBy!: string;
  @ApiPropertyOptional({ example: '粤工信融资函〔2023〕12号' }) @IsOptional() @IsString() @MaxLength(100) documentNumber?: string;
  @ApiProperty({ example: '2023-01-01' }) @IsBusinessDate() validFrom!: string;
  @ApiProperty({ example: '2025-12-31' }) @IsBusinessDate() validUntil!: string;
}

/** The revocation's reason is the base `reason` field, required here by the domain rule. */
export class RevokeTagDto extends CommandRequestDto {}

/** The route parameters of a tag's revocation (the id is checked by IdPipe). */
export class TagParam {
  @ApiProperty({ description: 'The enterprise' }) @IsString()
  id!: string;

  @ApiProperty({ enum: enterpriseTags.codes })
  @IsIn(enterpriseTags.codes, { message: `tag must be one of ${enterpriseTags.codes.join(', ')}` })
  tag!: EnterpriseTagCode;
}

export class ListEnterprisesQueryDto extends ListQueryDto {
  @OptionalRegionCode('440100', 'A district, a city (all its districts) or a province (all its codes)')
  regionCode?: string;

  @ApiPropertyOptional({ enum: industries.codes }) @IsOptional() @IsIn(industries.codes) industryCode?: IndustryCode;
  @ApiPropertyOptional({ enum: sizeClasses.codes }) @IsOptional() @IsIn(sizeClasses.codes) sizeClass?: SizeClass;

  @ApiPropertyOptional({ enum: enterpriseTags.codes, description: 'Holding this tag on tagValidOn (default today, China time)' })
  @IsOptional()
  @IsIn(enterpriseTags.codes)
  tag?: EnterpriseTagCode;

  @ApiPropertyOptional({ example: '2024-06-30', description: 'With tag: holding it that day; alone: holding any tag that day' })
  @IsOptional()
  @IsBusinessDate()
  tagValidOn?: string;
}

export class ClassifyQueryDto {
  @ApiProperty({ enum: industries.codes }) @IsIn(industries.codes) industryCode!: IndustryCode;
  @ApiPropertyOptional({ example: 45 }) @IsOptional() @QueryNumber() @IsInt() @Min(0) @Max(MAX_PERSONS) employees?: number;
  @ApiPropertyOptional({ example: 1800 }) @IsOptional() @QueryNumber() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(MAX_AMOUNT_WAN) revenue?: number;
  @ApiPropertyOptional({ example: 2600 }) @IsOptional() @QueryNumber() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(MAX_AMOUNT_WAN) assets?: number;

  @ApiPropertyOptional({ example: '2024-06-30', description: 'Classify under the standard in force that day (default today)' })
  @IsOptional()
  @IsBusinessDate()
  on?: string;
}

/** 法定代表人与股东, whole: they replace what was recorded. */
export class RecordEnterpriseTiesDto extends IntersectionType(CommandRequestDto, OrganisationTiesDto) {}
