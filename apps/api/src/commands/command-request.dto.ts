import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength, registerDecorator, type ValidationOptions } from 'class-validator';

/** ISO time that is not later than the server's clock. */
export function NotInFuture(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must not be in the future`, ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || Number.isNaN(Date.parse(value)) || Date.parse(value) <= Date.now(),
      },
    });
}

/** Fields every command request may carry besides its own data. */
export class CommandRequestDto {
  @ApiPropertyOptional({
    description: 'Business time of the act (ISO 8601 with offset). Defaults to now; never in the future.',
    example: '2019-06-10T10:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @NotInFuture()
  occurredAt?: string;

  @ApiPropertyOptional({ description: 'Why the actor did this, kept on the event for auditors.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({
    description: '补录: why the act is recorded with an occurredAt before the record’s previous event (within BACKDATE_WINDOW_DAYS); kept on the event',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  backdatingReason?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      '更正: the id of an earlier event of this record whose fact this act corrects. The act takes that event’s business time (so occurredAt is not sent with it), whatever BACKDATE_WINDOW_DAYS; `reason` is required. The event keeps both',
  })
  @IsOptional()
  @IsUUID()
  corrects?: string;
}
