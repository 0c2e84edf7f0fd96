import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOrTime } from '../http/validators';

/**
 * `?asOf=` and `?knownAt=`, for an AUDITOR (see recordQuery): the record as it stood at a business
 * time, as the ledger knew it at a record time — "what did we know on day X about day Y". A date is
 * the end of that day in China.
 */
export class AsOfDto {
  @ApiPropertyOptional({ example: '2026-06-30', description: 'AUDITOR only: the record as it stood at the end of this day (China time) or at this instant' })
  @IsOptional()
  @IsDateOrTime()
  asOf?: string;

  @ApiPropertyOptional({ example: '2026-07-15T00:00:00+08:00', description: 'AUDITOR only: as the ledger knew it at this record time (events recorded later, back-dated ones included, left out)' })
  @IsOptional()
  @IsDateOrTime()
  knownAt?: string;
}
