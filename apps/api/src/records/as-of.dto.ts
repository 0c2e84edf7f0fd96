import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** `?asOf=`: a record replayed to a business time, for an AUDITOR (see KindController.readRecord). */
export class AsOfDto {
  @ApiPropertyOptional({ example: '2026-06-30T23:59:59+08:00', description: 'AUDITOR only: the record as it stood at this business time' }) @IsOptional() @IsISO8601() asOf?: string;
}
