import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PERSONAL_DATA_KINDS } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { ListQueryDto } from '../read-side/list-query.dto';

export class RequestErasureDto extends CommandRequestDto {
  @ApiProperty({ enum: PERSONAL_DATA_KINDS, example: 'provider', description: 'The kind of the record whose personal data is to be erased' })
  @IsIn(PERSONAL_DATA_KINDS)
  kind!: string;

  @ApiProperty({ example: '7f0c2a8e-2b0e-4f57-9a51-6d2d3b8f0c11', description: 'The record’s id' })
  @Matches(/^[A-Za-z0-9._-]{1,128}$/, { message: 'id must be a record id (letters, digits, . _ -; at most 128)' })
  id!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['contact'],
    description: 'The persons to erase, by the path of the object naming them in the record’s events (e.g. contact, form.station.head); all the record names when left out',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(/^[A-Za-z0-9_.]{0,200}$/, { each: true, message: 'each subject must be a field path such as form.station.head' })
  subjects?: string[];

  @ApiProperty({ example: '本人申请删除（个人信息保护法第四十七条）', description: 'Why: the data subject’s request, the purpose fulfilled, the retention period over …' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  declare reason: string;
}

export class ApproveErasureDto extends CommandRequestDto {
  @ApiProperty({ example: '核实为本人申请，同意删除' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'opinion must not be blank' })
  opinion!: string;
}

export class RefuseErasureDto extends CommandRequestDto {
  @ApiProperty({ example: '合同履行期内依法须保存' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  declare reason: string;
}

export class ListErasuresQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: ['REQUESTED', 'APPROVED', 'REFUSED', 'ERASED'] })
  @IsOptional()
  @IsIn(['REQUESTED', 'APPROVED', 'REFUSED', 'ERASED'])
  status?: 'REQUESTED' | 'APPROVED' | 'REFUSED' | 'ERASED';

  @ApiPropertyOptional({ example: 'provider-7f0c2a8e-2b0e-4f57-9a51-6d2d3b8f0c11', description: 'The record’s stream' })
  @IsOptional()
  @Matches(/^[a-z]+-[A-Za-z0-9._-]{1,128}$/, { message: 'streamId must be <kind>-<id>' })
  streamId?: string;
}
