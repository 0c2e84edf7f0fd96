import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { SHA256 } from '../http/validators';
import { DOSSIER_SUBJECTS, type DossierSubject } from './dossier-scope';
import { RECORD_READINGS } from './record-readings';

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

/** Whose dossier: a station, a provider, a centre or an enterprise, by its record id. */
export class DossierParams {
  @ApiProperty({ enum: DOSSIER_SUBJECTS }) @IsIn(DOSSIER_SUBJECTS) subject!: DossierSubject;
  @ApiProperty({ pattern: '^[\\x21-\\x7e]{1,128}$' }) @Matches(/^[\x21-\x7e]{1,128}$/) id!: string;
}

const DAY_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A dossier's filter: business time (a day is a day in China), event types, one correlation; `package` for the audit package. */
export class DossierQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'From this business time (a day: its start, China time)' }) @IsOptional() @Matches(DAY_OR_TIME) @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Up to this business time (a day: its end, China time)' }) @IsOptional() @Matches(DAY_OR_TIME) @IsISO8601({ strict: true }) until?: string;
  @ApiPropertyOptional({ example: 'DeliveryRated,DeliveryArchived', description: 'Only these event types, comma-separated' }) @IsOptional() @Matches(/^[A-Z][A-Za-z]{1,80}(,[A-Z][A-Za-z]{1,80}){0,49}$/) types?: string;
  @ApiPropertyOptional({ description: 'Only the events of one correlation (one request or reaction chain)' }) @IsOptional() @IsString() @MaxLength(128) correlationId?: string;
  @ApiPropertyOptional({ enum: ['json', 'package'], description: 'package: the audit package — the events, each stream’s chain verified, the latest checkpoint checked, the documents’ digests — as a file' })
  @IsOptional()
  @IsIn(['json', 'package'])
  format?: 'json' | 'package';
}

/** Which record: its kind (stream prefix) and id. */
export class RecordParams {
  @ApiProperty({ enum: Object.keys(RECORD_READINGS) }) @IsIn(Object.keys(RECORD_READINGS)) kind!: string;
  @ApiProperty({ pattern: '^[\\x21-\\x7e]{1,128}$' }) @Matches(/^[\x21-\x7e]{1,128}$/) id!: string;
}

/** Two record times to compare a record at, and optionally the business time both replay it to. */
export class RecordChangesQueryDto {
  @ApiProperty({ example: '2026-07-01T00:00:00+08:00', description: 'The earlier record time: the record as the ledger knew it then' }) @IsISO8601({ strict: true }) from!: string;
  @ApiPropertyOptional({ example: '2026-08-01T00:00:00+08:00', description: 'The later record time (default now)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ example: '2026-06-30T23:59:59+08:00', description: 'The business time both are replayed to (default: all of it)' }) @IsOptional() @IsISO8601() asOf?: string;
}
