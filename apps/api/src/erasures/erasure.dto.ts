import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PERSONAL_DATA_KINDS } from '@sme/domain';
import { CommandRequestDto } from '../commands/command-request.dto';
import { ListQueryDto } from '../read-side/list-query.dto';

/** A statement the record keeps (a reason, an opinion): text of 1–2000 characters, not blank. */
const Statement = (field: string, doc: ApiPropertyOptions) =>
  // Applied last rule first, as stacked decorators are: a 400 names the broken rules in the same order.
  applyDecorators(Matches(/\S/, { message: `${field} must not be blank` }), MaxLength(2000), MinLength(1), IsString(), ApiProperty(doc));

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

  @Statement('reason', { example: '本人申请删除（个人信息保护法第四十七条）', description: 'Why: the data subject’s request, the purpose fulfilled, the retention period over …' })
  declare reason: string;
}

export class ApproveErasureDto extends CommandRequestDto {
  @Statement('opinion', { example: '核实为本人申请，同意删除' })
  opinion!: string;
}

export class RefuseErasureDto extends CommandRequestDto {
  @Statement('reason', { example: '合同履行期内依法须保存' })
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
