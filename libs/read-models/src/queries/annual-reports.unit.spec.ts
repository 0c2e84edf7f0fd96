import type { AnnualReportView } from '../annualreport.projection';
import { standingsOf, type DueOrganisation } from './annual-reports';

const due = (kind: DueOrganisation['kind'], id: string): DueOrganisation => ({ kind, id, orgId: `org-${id}`, name: id, regionCode: '440106', cityCode: '440100' });
const report = (id: string, subject: { kind: 'STATION' | 'PROVIDER' | 'CENTRE'; id: string } | null, onTime: boolean, submittedOn: string) =>
  ({ id, subject, subjectKind: subject?.kind ?? 'CITY', onTime, submittedOn }) as unknown as AnnualReportView;

describe("each organisation's standing on the year's report", () => {
  it('on time, late or missing, by its own report (the first of its year), whoever else reported', () => {
    const reports = [
      report('r-city', null, true, '2026-01-10'),
      report('r-a', { kind: 'STATION', id: 'a' }, true, '2026-01-12'),
      report('r-b', { kind: 'STATION', id: 'b' }, false, '2026-02-20'),
      report('r-b2', { kind: 'STATION', id: 'b' }, true, '2026-01-05'),
      report('r-p', { kind: 'PROVIDER', id: 'c' }, true, '2026-01-15'),
    ];
    const rows = standingsOf([due('STATION', 'a'), due('STATION', 'b'), due('STATION', 'c'), due('PROVIDER', 'c'), due('CENTRE', 'a')], reports);
    expect(rows.map((r) => [r.kind, r.id, r.standing, r.reportId, r.submittedOn])).toEqual([
      ['STATION', 'a', 'ON_TIME', 'r-a', '2026-01-12'],
      ['STATION', 'b', 'LATE', 'r-b', '2026-02-20'],
      ['STATION', 'c', 'MISSING', null, null],
      ['PROVIDER', 'c', 'ON_TIME', 'r-p', '2026-01-15'],
      ['CENTRE', 'a', 'MISSING', null, null],
    ]);
  });
});
