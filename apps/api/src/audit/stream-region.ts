import { isRegionCode } from '@sme/domain';
import type { RecordedEvent } from '@sme/event-store';

/** Where a record's first event names its place, most specific first (station, enterprise or expert, demand, call or application). */
const REGION_FIELDS = ['districtCode', 'regionCode', 'enterpriseRegionCode', 'cityCode'] as const;

/**
 * The region a stream's record belongs to, from the stream's first event, for every kind alike: the
 * region its data names, else the region of the actor who wrote it (every event names its actor, and
 * the actor acted inside its own region: a product's or a USCC reservation's data names none).
 * Undefined when neither holds a region code.
 */
export function regionOfStream(first: RecordedEvent): string | undefined {
  const data = first.data as Record<string, unknown>;
  for (const field of REGION_FIELDS) {
    const value = data[field];
    if (typeof value === 'string' && isRegionCode(value)) return value;
  }
  const actorRegion = (first.metadata.actor as { regionCode?: unknown } | undefined)?.regionCode;
  return typeof actorRegion === 'string' && isRegionCode(actorRegion) ? actorRegion : undefined;
}
