import { randomUUID } from 'node:crypto';
import { annualReportKind, type Actor } from '@sme/domain';
import { figures, plan } from '@sme/domain/annualreport/annualreport.fixtures';
import type { EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { CITY, uscc } from '@sme/event-store/testing/history-actors';

/**
 * 年度服务总结, written through the decider: a station's 2025 report returned, resubmitted and
 * accepted; a provider's, late; Guangzhou's city report consolidating the station's, acknowledged.
 * Every event type occurs at least once.
 */
export async function writeAnnualReportHistory(store: EventStore): Promise<void> {
  const { run } = commandRunner(store);
  const at = (day: string) => `${day}T10:00:00+08:00`;
  const hub: Actor = { id: 'gz-hub-staff', role: 'HUB', orgId: 'GZ-HUB', regionCode: '440100' };
  const stationOrg = uscc('91440106MA5TRN001');
  const operator: Actor = { id: 'station-op', role: 'STATION_OPERATOR', orgId: stationOrg, regionCode: '440106' };
  const subject = { kind: 'STATION', id: randomUUID(), orgId: stationOrg, name: '天河区某中小企业服务站', regionCode: '440106' };
  const year2025 = { ...figures, from: '2025-01-01', until: '2025-12-31' };
  const report = randomUUID();
  const submission = { reportId: report, year: 2025, subject, steward: { role: 'HUB', regionCode: '440100' }, summary: '全年举办活动2场', figures: year2025, plan, deadline: '2026-01-31', facts: { subjectMayReport: true } };
  await run(annualReportKind, report, operator, at('2026-01-10'), 'SubmitAnnualReport', submission);
  await run(annualReportKind, report, hub, at('2026-01-12'), 'ReturnAnnualReport', { reportId: report, comments: '请补充差评跟进情况' });
  await run(annualReportKind, report, operator, at('2026-01-15'), 'ResubmitAnnualReport', { reportId: report, summary: '全年举办活动2场；差评均已跟进', figures: year2025, plan });
  await run(annualReportKind, report, hub, at('2026-01-16'), 'AcceptAnnualReport', { reportId: report, opinion: '同意' });

  const providerOrg = uscc('91440106MA5PRW002');
  const provider: Actor = { id: 'provider-user', role: 'PROVIDER', orgId: providerOrg, regionCode: '440106' };
  const late = randomUUID();
  await run(annualReportKind, late, provider, at('2026-02-10'), 'SubmitAnnualReport', {
    ...submission,
    reportId: late,
    subject: { kind: 'PROVIDER', id: randomUUID(), orgId: providerOrg, name: '广州某知识产权服务有限公司', regionCode: '440106' },
    steward: { role: 'CITY_AUTHORITY', regionCode: '440100' },
  });

  const city = randomUUID();
  await run(annualReportKind, city, hub, at('2026-02-20'), 'SubmitCityReport', {
    reportId: city,
    year: 2025,
    cityCode: '440100',
    hub: { orgId: hub.orgId, name: '广州市中小企业服务总站' },
    steward: { role: 'CITY_AUTHORITY', regionCode: '440100' },
    summary: '全市服务站年度工作总结',
    plan,
    accepted: [{ reportId: report, subject, onTime: true, figures: year2025 }],
    outstanding: { notAccepted: 1, missing: 0 },
    deadline: '2026-02-28',
  });
  await run(annualReportKind, city, CITY, at('2026-02-25'), 'AcknowledgeCityReport', { reportId: city, opinion: '已阅，同意' });
}
