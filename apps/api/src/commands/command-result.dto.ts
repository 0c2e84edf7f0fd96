import { ApiProperty } from '@nestjs/swagger';

class WrittenEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CallOpened' }) type!: string;
}

/** What a command answers: the record, its revision after the command (also the ETag), the log position and the events written. */
export class CommandResultDto {
  @ApiProperty({ description: 'The record the command acted on' }) id!: string;
  @ApiProperty({ example: 'call-5e1a2b3c-4d5e-4f60-8a1b-2c3d4e5f6a90' }) streamId!: string;
  @ApiProperty({ minimum: -1, description: 'The record’s revision after the command (-1: no record yet); send it back as If-Match' }) revision!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Global log position of the last event written (decimal), for X-Min-Position; null when nothing was written' }) position!: string | null;
  @ApiProperty({ type: [WrittenEventDto] }) events!: WrittenEventDto[];
}
