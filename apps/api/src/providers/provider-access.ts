import { createHash } from 'node:crypto';
import { isWithinRegion, organisationKey, type Actor, type Role } from '@sme/domain';
import type { ProviderView } from '@sme/read-models/provider.projection';
import type { ProviderListFilter } from '@sme/read-models/queries/provider-list';
import { given } from '../commands/given';
import { ApiError } from '../http/api-error';
import { mayReadOwned, regionFilterWithin, scopeOwnedList, type OwnedReads } from '../records/read-scope';

/**
 * A provider's record id follows from its USCC: one record per organisation, every entry round on it.
 * The USCC is keyed as organisations are compared, so ' 91440106ma59c3pl24' finds the same record.
 */
export function providerIdFor(uscc: string): string {
  const hex = createHash('sha256').update(`provider\u0000${organisationKey(uscc)}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const providerReadForbidden = () => ApiError.forbidden('PROVIDER_READ_FORBIDDEN', '无权查看该服务机构', 'You may not read this provider');

/**
 * Who reads providers: a provider its own record; the hub, the authorities and auditors the providers
 * inside their region (a province its cities, a city its districts, a district itself); ADMIN all.
 */
const PROVIDER_READS: OwnedReads = { owner: 'PROVIDER', regional: ['HUB', 'CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'AUDITOR'], forbidden: providerReadForbidden };
export const PROVIDER_READERS: Role[] = [PROVIDER_READS.owner, ...PROVIDER_READS.regional, 'ADMIN'];

/** The providers inside a region, as a list filter (the read model's form of `isWithinRegion`). */
export function providersWithin(regionCode: string): Pick<ProviderListFilter, 'cityCode' | 'regionCode' | 'regionPrefix'> {
  return regionFilterWithin(regionCode);
}

export function mayReadProvider(actor: Actor, provider: Pick<ProviderView, 'uscc' | 'regionCode'>): boolean {
  return mayReadOwned(actor, PROVIDER_READS, provider.uscc, provider.regionCode);
}

/** Narrows a list request to what the actor may read; a region filter outside the actor's region is refused. */
export function scopeProviderFilter(actor: Actor, filter: ProviderListFilter): ProviderListFilter {
  return scopeOwnedList(actor, PROVIDER_READS, filter, {
    own: (uscc) => ({ ...filter, uscc }),
    inRegion: (asked) => {
      for (const code of [asked.cityCode, asked.regionCode].filter((c): c is string => c !== undefined)) {
        if (!isWithinRegion(code, actor.regionCode)) {
          throw ApiError.forbidden('REGION_NOT_PERMITTED', `无权查看 ${code} 的服务机构`, `You may not read the providers of ${code}`);
        }
      }
      return { ...providersWithin(actor.regionCode), ...given(asked) };
    },
  });
}
