import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { educationLevels, materialKinds, operatorTypes, type EducationLevel, type MaterialKind, type OperatorType } from '@sme/domain';
import { IsBusinessDate, IsRegionCode, IsUsccShaped, REGION_CODE_PATTERN, SHA256, USCC_PATTERN, YEAR_MONTH } from '../http/validators';
import { NestedList, NestedObject } from '../http/list-fields';


const RequiredText = (max = 200) => applyDecorators(IsString(), MinLength(1), MaxLength(max));

export class ContactDto {
  @ApiProperty({ example: '李敏' }) @RequiredText(50) name!: string;
  @ApiProperty({ example: '020-38620000 / 13800138000' }) @RequiredText(60) phone!: string;
  @ApiProperty({ example: 'contact@example.cn' }) @IsEmail() @MaxLength(120) email!: string;
}

export class OperatorDto {
  @ApiProperty({ example: '广州天河软件园管理有限公司' }) @RequiredText() name!: string;
  @ApiProperty({ example: '91440101MA59UXXXXX', description: '统一社会信用代码 (GB 32100-2015)', pattern: USCC_PATTERN })
  @IsUsccShaped()
  uscc!: string;
  @ApiProperty({ enum: operatorTypes.codes }) @IsIn(operatorTypes.codes) type!: OperatorType;
  @ApiProperty({ example: '软件和信息技术服务业' }) @RequiredText(100) industry!: string;
  @ApiProperty({ example: '2012-03-15' }) @IsBusinessDate() registrationDate!: string;
  @ApiProperty({ example: '440106', pattern: REGION_CODE_PATTERN }) @IsRegionCode() registrationRegionCode!: string;
  @ApiProperty({ example: '王强' }) @RequiredText(50) legalRepresentative!: string;
  @ApiProperty({ example: '有限责任公司' }) @RequiredText(50) nature!: string;
  @ApiProperty({ example: '广州市天河区…' }) @RequiredText() registeredAddress!: string;
  @ApiProperty({ example: '510630' }) @Matches(/^\d{6}$/, { message: 'postcode must be 6 digits' }) postcode!: string;
  @ApiProperty({ example: '广州市天河区…' }) @RequiredText() officeAddress!: string;
  @NestedObject(ContactDto) contact!: ContactDto;
  @ApiPropertyOptional({ example: '2010-09', description: '开园时间, parks only' })
  @IsOptional()
  @Matches(YEAR_MONTH, { message: 'parkOpenedOn must be YYYY-MM' })
  parkOpenedOn?: string;
  @ApiProperty({ example: 320 }) @IsInt() @Min(0) @Max(10_000_000) enterprisesServed!: number;
}

export class OperationsYearDto {
  @ApiProperty({ example: 2018 }) @IsInt() @Min(1949) @Max(2100) year!: number;
  @ApiProperty({ example: 1200.5, description: '万元' }) @IsNumber() @Min(0) revenue!: number;
  @ApiProperty({ example: 300 }) @IsNumber() @Min(0) serviceRevenue!: number;
  @ApiProperty({ example: 5000 }) @IsNumber() @Min(0) totalAssets!: number;
  @ApiProperty({ example: 120, description: 'may be negative' }) @IsNumber() totalProfit!: number;
  @ApiProperty({ example: 60 }) @IsNumber() @Min(0) taxPaid!: number;
  @ApiProperty({ example: 150 }) @IsInt() @Min(0) smesServed!: number;
}

export class StationHeadDto {
  @ApiProperty({ example: '陈晓' }) @RequiredText(50) name!: string;
  @ApiProperty({ example: '13900139000' }) @RequiredText(60) phone!: string;
  @ApiProperty({ example: 'head@example.cn' }) @IsEmail() @MaxLength(120) email!: string;
  @ApiProperty({ enum: educationLevels.codes }) @IsIn(educationLevels.codes) education!: EducationLevel;
}

export class StationInfoDto {
  @ApiProperty({ example: '天河软件园中小企业服务站' }) @RequiredText() name!: string;
  @ApiProperty({ example: '440106', pattern: REGION_CODE_PATTERN }) @IsRegionCode() districtCode!: string;
  @ApiProperty({ example: '广州市天河区…' }) @RequiredText() address!: string;
  @ApiProperty({ example: 120 }) @IsNumber() @Min(0) @Max(1_000_000) areaSqm!: number;
  @ApiProperty({ example: 2, description: 'the seed requires 1–3' }) @IsInt() @Min(0) @Max(1000) fullTimeStaff!: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) @Max(1000) qualifiedFullTimeStaff!: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(1000) partTimeStaff!: number;
  @NestedObject(StationHeadDto) head!: StationHeadDto;
}

export class MaterialDto {
  @ApiProperty({ enum: materialKinds.codes }) @IsIn(materialKinds.codes) kind!: MaterialKind;
  @ApiProperty({ example: '申请表.pdf' }) @RequiredText(255) fileName!: string;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  @Matches(SHA256, { message: 'sha256 must be 64 lowercase hex characters' })
  sha256!: string;
}

export class ApplicationFormDto {
  @NestedObject(OperatorDto) operator!: OperatorDto;
  @NestedList(OperationsYearDto, 2)
  operations!: OperationsYearDto[];
  @NestedObject(StationInfoDto) station!: StationInfoDto;
  @NestedList(MaterialDto, 6)
  materials!: MaterialDto[];
}
