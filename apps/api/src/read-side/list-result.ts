import { InvalidCursorError, toPublicView, type Page, type ViewVersion } from '@sme/read-models';
import { ApiError } from '../http/api-error';

/** Runs a list query, turning the reader's argument errors into bilingual 400s and views into public ones. */
export async function listResult<V extends ViewVersion>(run: () => Promise<Page<V>>) {
  try {
    const page = await run();
    return { ...page, items: page.items.map(toPublicView) };
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw ApiError.badRequest('CURSOR_INVALID', '分页游标无效', error.message, [
        { field: 'cursor', rule: 'cursor', message: { zh: 'cursor 不是本列表签发的游标', en: error.message } },
      ]);
    }
    if (error instanceof RangeError) {
      throw ApiError.badRequest('SORT_INVALID', `排序字段无效：${error.message}`, error.message, [
        { field: 'sort', rule: 'isIn', message: { zh: `排序字段无效：${error.message}`, en: error.message } },
      ]);
    }
    throw error;
  }
}
