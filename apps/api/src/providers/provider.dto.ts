import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { EVALUATION_PERIOD_PATTERN, removalGrounds, serviceDomains, WARNING_LIFT_BASES, type ProviderRemovalGround, type ServiceDomain, type WarningLiftBasis } from '@sme/domain';
import { PROVIDER_STATUSES } from '@sme/read-models/queries/provider-list';
import { CommandRequestDto } from '../commands/command-request.dto';
import { IsBusinessDate, IsRegionCode, IsUsccShaped, OptionalRegionCode, QueryBoolean, REGION_CODE_PATTERN, SHA256, USCC_PATTERN } from '../http/validators';
import { ListQueryDto } from '../read-side/list-query.dto';
import { EnumList, NestedList, NestedObject } from '../http/list-fields';
import { OrganisationTiesDto } from '../http/ties.dto';


export class ProviderMaterialDto {
  @ApiProperty({ example: '营业执照' }) @IsString() @MinLength(1) @MaxLength(100) kind!: string;
  @ApiProperty({ example: '营业执照.pdf' }) @IsString() @MinLength(1) @MaxLength(255) fileName!: string;
  @ApiProperty() @Matches(SHA256, { message: 'sha256 must be 64 lowercase hex characters' }) sha256!: string;
}

export class ProviderContactDto {
  @ApiProperty({ example: '李敏' }) @IsString() @MinLength(1) @MaxLength(50) name!: string;
  @ApiProperty({ example: '020-38620000' }) @IsString() @MinLength(5) @MaxLength(30) phone!: string;
  @ApiProperty({ example: 'li@example.cn' }) @IsEmail() email!: string;
}

/** 申请入库 (also a new round after a refusal or removal). */
export class ApplyForEntryDto extends CommandRequestDto {
  @ApiProperty({ example: '91440106MA59C3PL24', pattern: USCC_PATTERN, description: "The provider's USCC; must be the actor's organisation" })
  @IsUsccShaped()
  uscc!: string;

  @ApiProperty({ example: '广州某知识产权服务有限公司' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;

  @ApiProperty({ example: '440106', pattern: REGION_CODE_PATTERN, description: 'City- or county-level GB/T 2260 code' })
  @IsRegionCode()
  regionCode!: string;

  @EnumList(serviceDomains.codes, { min: 1 })
  serviceDomains!: ServiceDomain[];

  @NestedList(ProviderMaterialDto, 50, { min: 1 })
  materials!: ProviderMaterialDto[];

  @NestedObject(ProviderContactDto) contact!: ProviderContactDto;

  @NestedObject(OrganisationTiesDto, { optional: true, description: '法定代表人与股东: a 服务券 order between related parties is refused on them' })
  ties?: OrganisationTiesDto;
}

export class DecideEntryDto extends CommandRequestDto {
  @ApiProperty({ description: 'true: 入库; false: refused, with reasons' }) @IsBoolean() admitted!: boolean;

  @ApiPropertyOptional({ type: [String], example: ['近三年服务企业数量不足'], description: 'Required for a refusal' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  reasons?: string[];

  @ApiProperty({ example: '材料齐全，同意入库' }) @IsString() @MaxLength(2000) opinion!: string;
}

export class MonitoringScoresDto {
  @ApiProperty({ example: 80, description: '服务能力 0–100' }) @IsNumber() @Min(0) @Max(100) capability!: number;
  @ApiProperty({ example: 75, description: '服务管理 0–100' }) @IsNumber() @Min(0) @Max(100) management!: number;
  @ApiProperty({ example: 70, description: '服务质量 0–100' }) @IsNumber() @Min(0) @Max(100) quality!: number;
  @ApiPropertyOptional({
    example: 85,
    description: '服务满意度 0–100. Leave out to take it from the period’s feedback on the provider’s deliveries (mean rating × 20); a figure given overrides that and needs satisfactionOverrideReason',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  satisfaction?: number;
}

/** 监测评价; the pass mark is the configured PROVIDER_PASS_MARK. */
export class MonitoringEvaluationDto extends CommandRequestDto {
  @ApiProperty({ example: '2024-H1', description: "'2024', '2024-H1' or '2024-Q3'" })
  @Matches(new RegExp(EVALUATION_PERIOD_PATTERN), { message: "period must be 'YYYY', 'YYYY-H1|H2' or 'YYYY-Q1…Q4', a year from 1900 to 2100" })
  period!: string;

  @NestedObject(MonitoringScoresDto) scores!: MonitoringScoresDto;

  @ApiPropertyOptional({ example: '2024-12-31', description: 'Last day of the 整改期, should this evaluation fail' })
  @IsOptional()
  @IsBusinessDate()
  probationDeadline?: string;

  @ApiProperty({ example: '服务质量有待提高' }) @IsString() @MaxLength(2000) opinion!: string;

  @ApiPropertyOptional({ description: 'Why scores.satisfaction is typed in instead of taken from the feedback (required with it)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  satisfactionOverrideReason?: string;
}

export class LiftWarningDto extends CommandRequestDto {
  @ApiProperty({ enum: WARNING_LIFT_BASES }) @IsIn(WARNING_LIFT_BASES) basis!: WarningLiftBasis;
  @ApiPropertyOptional({ description: 'The passed follow-up evaluation (FOLLOW_UP_PASSED)' }) @IsOptional() @IsUUID() evaluationId?: string;
  @ApiProperty({ example: '整改到位' }) @IsString() @MaxLength(2000) opinion!: string;
}

export class ProviderEvidenceDto {
  @ApiProperty({ example: '2024年度监测评价两次不合格' }) @IsString() @MinLength(1) @MaxLength(2000) description!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) fileName?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(SHA256, { message: 'sha256 must be 64 lowercase hex characters' }) sha256?: string;
}

/** 出库 by the authority, on one or more grounds with evidence. */
export class RemoveFromPoolDto extends CommandRequestDto {
  @EnumList(removalGrounds.codes, { min: 1 })
  grounds!: ProviderRemovalGround[];

  @NestedList(ProviderEvidenceDto, 100)
  evidence!: ProviderEvidenceDto[];

  @ApiProperty({ example: '连续两次监测评价不合格，予以出库' }) @IsString() @MaxLength(2000) opinion!: string;
}

/** 自愿退出: the reason is the base `reason` field, required by the domain rule. */
export class WithdrawFromPoolDto extends CommandRequestDto {}

export class SettleAtStationDto extends CommandRequestDto {
  @ApiProperty() @IsUUID() stationId!: string;
  @ApiProperty({ example: '2024-03-01', description: '入驻 from this business date' })
  @IsBusinessDate()
  since!: string;
}

/** Leaving a station: the reason is the base `reason` field. */
export class LeaveStationDto extends CommandRequestDto {}


export class ListProvidersQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: PROVIDER_STATUSES }) @IsOptional() @IsIn(PROVIDER_STATUSES) status?: (typeof PROVIDER_STATUSES)[number];
  @ApiPropertyOptional({ enum: serviceDomains.codes }) @IsOptional() @IsIn(serviceDomains.codes) domain?: ServiceDomain;

  @OptionalRegionCode('440106')
  regionCode?: string;

  @OptionalRegionCode('440100')
  cityCode?: string;

  @ApiPropertyOptional({ example: '2024-06-30', description: 'Providers in the 库 at the close of this day (China), from their dated pool periods' })
  @IsOptional()
  @IsBusinessDate()
  inPoolOn?: string;

  @ApiPropertyOptional({ description: 'Under a 警示 (整改期) now' }) @IsOptional() @QueryBoolean() @IsBoolean() warned?: boolean;
}

export class ProviderMovementsQueryDto {
  @ApiPropertyOptional({ example: '2024-01-01' }) @IsOptional() @IsBusinessDate() from?: string;
  @ApiPropertyOptional({ example: '2024-12-31' }) @IsOptional() @IsBusinessDate() to?: string;

  @OptionalRegionCode('440100')
  cityCode?: string;
}
