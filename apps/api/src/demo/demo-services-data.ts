import { createHash } from 'node:crypto';
import { usccCheckCharacter, type Actor, type FeeKind, type IndustryCode, type ProductFee, type ServiceDomain } from '@sme/domain';
import { derivedId } from '../records/derived-id';
import { providerIdFor } from '../providers/provider-access';
import domainTexts from './demo-domain-texts.json';
import enterprises from './demo-enterprises.json';
import providers from './demo-providers.json';

/**
 * Demo data of 2026's services: fictitious enterprises of Guangzhou's districts, three providers of the
 * 库 with one catalogue product each, and a year of deliveries by them and by the demo stations, each
 * with the story it runs through (names and credit codes made up, check characters valid).
 */

export const demoDigest = (text: string) => createHash('sha256').update(text).digest('hex');

function usccOf(prefix: string, region: string, seed: number): string {
  const first17 = `91${region}${prefix}${String(seed).padStart(6, '0')}`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

export interface DemoEnterprise {
  id: string;
  uscc: string;
  name: string;
  regionCode: string;
  industryCode: IndustryCode;
  foundedOn: string;
  figures: { year: number; employees: number; revenue: number; assets: number };
  registeredOn: string;
}

/** The demo's enterprises as they register: name, district, industry, founding day and 2025's figures (data, in demo-enterprises.json). */
const ENTERPRISES = enterprises as { name: string; regionCode: string; industryCode: IndustryCode; foundedOn: string; employees: number; revenue: number; assets: number }[];

export const DEMO_ENTERPRISES: DemoEnterprise[] = ENTERPRISES.map(({ name, regionCode, industryCode, foundedOn, employees, revenue, assets }, i) => ({
  id: derivedId('demo-enterprise', i + 1),
  uscc: usccOf('MA7', regionCode, i + 1),
  name,
  regionCode,
  industryCode,
  foundedOn,
  figures: { year: 2025, employees, revenue, assets },
  // The first half registered in late 2025, the rest at the start of 2026.
  registeredOn: i < 6 ? `2025-12-${String(8 + i).padStart(2, '0')}` : `2026-01-${String(5 + i).padStart(2, '0')}`,
}));

/** The enterprise acting for itself: its orgId is its USCC. */
export const enterpriseActor = (e: DemoEnterprise): Actor => ({ id: `ent-${e.uscc}`, role: 'ENTERPRISE', orgId: e.uscc, regionCode: e.regionCode });

export interface DemoProvider {
  key: 'P1' | 'P2' | 'P3';
  id: string;
  uscc: string;
  name: string;
  regionCode: string;
  serviceDomains: ServiceDomain[];
  user: Actor;
  product: { id: string; item: string; domain: ServiceDomain; content: string; process: string; standard: string; fee: ProductFee; workingDays: number };
}

type DemoProviderRow = Pick<DemoProvider, 'name' | 'regionCode' | 'serviceDomains'> & { product: Omit<DemoProvider['product'], 'id' | 'domain'> };

function provider(n: 1 | 2 | 3, { name, regionCode, serviceDomains, product }: DemoProviderRow): DemoProvider {
  const uscc = usccOf('MA8', regionCode, n);
  return {
    key: `P${n}`,
    id: providerIdFor(uscc),
    uscc,
    name,
    regionCode,
    serviceDomains,
    user: { id: `demo-provider-user-${n}`, role: 'PROVIDER', orgId: uscc, regionCode },
    product: { ...product, id: derivedId('demo-product', n), domain: serviceDomains[0] },
  };
}

/** The three providers of the 库 and their catalogue products (data, in demo-providers.json). */
export const DEMO_PROVIDERS: DemoProvider[] = (providers as DemoProviderRow[]).map((row, i) => provider((i + 1) as 1 | 2 | 3, row));

/** What is done in each domain, and the document handed over (data, in demo-domain-texts.json). */
export const DOMAIN_TEXTS: Partial<Record<ServiceDomain, { title: string; description: string; outcome: string; document: string }>> = domainTexts;

export const documentOf = (title: string, deliveryId: string) => ({ title, fileName: `${title}.pdf`, sha256: demoDigest(`${title}-${deliveryId}`) });

/** What each delivery runs through in the demo year. */
export type DemoStory =
  | 'HAPPY'
  | 'AUTO_CONFIRMED'
  | 'AUTO_CONFIRMED_UNRATED'
  | 'POOR_SETTLED'
  | 'POOR_SETTLED_AMENDED'
  | 'POOR_SETTLED_LATE'
  | 'POOR_CLOSED_BY_STEWARD'
  | 'POOR_OPEN_ESCALATED'
  | 'DISPUTE'
  | 'COMPLAINT'
  | 'CANCELLED'
  | 'CANCELLED_BY_STEWARD'
  | 'RATED_UNARCHIVED'
  | 'CONFIRMED_UNRATED'
  | 'DELIVERED'
  | 'IN_PROGRESS'
  | 'REGISTERED';

/** Who serves: a demo provider, or the demo station of an applicant key (the stations of 越秀, 海珠, 黄埔, 番禺). */
export type DemoServer = DemoProvider['key'] | 2 | 3 | 6 | 7;
/** The fee of a delivery not following a product: FREE, or a kind with an amount in 元. */
export type DemoFee = 0 | [Exclude<FeeKind, 'FREE'>, number];

export interface DemoDelivery {
  n: number;
  id: string;
  server: DemoServer;
  enterprise: number;
  /** Planned and actual start (moved to the next working day when it is not one). */
  start: string;
  /** Working days from start to delivery. */
  workingDays: number;
  story: DemoStory;
  rating: number;
  domain: ServiceDomain;
  fee: DemoFee;
}

type Row = [DemoServer, number, string, number, DemoStory, number, ServiceDomain, DemoFee?];

// Server (a provider, or a station by applicant key), enterprise (index), start, working days to delivery, story, rating, domain, fee.
const ROWS: Row[] = [
  ['P1', 1, '2026-01-13', 8, 'HAPPY', 5, 'IP'], [2, 2, '2026-01-14', 3, 'HAPPY', 4, 'FINANCE', 0], ['P2', 0, '2026-01-19', 5, 'HAPPY', 5, 'FINANCE'],
  [3, 6, '2026-01-20', 2, 'AUTO_CONFIRMED', 4, 'TRAINING', 0], [6, 5, '2026-01-26', 4, 'HAPPY', 5, 'TECHNOLOGY', 0],
  ['P3', 7, '2026-02-02', 6, 'HAPPY', 4, 'TESTING_CERTIFICATION'], [7, 3, '2026-02-03', 3, 'POOR_SETTLED_AMENDED', 2, 'MARKET_EXPANSION', 0],
  ['P1', 9, '2026-02-24', 5, 'HAPPY', 5, 'IP'], [2, 11, '2026-02-25', 2, 'HAPPY', 4, 'LEGAL', 0],
  ['P2', 4, '2026-03-03', 4, 'HAPPY', 4, 'MANAGEMENT_CONSULTING', ['MARKET', 3000]], [3, 8, '2026-03-04', 5, 'CANCELLED', 0, 'SUPPLY_CHAIN', 0],
  ['P3', 10, '2026-03-09', 7, 'HAPPY', 3, 'TESTING_CERTIFICATION'], [6, 0, '2026-03-10', 3, 'AUTO_CONFIRMED', 5, 'TALENT', 0],
  [7, 6, '2026-03-16', 2, 'HAPPY', 5, 'BRAND', ['LOW_FEE', 800]], ['P1', 5, '2026-03-23', 6, 'POOR_SETTLED', 2, 'IP'],
  [2, 2, '2026-04-07', 3, 'HAPPY', 4, 'INFORMATION', 0], ['P2', 11, '2026-04-08', 4, 'HAPPY', 5, 'FINANCE'], [3, 1, '2026-04-13', 2, 'HAPPY', 5, 'ENTREPRENEURSHIP', 0],
  ['P3', 4, '2026-04-14', 6, 'DISPUTE', 4, 'TESTING_CERTIFICATION'], [6, 9, '2026-04-20', 4, 'HAPPY', 4, 'TRAINING', 0],
  ['P1', 3, '2026-05-06', 5, 'AUTO_CONFIRMED_UNRATED', 0, 'IP'], [7, 7, '2026-05-11', 3, 'HAPPY', 5, 'MARKET_EXPANSION', ['LOW_FEE', 1200]],
  ['P2', 8, '2026-05-18', 4, 'POOR_SETTLED_LATE', 2, 'MANAGEMENT_CONSULTING', ['MARKET', 5000]], [2, 10, '2026-05-19', 2, 'HAPPY', 4, 'FINANCE', 0],
  [3, 5, '2026-05-25', 3, 'AUTO_CONFIRMED', 4, 'LEGAL', 0],
  ['P3', 0, '2026-06-01', 6, 'HAPPY', 5, 'TESTING_CERTIFICATION'], [6, 11, '2026-06-02', 3, 'POOR_CLOSED_BY_STEWARD', 1, 'TALENT', 0],
  ['P1', 6, '2026-06-08', 5, 'HAPPY', 4, 'IP'], [7, 2, '2026-06-09', 2, 'HAPPY', 3, 'INFORMATION', 0], ['P2', 9, '2026-06-24', 4, 'HAPPY', 5, 'FINANCE'],
  [2, 3, '2026-07-01', 3, 'POOR_SETTLED', 2, 'SUPPLY_CHAIN', 0], ['P3', 1, '2026-07-06', 6, 'HAPPY', 4, 'TESTING_CERTIFICATION'],
  [3, 7, '2026-07-07', 2, 'HAPPY', 5, 'TRAINING', 0], ['P1', 10, '2026-07-13', 5, 'HAPPY', 5, 'IP'], [6, 4, '2026-07-20', 4, 'COMPLAINT', 3, 'TECHNOLOGY', ['LOW_FEE', 1500]],
  ['P2', 5, '2026-08-03', 4, 'HAPPY', 4, 'MANAGEMENT_CONSULTING', ['MARKET', 4000]], [7, 8, '2026-08-04', 3, 'HAPPY', 5, 'BRAND', 0],
  ['P3', 11, '2026-08-10', 6, 'HAPPY', 4, 'TESTING_CERTIFICATION'], [2, 0, '2026-08-17', 2, 'AUTO_CONFIRMED_UNRATED', 0, 'FINANCE', 0],
  [3, 9, '2026-08-24', 3, 'HAPPY', 3, 'LEGAL', 0],
  ['P1', 2, '2026-09-01', 5, 'HAPPY', 5, 'IP'], [6, 6, '2026-09-07', 3, 'HAPPY', 4, 'INFORMATION', 0], ['P2', 3, '2026-09-14', 4, 'HAPPY', 5, 'FINANCE'],
  [7, 4, '2026-09-21', 4, 'CANCELLED_BY_STEWARD', 0, 'SUPPLY_CHAIN', 0],
  [7, 10, '2026-10-12', 3, 'POOR_OPEN_ESCALATED', 2, 'MARKET_EXPANSION', ['LOW_FEE', 1000]], ['P3', 5, '2026-10-13', 6, 'HAPPY', 4, 'TESTING_CERTIFICATION'],
  [2, 7, '2026-10-19', 3, 'HAPPY', 5, 'TALENT', 0], [3, 4, '2026-10-26', 2, 'HAPPY', 4, 'ENTREPRENEURSHIP', 0],
  ['P1', 11, '2026-11-02', 5, 'RATED_UNARCHIVED', 5, 'IP'], [6, 1, '2026-11-05', 3, 'HAPPY', 4, 'SUPPLY_CHAIN', 0],
  ['P2', 0, '2026-11-10', 4, 'CONFIRMED_UNRATED', 0, 'FINANCE'], [7, 9, '2026-11-19', 3, 'POOR_SETTLED', 2, 'BRAND', 0],
  ['P3', 3, '2026-11-17', 5, 'DELIVERED', 0, 'TESTING_CERTIFICATION'], [3, 10, '2026-11-18', 6, 'IN_PROGRESS', 0, 'TRAINING', 0],
  ['P2', 6, '2026-11-20', 4, 'HAPPY', 4, 'FINANCE'], [2, 5, '2026-11-25', 3, 'DELIVERED', 0, 'INFORMATION', 0],
  ['P1', 8, '2026-11-24', 8, 'IN_PROGRESS', 0, 'IP'], [6, 2, '2026-11-27', 3, 'REGISTERED', 0, 'TECHNOLOGY', 0],
];

export const DEMO_DELIVERIES: DemoDelivery[] = ROWS.map(([server, enterprise, start, workingDays, story, rating, domain, fee], i) => ({
  n: i + 1,
  id: derivedId('demo-delivery', i + 1),
  server,
  enterprise,
  start,
  workingDays,
  story,
  rating,
  domain,
  fee: fee ?? 0,
}));

/** The demo's clock stops here: a step due later is left for the reader to see as due. */
export const DEMO_SERVICES_UNTIL = '2026-11-30T18:00:00+08:00';

export const RATING_COMMENTS: Record<number, string> = {
  5: '服务专业高效，非常满意',
  4: '服务到位，基本达到预期',
  3: '服务一般，成效有待观察',
  2: '方案针对性不强，未解决实际问题',
  1: '服务人员多次爽约，非常不满意',
};
