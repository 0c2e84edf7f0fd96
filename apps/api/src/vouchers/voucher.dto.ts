import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { serviceDomains, type ServiceDomain } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { EnumList, NestedObject } from '../http/list-fields';
import { IsBusinessDate, IsRegionCode } from '../http/validators';
import { EligibilityDto } from '../policies/policy.dto';
import { ListQueryDto } from '../read-side/list-query.dto';

const fen = (example: number, description: string) => ApiProperty({ example, description: `${description}, in 分` });

export class VoucherQuotasDto {
  @ApiPropertyOptional({ example: 2_000_000, description: '小微企业的年度额度（分）' }) @IsOptional() @IsInt() @Min(1) SMALL_MICRO?: number;
  @ApiPropertyOptional({ example: 10_000_000, description: '专精特新中小企业的年度额度（分）' }) @IsOptional() @IsInt() @Min(1) SPECIALISED?: number;
  @ApiPropertyOptional({ example: 20_000_000, description: '专精特新“小巨人”企业的年度额度（分）' }) @IsOptional() @IsInt() @Min(1) LITTLE_GIANT?: number;
}

export class VoucherRuleDto {
  @ApiProperty({ example: 30, description: 'The share of an order’s price the voucher pays, in percent' }) @IsInt() @Min(1) @Max(100) sharePercent!: number;
  @fen(3_000_000, 'The most the voucher pays of one order') @IsInt() @Min(1) capPerOrderFen!: number;
  @NestedObject(VoucherQuotasDto, { description: 'The yearly quota per tier; a tier left out gets none' }) quotaFen!: VoucherQuotasDto;
  @ApiProperty({ example: 12, description: 'The longest service period of an order, in months' }) @IsInt() @Min(1) @Max(12) servicePeriodMaxMonths!: number;
}

/** A programme's terms: published whole, amended whole (the next version). */
export class VoucherTermsDto extends CommandRequestDto {
  @ApiProperty({ example: '广州市2026年中小企业服务券' }) @IsString() @MaxLength(300) title!: string;
  @ApiProperty({ example: '穗工信规字〔2026〕3号' }) @IsString() @MaxLength(100) documentNumber!: string;
  @fen(30_000_000, 'The budget') @IsInt() @Min(1) budgetFen!: number;
  @NestedObject(EligibilityDto) eligibility!: EligibilityDto;
  @EnumList(serviceDomains.codes, { min: 1, description: 'The service domains a voucher may pay for' }) domains!: ServiceDomain[];
  @ApiPropertyOptional({ type: [String], description: 'Catalogue products of providers in the 库 a voucher may also pay for, whatever their domain' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  products?: string[];
  @ApiProperty({ example: '2026-03-01' }) @IsBusinessDate() applyFrom!: string;
  @ApiProperty({ example: '2026-06-30' }) @IsBusinessDate() applyUntil!: string;
  @ApiProperty({ example: '2026-03-01' }) @IsBusinessDate() validFrom!: string;
  @ApiProperty({ example: '2026-12-31' }) @IsBusinessDate() validUntil!: string;
  @ApiProperty({ example: '2027-03-31' }) @IsBusinessDate() settleBy!: string;
  @ApiProperty({ description: '免申即享: the issuer may grant an eligible enterprise without an application' }) @IsBoolean() grantOnEligibility!: boolean;
  @NestedObject(VoucherRuleDto) rule!: VoucherRuleDto;
}

/** The amended terms, whole; the request's `reason` (required here) says why. */
export class AmendVoucherProgrammeDto extends VoucherTermsDto {}

/** A new programme: its issuing region (the publishing authority's own city or district) and its terms. */
export class PublishVoucherProgrammeDto extends VoucherTermsDto {
  @ApiProperty({ example: '440100', description: 'The issuing city or district: the publishing authority’s own' }) @IsRegionCode() regionCode!: string;
}

export class VoucherEnterpriseDto extends CommandRequestDto {
  @ApiProperty({ description: 'The enterprise (its record in the enterprise database)' }) @IsUUID() enterpriseId!: string;
}

/** An issuer's decision on an application; for a refusal the request's `reason` (required then) says why. */
export class VoucherDecisionDto extends CommandRequestDto {}

export class ListVoucherProgrammesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: '440100', description: 'The issuer’s city (a city’s programmes and its districts’)' }) @IsOptional() @IsRegionCode() cityCode?: string;
  @ApiPropertyOptional({ enum: ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY'] }) @IsOptional() @IsIn(['CITY_AUTHORITY', 'DISTRICT_AUTHORITY']) issuerRole?: 'CITY_AUTHORITY' | 'DISTRICT_AUTHORITY';
}

/** A provider's order for a voucher-paid delivery: the price it states must be the delivery's agreed fee; the subsidy is the programme's to compute. */
export class PlaceVoucherOrderDto extends CommandRequestDto {
  @ApiProperty({ description: 'The enterprise served, holding the programme’s voucher' }) @IsUUID() enterpriseId!: string;
  @ApiProperty({ description: 'The provider placing the order (the caller’s own, in the 库)' }) @IsUUID() providerId!: string;
  @ApiProperty({ description: 'The delivery the order pays for: the provider’s, for this enterprise' }) @IsUUID() deliveryId!: string;
  @fen(5_000_000, 'The price: the delivery’s agreed fee') @IsInt() @Min(1) priceFen!: number;
}

/** The issuer's approval of a claim, with its opinion. */
export class VoucherClaimApprovalDto extends CommandRequestDto {
  @ApiProperty({ example: '服务档案齐全，同意兑付' }) @IsString() @MaxLength(2000) opinion!: string;
}

/** The payment of an approved claim: its reference (支付凭证号). */
export class VoucherPaymentDto extends CommandRequestDto {
  @ApiProperty({ example: 'GZCZ-2026-0001', description: '支付凭证号' }) @IsString() @MaxLength(200) reference!: string;
}
