import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError } from '../http/api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Record ids are UUIDs; anything else is refused before a stream is touched. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) {
      throw ApiError.badRequest('ID_INVALID', `记录编号 ${value} 不是有效的 UUID`, `Record id ${value} is not a valid UUID`, [
        { field: 'id', rule: 'isUUID', message: { zh: '记录编号须为 UUID', en: 'id must be a UUID' } },
      ]);
    }
    return value.toLowerCase();
  }
}
