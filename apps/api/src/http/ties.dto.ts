import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { OrganisationTies } from '@sme/domain';
import { NestedList } from './list-fields';
import { IsUsccShaped, USCC_PATTERN } from './validators';

export class ShareholderDto {
  @ApiProperty({ example: '广州某投资有限公司' }) @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiPropertyOptional({ pattern: USCC_PATTERN, description: 'The shareholder’s USCC, for an organisation' }) @IsOptional() @IsUsccShaped() uscc?: string;
}

/** 法定代表人与股东, as an organisation gives them. */
export class OrganisationTiesDto {
  @ApiProperty({ example: '张伟' }) @IsString() @MinLength(1) @MaxLength(50) legalRepresentative!: string;
  @NestedList(ShareholderDto, 200, { description: '股东 (may be empty)' }) shareholders!: ShareholderDto[];
}

/** The ties as the domain takes them, from the request. */
export const tiesOf = (dto: OrganisationTiesDto): OrganisationTies => ({
  legalRepresentative: dto.legalRepresentative,
  shareholders: dto.shareholders.map((s) => (s.uscc === undefined ? { name: s.name } : { name: s.name, uscc: s.uscc })),
});
