import type { CentreView } from '../centre.projection';
import { centresProjection } from '../projections';
import { readStoreWith } from '../testing/read-store';
import { listCentres, type CentreListFilter } from './centre-list';

type Row = Pick<CentreView, 'level' | 'regionCode' | 'cityCode' | 'status' | 'remediationDeadline' | 'orgId' | 'name'>;
let position = 0;
const view = (id: string, row: Row) => ({ _id: id, id, _position: (position += 1), revision: 0, updatedAt: '2026-01-05T02:00:00.000Z', recordedAt: '2026-01-05T02:00:00.000Z', ...row });

/** The province centre, Guangzhou's, two of its districts' (海珠 overdue, 天河 closed), Shenzhen's (due later), a town of 东莞. */
const centres = [
  view('gd', { level: 'PROVINCE', regionCode: '440000', cityCode: null, status: 'RECOGNISED', remediationDeadline: null, orgId: 'ORG-GD', name: '广东省中小企业服务中心' }),
  view('gz', { level: 'CITY', regionCode: '440100', cityCode: '440100', status: 'RECOGNISED', remediationDeadline: null, orgId: 'ORG-GZ', name: '广州市中小企业服务中心' }),
  view('hz', { level: 'COUNTY', regionCode: '440105', cityCode: '440100', status: 'BELOW_STANDARD', remediationDeadline: '2026-05-31', orgId: 'ORG-HZ', name: '海珠区中小企业服务中心' }),
  view('th', { level: 'COUNTY', regionCode: '440106', cityCode: '440100', status: 'CLOSED', remediationDeadline: null, orgId: 'ORG-TH', name: '天河区中小企业服务中心' }),
  view('sz', { level: 'CITY', regionCode: '440300', cityCode: '440300', status: 'BELOW_STANDARD', remediationDeadline: '2026-06-01', orgId: 'ORG-SZ', name: '深圳市中小企业服务中心' }),
  view('hm', { level: 'TOWN', regionCode: '441900', cityCode: '441900', status: 'RECOGNISED', remediationDeadline: null, orgId: 'ORG-HM', name: '东莞市虎门镇中小企业服务中心' }),
];

describe('centre list (embedded store)', () => {
  let store: Awaited<ReturnType<typeof readStoreWith>>;
  beforeAll(async () => {
    store = await readStoreWith([[centresProjection, centres as never]]);
  });
  afterAll(() => store.close());

  const ids = async (filter: CentreListFilter, sort?: string) => (await listCentres(store.reader, filter, sort, { limit: 200 })).items.map((c) => c.id);

  it('by region code by default; by level and status', async () => {
    expect(await ids({})).toEqual(['gd', 'gz', 'hz', 'th', 'sz', 'hm']);
    expect(await ids({ level: 'COUNTY' })).toEqual(['hz', 'th']);
    expect(await ids({ status: 'BELOW_STANDARD' })).toEqual(['hz', 'sz']);
  });

  it('within a region: a province all of it, a city its own and its counties’, a county itself', async () => {
    expect(await ids({ regionPrefix: '44' })).toHaveLength(6);
    expect(await ids({ cityCode: '440100' })).toEqual(['gz', 'hz', 'th']);
    expect(await ids({ regionCode: '440105' })).toEqual(['hz']);
  });

  it('remediation overdue: below standard with the deadline before today, not on it', async () => {
    expect(await ids({ remediationOverdue: true, today: '2026-06-01' })).toEqual(['hz']);
    expect(await ids({ remediationOverdue: true, today: '2026-05-31' })).toEqual([]);
    expect(await ids({ remediationOverdue: true, today: '2026-06-02' })).toEqual(['hz', 'sz']);
  });

  it('an operator’s own; a name; sorted by name or deadline', async () => {
    expect(await ids({ orgId: 'ORG-HM' })).toEqual(['hm']);
    expect(await ids({ q: '虎门' })).toEqual(['hm']);
    expect((await ids({ status: 'BELOW_STANDARD' }, '-remediationDeadline'))).toEqual(['sz', 'hz']);
  });
});
