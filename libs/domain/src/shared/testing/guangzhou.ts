import { anActor } from './actors';

/** Where most tests happen: Guangzhou (GB/T 2260) with two of its districts, and Shenzhen for an outsider. */
export const GD = '440000';
export const GZ = '440100';
export const TIANHE = '440106';
export const HAIZHU = '440105';
export const SZ = '440300';

/** Staff of the Guangzhou hub and city bureau with their organisations' codes, as the registries and stations see them. */
export const hub = anActor('HUB', GZ, 'hub-staff-1', '51440100MJK12345XY');
export const cityBureau = anActor('CITY_AUTHORITY', GZ, 'gz-bureau-1', 'gz-miit');
export const shenzhenHub = anActor('HUB', SZ, 'sz-hub-1', 'sz-hub');

/** The libraries' actors (policies, FAQs, demands, products, cases), named by place; their organisations are `org-<id>`. */
export const gzHub = anActor('HUB', GZ, 'gz-hub');
export const szHub = anActor('HUB', SZ, 'sz-hub');
export const gzBureau = anActor('CITY_AUTHORITY', GZ, 'gz-official');
export const szBureau = anActor('CITY_AUTHORITY', SZ, 'sz-official');
export const tianheAuthority = anActor('DISTRICT_AUTHORITY', TIANHE, 'th-official');
export const haizhuAuthority = anActor('DISTRICT_AUTHORITY', HAIZHU, 'hz-official');
export const admin = anActor('ADMIN', GD, 'platform-admin');
