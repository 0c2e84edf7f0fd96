import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { revocationGrounds, type RevocationGround } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { ListQueryDto } from '../read-side/list-query.dto';
import { EnumList, NestedList } from '../http/list-fields';
import { OptionalRegionCode } from '../http/validators';

export class CovenantDto extends CommandRequestDto {
  @ApiProperty({ example: '穗2019版', description: 'Version of the 服务公约 signed' })
  @IsString()
  @MaxLength(100)
  covenantVersion!: string;
}

export class EvidenceDto {
  @ApiProperty({ example: '2020年满意度调查：满意率 42%' }) @IsString() @MaxLength(2000) description!: string;
  @ApiPropertyOptional({ example: '满意度调查报告.pdf' }) @IsOptional() @IsString() @MaxLength(255) fileName?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hex characters' }) sha256?: string;
}

export class RevocationProposalDto extends CommandRequestDto {
  @EnumList(revocationGrounds.codes, { description: '退出机制 grounds, one or more' })
  grounds!: RevocationGround[];

  @NestedList(EvidenceDto, 100)
  evidence!: EvidenceDto[];

  @ApiProperty({ example: '服务满意度连续两年低于60%，建议撤销称号和授牌' }) @IsString() @MaxLength(2000) opinion!: string;
}

export class RevocationDecisionDto extends CommandRequestDto {
  @ApiProperty() @IsUUID() proposalId!: string;
  @ApiProperty({ description: 'true: 撤销称号和授牌; false: reject the proposal' }) @IsBoolean() approved!: boolean;
  @ApiProperty({ example: '同意撤销' }) @IsString() @MaxLength(2000) opinion!: string;
}

/** The withdrawal's reason is the base `reason` field, required here by the domain rule. */
export class WithdrawalDto extends CommandRequestDto {}

export class ListStationsQueryDto extends ListQueryDto {
  @OptionalRegionCode('440100')
  cityCode?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() callId?: string;

  @OptionalRegionCode('440106')
  districtCode?: string;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'REVOKED', 'WITHDRAWN'] })
  @IsOptional()
  @IsIn(['ACTIVE', 'REVOKED', 'WITHDRAWN'])
  status?: 'ACTIVE' | 'REVOKED' | 'WITHDRAWN';
}

