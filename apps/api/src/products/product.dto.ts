import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { FEE_KINDS, industries, SERVED_ENTERPRISE_SIZES, serviceDomains, type FeeKind } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { ListQueryDto } from '../read-side/list-query.dto';
import { EnumList, NestedObject } from '../http/list-fields';

const INDUSTRIES = [...industries.codes, 'ANY'] as const;
const SIZES = [...SERVED_ENTERPRISE_SIZES, 'ANY'] as const;

export class FeeDto {
  @ApiProperty({ enum: FEE_KINDS, description: 'FREE 公益/免费, LOW_FEE 低收费, MARKET 市场价' }) @IsIn(FEE_KINDS) kind!: FeeKind;
  @ApiPropertyOptional({ example: 800, description: '元 per service, to the fen; not for FREE' }) @IsOptional() @IsNumber() amount?: number;
}

export class TimeLimitDto {
  @ApiProperty({ example: 10, description: '承诺时限 in working days' }) @IsInt() @Min(1) workingDays!: number;
}

export class ClassificationDto {
  @EnumList(INDUSTRIES, { min: 1, description: "Size-standard industries, or ['ANY']" })
  industries!: string[];

  @EnumList(serviceDomains.codes, { min: 1 })
  serviceDomains!: string[];

  @EnumList(SIZES, { min: 1, description: "MEDIUM, SMALL, MICRO, or ['ANY']" })
  enterpriseSizes!: string[];
}

const text = (example: string, description: string) => ApiProperty({ example, description });

/** The 六公开 (服务项目、内容、流程、标准、监督、联系方式) and the 五公开's fee and time limit, with the classification. */
export class ProductContentDto extends CommandRequestDto {
  @text('专利申请代理', '服务项目') @IsString() @MinLength(1) @MaxLength(200) item!: string;
  @text('发明、实用新型专利申请代理', '服务内容') @IsString() @MinLength(1) @MaxLength(4000) content!: string;
  @text('咨询→检索→撰写→提交', '服务流程') @IsString() @MinLength(1) @MaxLength(4000) process!: string;
  @text('按《专利代理服务规范》执行', '服务标准') @IsString() @MinLength(1) @MaxLength(4000) standard!: string;
  @text('投诉电话 12345', '服务监督') @IsString() @MinLength(1) @MaxLength(2000) supervision!: string;
  @text('020-38620000', '联系方式') @IsString() @MinLength(1) @MaxLength(500) contact!: string;
  @NestedObject(FeeDto) fee!: FeeDto;
  @NestedObject(TimeLimitDto) timeLimit!: TimeLimitDto;
  @NestedObject(ClassificationDto) classification!: ClassificationDto;
}

export class PublishProductDto extends ProductContentDto {
  @ApiProperty({ description: 'The publishing provider’s record id (in the 库 now)' }) @IsUUID() providerId!: string;
}

export class ProductChangesDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) item?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(4000) content?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(4000) process?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(4000) standard?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) supervision?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) contact?: string;
  @NestedObject(FeeDto, { optional: true }) fee?: FeeDto;
  @NestedObject(TimeLimitDto, { optional: true }) timeLimit?: TimeLimitDto;
  @NestedObject(ClassificationDto, { optional: true }) classification?: ClassificationDto;
}

/** A new version: the fields given replace the current ones. */
export class ReviseProductDto extends CommandRequestDto {
  @NestedObject(ProductChangesDto) changes!: ProductChangesDto;
}

/** Retiring: the reason is the base `reason` field. */
export class RetireDto extends CommandRequestDto {}

export class CaseEnterpriseDto {
  @ApiProperty({ description: 'true: only an alias is kept' }) @IsBoolean() anonymised!: boolean;
  @ApiPropertyOptional({ example: '广州某软件有限公司', description: 'Only when not anonymised' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ example: '天河区某软件企业', description: 'Only when anonymised' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) alias?: string;
}

export class PublishCaseDto extends CommandRequestDto {
  @ApiProperty() @IsUUID() providerId!: string;
  @ApiPropertyOptional({ description: 'The product delivered, if any' }) @IsOptional() @IsUUID() productId?: string;
  @ApiProperty({ example: '某软件企业专利布局' }) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @NestedObject(CaseEnterpriseDto) enterprise!: CaseEnterpriseDto;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) summary!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) outcome!: string;
  @ApiProperty({ example: '2024-05-20' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'servedOn must be a date YYYY-MM-DD' }) servedOn!: string;
  @NestedObject(ClassificationDto) classification!: ClassificationDto;
}

export class ListProductsQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() providerId?: string;
  @ApiPropertyOptional({ enum: serviceDomains.codes }) @IsOptional() @IsIn(serviceDomains.codes) domain?: string;
  @ApiPropertyOptional({ enum: industries.codes, description: 'Products for this industry or any' }) @IsOptional() @IsIn(industries.codes) industry?: string;
  @ApiPropertyOptional({ enum: SERVED_ENTERPRISE_SIZES, description: 'Products for this size or any' }) @IsOptional() @IsIn(SERVED_ENTERPRISE_SIZES) enterpriseSize?: string;
  @ApiPropertyOptional({ enum: FEE_KINDS }) @IsOptional() @IsIn(FEE_KINDS) feeKind?: string;
  @ApiPropertyOptional({ enum: ['PUBLISHED', 'RETIRED'] }) @IsOptional() @IsIn(['PUBLISHED', 'RETIRED']) status?: 'PUBLISHED' | 'RETIRED';
}

export class ListCasesQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() providerId?: string;
  @ApiPropertyOptional({ enum: serviceDomains.codes }) @IsOptional() @IsIn(serviceDomains.codes) domain?: string;
  @ApiPropertyOptional({ enum: industries.codes }) @IsOptional() @IsIn(industries.codes) industry?: string;
  @ApiPropertyOptional({ enum: SERVED_ENTERPRISE_SIZES }) @IsOptional() @IsIn(SERVED_ENTERPRISE_SIZES) enterpriseSize?: string;
  @ApiPropertyOptional({ enum: ['PUBLISHED', 'RETIRED'] }) @IsOptional() @IsIn(['PUBLISHED', 'RETIRED']) status?: 'PUBLISHED' | 'RETIRED';
}

/** The public catalogue's filters (products on show only). */
export class CatalogueQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: serviceDomains.codes }) @IsOptional() @IsIn(serviceDomains.codes) domain?: string;
  @ApiPropertyOptional({ enum: industries.codes }) @IsOptional() @IsIn(industries.codes) industry?: string;
  @ApiPropertyOptional({ enum: SERVED_ENTERPRISE_SIZES }) @IsOptional() @IsIn(SERVED_ENTERPRISE_SIZES) enterpriseSize?: string;
  @ApiPropertyOptional({ enum: FEE_KINDS }) @IsOptional() @IsIn(FEE_KINDS) feeKind?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() providerId?: string;
}
