import type { ServedEnterprise, ServingOrganisation } from '@sme/domain/delivery/delivery.terms';

/** The serving organisations and enterprises the delivery and follow-up list and figures specs share. */

export const GZ = '440100';
export const SZ = '440300';

export const providerA: ServingOrganisation = { kind: 'PROVIDER', id: 'provider-a', orgId: '91440101MA5CAAAA1A', name: '甲财税咨询', regionCode: GZ };
export const providerB: ServingOrganisation = { kind: 'PROVIDER', id: 'provider-b', orgId: '91440101MA5CBBBB1B', name: '乙法律服务', regionCode: GZ };
/** A station in Haizhu. */
export const station: ServingOrganisation = { kind: 'STATION', id: 'station-haizhu', orgId: '91440105MA5CSSSS1S', name: '海珠区中小企业服务站', regionCode: '440105' };
/** A provider in Shenzhen, outside Guangzhou. */
export const shenzhen: ServingOrganisation = { kind: 'PROVIDER', id: 'provider-c', orgId: '91440300MA5CCCCC1C', name: '丙知识产权', regionCode: SZ };

export const enterprise = (n: number, regionCode: string): ServedEnterprise => ({ enterpriseId: `enterprise-${n}`, uscc: `9144010${n}MA59C3PL2${n}`, name: `企业${n}`, regionCode });

/** Two enterprises in Tianhe, one in Haizhu, one in Shenzhen. */
export const [e1, e2, e3, e4] = [enterprise(1, '440106'), enterprise(2, '440106'), enterprise(3, '440105'), enterprise(4, '440305')];
