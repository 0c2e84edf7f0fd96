import type { Actor, MatchableEnterprise, SizeClass } from '@sme/domain';
import type { EnterpriseView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import {
  ENTERPRISE_READS_ALL,
  ENTERPRISE_READS_REGION,
  enterpriseReadForbidden,
  mayReadEnterprise,
} from '../enterprises/enterprise-access';

// Matching reads enterprises under the enterprise database's own read rules.
export { enterpriseReadForbidden, mayReadEnterprise };

/** The region an actor's enterprise reads are limited to: undefined for every region; a 403 when it reads none this way. */
export function matchingScope(actor: Actor): string | undefined {
  if (ENTERPRISE_READS_ALL.includes(actor.role)) return undefined;
  if (ENTERPRISE_READS_REGION.includes(actor.role)) return actor.regionCode;
  throw enterpriseReadForbidden();
}

/** What isEligible needs of an enterprise document: the tag periods are the days each grant counts. */
export function matchable(doc: EnterpriseView): MatchableEnterprise {
  return {
    industryCode: doc.industryCode,
    // Not yet classified: matches no policy that restricts the size class.
    sizeClass: doc.sizeClass as SizeClass,
    regionCode: doc.regionCode,
    tags: doc.tagPeriods.map(({ tag, validFrom, validUntil }) => ({ tag, validFrom, validUntil })),
  };
}

/** Keyset paging over a list computed in memory, ordered by id: the cursor holds the last id. */
export function pageById<T extends { id: string }>(items: readonly T[], page: { limit?: number; cursor?: string }) {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
  let after: string | undefined;
  if (page.cursor !== undefined) {
    try {
      const parsed = JSON.parse(Buffer.from(page.cursor, 'base64url').toString('utf8')) as unknown;
      if (Array.isArray(parsed) && parsed.length === 1 && typeof parsed[0] === 'string') after = parsed[0];
    } catch {
      // refused below
    }
    if (after === undefined) {
      throw ApiError.badRequest('CURSOR_INVALID', '分页游标无效', 'The cursor is not one this list issued', [
        { field: 'cursor', rule: 'cursor', message: { zh: 'cursor 不是本列表签发的游标', en: 'The cursor is not one this list issued' } },
      ]);
    }
  }
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rest = after === undefined ? sorted : sorted.filter((item) => item.id > after!);
  const slice = rest.slice(0, limit);
  const nextCursor = rest.length > limit ? Buffer.from(JSON.stringify([slice[slice.length - 1].id]), 'utf8').toString('base64url') : null;
  return { items: slice, total: items.length, nextCursor };
}
