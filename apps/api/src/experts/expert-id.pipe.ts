import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError } from '../http/api-error';

/**
 * An expert's id is their user id (the token's `sub`), so not necessarily a UUID: 1–128 visible ASCII
 * characters. The expert's stream is `expert-<id>`.
 */
export const EXPERT_ID_PATTERN = /^[\x21-\x7e]{1,128}$/;

@Injectable()
export class ExpertIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !EXPERT_ID_PATTERN.test(value)) {
      throw ApiError.badRequest('ID_INVALID', `专家编号 ${String(value)} 无效`, `Expert id ${String(value)} is not valid`, [
        { field: 'id', rule: 'expertId', message: { zh: 'id 须为 1–128 个可见 ASCII 字符', en: 'id must be 1–128 visible ASCII characters' } },
      ]);
    }
    return value;
  }
}
