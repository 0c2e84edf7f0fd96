import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/**
 * `?asOf=` and `?knownAt=`, for an AUDITOR (see recordQuery): the record as it stood at a business
 * time, as the ledger knew it at a record time — "what did we know on day X about day Y".
 */
export class AsOfDto {
  @ApiPropertyOptional({ example: '2026-06-30T23:59:59+08:00', description: 'AUDITOR only: the record as it stood at this business time' }) @IsOptional() @IsISO8601() asOf?: string;
  @ApiPropertyOptional({ example: '2026-07-15T00:00:00+08:00', description: 'AUDITOR only: as the ledger knew it at this record time (events recorded later, back-dated ones included, left out)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  knownAt?: string;
}
