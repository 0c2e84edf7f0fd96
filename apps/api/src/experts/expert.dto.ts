import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { serviceDomains, type ServiceDomain } from '@sme/domain';
import { EXPERT_LIST_STATUSES, type ExpertListStatus } from '@sme/read-models/queries/expert-list';
import { CommandRequestDto } from '../commands/command-request.dto';
import { IsRegionCode, OptionalRegionCode, REGION_CODE_PATTERN } from '../http/validators';
import { ListQueryDto } from '../read-side/list-query.dto';
import { EXPERT_ID_PATTERN } from './expert-id.pipe';
import { NestedList, NestedObject } from '../http/list-fields';

export class ExpertSpecialtyDto {
  @ApiProperty({ enum: serviceDomains.codes, example: 'IP' }) @IsIn(serviceDomains.codes) domain!: ServiceDomain;
  @ApiPropertyOptional({ example: '专利布局', description: 'Required for OTHER' }) @IsOptional() @IsString() @MaxLength(200) detail?: string;
}

export class ExpertOrganisationDto {
  @ApiProperty({ example: '12440000455858371B', description: 'Organisation id; a USCC for legal persons (checked when it looks like one)' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  id!: string;

  @ApiProperty({ example: '广东某大学' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
}

class ExpertProfileFields extends CommandRequestDto {
  @NestedList(ExpertSpecialtyDto, 20, { min: 1 })
  specialties!: ExpertSpecialtyDto[];
}

export class RegisterExpertDto extends ExpertProfileFields {
  @ApiPropertyOptional({
    example: 'expert-001',
    description: 'The expert’s user id (token sub). An EXPERT registers themself (omit it, or give their own id); the HUB may give it or have one generated.',
  })
  @IsOptional()
  @Matches(EXPERT_ID_PATTERN, { message: 'expertId must be 1–128 visible ASCII characters' })
  expertId?: string;

  @ApiProperty({ example: '王志明' }) @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @NestedObject(ExpertOrganisationDto) organisation!: ExpertOrganisationDto;

  @ApiProperty({ example: '440106', pattern: REGION_CODE_PATTERN, description: 'City- or county-level GB/T 2260 code' })
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({ example: '教授、专利代理师', description: '职称或资格' }) @IsString() @MinLength(1) @MaxLength(100) title!: string;
}

/** Only the fields given change; a change of organisation is its own event (conflict checks use the organisation at the time). */
export class UpdateExpertProfileDto extends CommandRequestDto {
  @ApiPropertyOptional({ example: '王志明' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(50) name?: string;

  @NestedList(ExpertSpecialtyDto, 20, { min: 1, optional: true })
  specialties?: ExpertSpecialtyDto[];

  @NestedObject(ExpertOrganisationDto, { optional: true })
  organisation?: ExpertOrganisationDto;

  @OptionalRegionCode('440106')
  regionCode?: string;

  @ApiPropertyOptional({ example: '教授' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) title?: string;
}

export class ExpertOpinionDto extends CommandRequestDto {
  @ApiProperty({ example: '资格审核通过，同意入库' }) @IsString() @MaxLength(2000) opinion!: string;
}

/** The suspension's reason is the base `reason` field, required here by the domain rule. */
export class SuspendExpertDto extends CommandRequestDto {
  @ApiPropertyOptional({ example: '2025-06-30', description: 'Suspended until the end of this day (China); omit: until reinstated' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'until must be a date YYYY-MM-DD' })
  until?: string;
}

/** The removal's reason is the base `reason` field, required here by the domain rule. */
export class RemoveExpertDto extends CommandRequestDto {}

export class ListExpertsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: EXPERT_LIST_STATUSES, description: 'ADMITTED: admitted and not suspended now; SUSPENDED: a suspension in force now' })
  @IsOptional()
  @IsIn(EXPERT_LIST_STATUSES)
  status?: ExpertListStatus;

  @OptionalRegionCode('440106', 'The expert’s registered region')
  regionCode?: string;

  @OptionalRegionCode('440100')
  cityCode?: string;

  @ApiPropertyOptional({ enum: serviceDomains.codes, description: 'A specialty domain' })
  @IsOptional()
  @IsIn(serviceDomains.codes)
  specialty?: ServiceDomain;

  @ApiPropertyOptional({ description: 'Organisation id exactly, or text in its name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;
}
