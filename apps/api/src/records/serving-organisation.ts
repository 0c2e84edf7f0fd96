import { centreKind, cityCodeOf, inPoolOn, providerKind, regionNameZh, stationKind, type Actor, type ServingKind, type ServingOrganisation, type Steward, recordNotFound } from '@sme/domain';
import type { RecordLoader } from './record-loader';

export interface ServingFacts {
  /** The organisation as its record stands. */
  organisation: ServingOrganisation;
  /** Who oversees it: a station's hub; the city authority of a provider, of the hub or of a local centre; ADMIN for the province centre. */
  steward: Steward;
  /** Whether it may serve on the day: a provider in the 库 at some moment of it, an ACTIVE station, a RECOGNISED centre; the hub always. */
  mayServe: boolean;
}


/**
 * The organisation that serves (a delivery's server, an activity's organiser) as its record stands on
 * `day` (YYYY-MM-DD, China time). The hub serves as the organisation the token names, in its city.
 */
export async function servingOrganisation(records: RecordLoader, actor: Actor, named: { kind: ServingKind; id?: string }, day: string | undefined): Promise<ServingFacts> {
  const { kind, id } = named;
  if (kind === 'PROVIDER') {
    const provider = await records.state(providerKind, id ?? '');
    if (provider.status === 'NONE') throw recordNotFound(providerKind.label);
    const mayServe = typeof day === 'string' && (inPoolOn(provider, `${day}T00:00:00+08:00`) || inPoolOn(provider, `${day}T23:59:59+08:00`));
    return {
      organisation: { kind, id: provider.providerId, orgId: provider.uscc, name: provider.name, regionCode: provider.regionCode },
      steward: { role: 'CITY_AUTHORITY', regionCode: cityCodeOf(provider.regionCode) },
      mayServe,
    };
  }
  if (kind === 'STATION') {
    const station = await records.state(stationKind, id ?? '');
    if (station.status === 'NONE') throw recordNotFound(stationKind.label);
    return {
      organisation: { kind, id: station.stationId, orgId: station.ownerOrgId, name: station.name, regionCode: station.districtCode },
      steward: { role: 'HUB', regionCode: station.cityCode },
      mayServe: station.status === 'ACTIVE',
    };
  }
  if (kind === 'CENTRE') {
    const centre = await records.state(centreKind, id ?? '');
    if (centre.status === 'NONE') throw recordNotFound(centreKind.label);
    const { facts } = centre;
    // The province centre answers to the platform (no provincial authority role); the others to their city.
    const steward: Steward = facts.level === 'PROVINCE' ? { role: 'ADMIN', regionCode: facts.regionCode } : { role: 'CITY_AUTHORITY', regionCode: cityCodeOf(facts.regionCode) };
    return { organisation: { kind, id: centre.centreId, orgId: facts.orgId, name: facts.name, regionCode: facts.regionCode }, steward, mayServe: centre.status === 'RECOGNISED' };
  }
  const city = cityCodeOf(actor.regionCode);
  return {
    organisation: { kind, id: actor.orgId, orgId: actor.orgId, name: `${regionNameZh(city)}中小企业服务总站`, regionCode: city },
    steward: { role: 'CITY_AUTHORITY', regionCode: city },
    mayServe: true,
  };
}
