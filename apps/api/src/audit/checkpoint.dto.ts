import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { SHA256 } from '../http/validators';

/** A checkpoint as the ledger exported it (GET /audit/checkpoints, the checkpoint file, the checkpoints.v1 topic). */
export class CheckpointDto {
  @ApiProperty({ example: '1520', description: 'The log position it covers (decimal)' }) @Matches(/^[1-9][0-9]{0,18}$/) position!: string;
  @ApiProperty({ pattern: SHA256.source }) @Matches(SHA256) globalHash!: string;
  @ApiProperty({ pattern: SHA256.source }) @Matches(SHA256) merkleRoot!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) events!: number;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) streams!: number;
  @ApiProperty({ enum: ['sha256', 'sm3'] }) @IsIn(['sha256', 'sm3']) hashAlgorithm!: 'sha256' | 'sm3';
  @ApiProperty({ enum: ['ed25519', 'sm2'] }) @IsIn(['ed25519', 'sm2']) signatureAlgorithm!: 'ed25519' | 'sm2';
  @ApiProperty({ pattern: SHA256.source }) @Matches(SHA256) keyId!: string;
  @ApiProperty({ description: 'Base64' }) @IsString() @MaxLength(200) @Matches(/^[A-Za-z0-9+/]+={0,2}$/) signature!: string;
  @ApiProperty({ example: '2026-12-05T02:00:00.000Z' }) @IsISO8601({ strict: true }) signedAt!: string;
  @ApiPropertyOptional({ description: 'Ignored: the ledger verifies with its own key, not one the checkpoint brings' }) @IsOptional() @IsString() @MaxLength(1000) publicKey?: string;
  @ApiPropertyOptional({ enum: ['SCHEDULE', 'ON_DEMAND'] }) @IsOptional() @IsIn(['SCHEDULE', 'ON_DEMAND']) trigger?: string;
  @ApiPropertyOptional({ description: 'Where its event stands in the log (as exported); ignored' }) @IsOptional() @Matches(/^[0-9]{0,19}$/) eventPosition?: string;
}

/** Checkpoints kept outside the ledger, to check the log against. */
export class VerifyCheckpointsDto {
  @ApiProperty({ type: [CheckpointDto], minItems: 1, maxItems: 1000 })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => CheckpointDto)
  checkpoints!: CheckpointDto[];
}
