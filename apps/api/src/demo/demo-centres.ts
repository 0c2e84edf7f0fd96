import { INestApplication, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { centreKind } from '@sme/domain';
import { centreCommands } from '../centres/centre.commands';
import { demoLoaded, demoRunner, demoTime as day } from './demo-runner';
import { centreStaff, DEMO_CENTRES } from './demo-centres-data';
import { DEMO_PROVIDERS } from './demo-services-data';

/**
 * Loads the demo's service centres through the command bus: each recorded by its authority (below
 * standard with a plan where it falls short), 汕尾's centre moving to a larger venue, and Guangzhou's
 * city centre linking the demo providers of the 库. Runs once: the first centre's record marks it loaded.
 */
export async function loadDemoCentres(app: INestApplication): Promise<void> {
  if (await demoLoaded(app, centreKind.streamId(DEMO_CENTRES[0].id), 'centres')) return;
  const logger = new Logger('Demo');
  const { runs } = demoRunner(app.get(CommandBus));
  const centre = runs(centreCommands);
  for (const [i, c] of DEMO_CENTRES.entries()) {
    const data = { centreId: c.id, facts: c.facts, ...(c.remediation ? { remediation: c.remediation } : {}) };
    await centre({ type: 'RecordCentre', data }, c.by, day(c.on, `${10 + (i % 8)}:${String(i % 60).padStart(2, '0')}`));
  }
  const shanwei = DEMO_CENTRES.find((c) => c.facts.regionCode === '441500')!;
  await centre({ type: 'UpdateCentreFacts', data: { centreId: shanwei.id, changes: { venue: { areaSqm: 260, address: '汕尾市民服务中心三楼（示例地址）' } } } }, centreStaff(shanwei), day('2026-05-20'));
  const guangzhou = DEMO_CENTRES.find((c) => c.facts.level === 'CITY' && c.facts.regionCode === '440100')!;
  await centre({ type: 'LinkCentreProviders', data: { centreId: guangzhou.id, providerIds: DEMO_PROVIDERS.map((p) => p.id) } }, centreStaff(guangzhou), day('2026-02-02'));
  const below = DEMO_CENTRES.filter((c) => c.remediation).length;
  logger.log(`Demo centres loaded: ${DEMO_CENTRES.length} centres, ${below} recorded below standard. Try GET /centres?remediationOverdue=true as ADMIN.`);
}
