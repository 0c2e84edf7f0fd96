import { INestApplication, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { addCalendarDays, addWorkingDays, deliveryKind, enterpriseKind, followUpKind, isWorkingDay, returnVisitRequired } from '@sme/domain';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { deliveryCommands, followUpCommands, followUpIdFor } from '../deliveries/delivery.commands';
import { demoLoaded, demoRunner, demoStations, demoTime as day } from './demo-runner';
import { ServiceDeadlines } from '../deliveries/service-deadlines.service';
import { RegisterEnterpriseCommand } from '../enterprises/enterprise.messages';
import { productCommands } from '../products/product.commands';
import { providerCommands } from '../providers/provider.commands';
import { Reactors } from '../reactors/reactors.service';
import { RecordLoader } from '../records/record-loader';
import { CITY, HUB, districtAuthority } from './demo-data';
import { stepsOf, type DemoParties, type DemoRunner, type DemoStep } from './demo-service-steps';
import { DEMO_DELIVERIES, DEMO_ENTERPRISES, DEMO_PROVIDERS, DEMO_SERVICES_UNTIL, demoDigest, enterpriseActor, type DemoDelivery } from './demo-services-data';

/**
 * Loads a year of services (2026) through the real command handlers: the demo enterprises, three
 * providers admitted to the 库 with a product each, and deliveries by them and by four demo stations,
 * every step at its business time, the follow-ups the reactions open, and the deadline sweep run every
 * Monday as of that day. Runs once: the first demo enterprise's record marks it loaded.
 */
export async function loadDemoServices(app: INestApplication): Promise<void> {
  if (await demoLoaded(app, enterpriseKind.streamId(DEMO_ENTERPRISES[0].id), 'services')) return;
  const logger = new Logger('Demo');
  const store = app.get<EventStore>(EVENT_STORE);
  const began = Date.now();
  const bus = app.get(CommandBus);
  const config = app.get<AppConfig>(APP_CONFIG);
  const reactors = app.get(Reactors);
  const records = app.get(RecordLoader);
  const deadlines = app.get(ServiceDeadlines);
  const calendar = config.workingCalendar;
  const nextWorkingDay = (date: string) => (isWorkingDay(calendar, date) ? date : addWorkingDays(calendar, date, 1));
  const { ctx, runs } = demoRunner(bus);
  const provider = runs(providerCommands);
  const product = runs(productCommands);

  // The enterprises served: registered by their district's authority, late 2025 and early 2026.
  for (const e of DEMO_ENTERPRISES) {
    const { id: enterpriseId, uscc, name, industryCode, regionCode, foundedOn, figures } = e;
    const data = { enterpriseId, uscc, name, industryCode, regionCode, foundedOn, figures };
    await bus.execute(new RegisterEnterpriseCommand({ type: 'RegisterEnterprise', data }, ctx(districtAuthority(regionCode), day(nextWorkingDay(e.registeredOn), '10:00'))));
  }

  // The providers: apply for the 库, admitted by the city, then publish their product.
  for (const [i, p] of DEMO_PROVIDERS.entries()) {
    const materials = [{ kind: '营业执照', fileName: '营业执照.pdf', sha256: demoDigest(`licence-${p.uscc}`) }];
    const contact = { name: `业务联系人${i + 1}（示例）`, phone: `020-8700000${i + 1}`, email: `service${i + 1}@example.cn` };
    const { id: providerId, uscc, name, regionCode, serviceDomains } = p;
    await provider({ type: 'ApplyForEntry', data: { providerId, uscc, name, regionCode, serviceDomains, materials, contact } }, p.user, day('2026-01-06', `1${i}:00`));
    await provider({ type: 'DecideEntry', data: { providerId, admitted: true, opinion: '资质、能力和服务记录符合入库条件，同意入库' } }, CITY, day('2026-01-09', `1${i}:00`));
    const { id: productId, item, content, process, standard, fee, workingDays, domain } = p.product;
    const data = {
      productId,
      providerId,
      item,
      content,
      process,
      standard,
      supervision: '投诉电话 12345；广州市中小企业服务总站监督',
      contact: contact.phone,
      fee,
      timeLimit: { workingDays },
      classification: { industries: ['ANY'] as ['ANY'], serviceDomains: [domain], enterpriseSizes: ['ANY'] as ['ANY'] },
    };
    await product({ type: 'PublishProduct', data }, p.user, day('2026-01-12', `1${i}:00`));
  }

  // The ACTIVE demo stations that serve, as the station registry holds them.
  const stationOf = await demoStations(app);

  const partiesOf = (d: DemoDelivery): DemoParties => {
    const e = DEMO_ENTERPRISES[d.enterprise];
    const served = { enterprise: enterpriseActor(e), enterpriseId: e.id, regionCode: e.regionCode };
    if (typeof d.server === 'number') {
      const { station, operator } = stationOf(d.server);
      const fee = d.fee === 0 ? { kind: 'FREE', amountFen: 0 } : { kind: d.fee[0], amountFen: d.fee[1] * 100 };
      return { ...served, server: operator, serverRef: { kind: 'STATION', id: station.id }, steward: HUB, visitor: '市中小企业服务总站 陈工（示例）', fee };
    }
    const p = DEMO_PROVIDERS.find((x) => x.key === d.server)!;
    const own = p.product.domain === d.domain;
    const productFee = p.product.fee.kind === 'FREE' ? { kind: 'FREE', amountFen: 0 } : { kind: p.product.fee.kind, amountFen: Math.round(p.product.fee.amount * 100) };
    const fee = own ? productFee : d.fee === 0 ? { kind: 'FREE', amountFen: 0 } : { kind: d.fee[0], amountFen: d.fee[1] * 100 };
    return {
      ...served,
      server: p.user,
      serverRef: { kind: 'PROVIDER', id: p.id },
      steward: CITY,
      visitor: '市工业和信息化局 王科长（示例）',
      ...(own ? { productId: p.product.id } : {}),
      fee,
    };
  };

  const ledger: DemoRunner = {
    calendar,
    delivery: runs(deliveryCommands),
    followUp: runs(followUpCommands),
    async followUpOpenedBy(deliveryId, result) {
      if (result.position !== null) await reactors.settled(BigInt(result.position));
      const followUpId = followUpIdFor(deliveryId, result.revision);
      if ((await store.readStream(followUpKind.streamId(followUpId), { maxCount: 1 })).length === 0) {
        throw new Error(`No follow-up was opened for delivery ${deliveryId}`);
      }
      return followUpId;
    },
    async needsReturnVisit(deliveryId) {
      const state = await records.state(deliveryKind, deliveryId);
      return state.status !== 'NONE' && returnVisitRequired(state);
    },
  };

  // Every delivery's steps and a deadline sweep each Monday morning, in business-time order.
  const steps: DemoStep[] = DEMO_DELIVERIES.flatMap((d) => stepsOf(d, partiesOf(d), ledger));
  for (let monday = '2026-01-12'; day(monday, '07:30') <= DEMO_SERVICES_UNTIL; monday = addCalendarDays(monday, 7)) {
    const at = day(monday, '07:30');
    steps.push({
      at,
      run: async () => {
        const run = await deadlines.run({ at: new Date(at) });
        if (run.failed.length > 0) throw new Error(`Demo deadline run on ${run.on} failed: ${JSON.stringify(run.failed)}`);
      },
    });
  }
  const due = steps.map((step, order) => ({ step, order, ms: Date.parse(step.at) })).filter(({ ms }) => ms <= Date.parse(DEMO_SERVICES_UNTIL));
  due.sort((a, b) => a.ms - b.ms || a.order - b.order);
  for (const { step } of due) await step.run();

  logger.log(
    `Demo services loaded: ${DEMO_ENTERPRISES.length} enterprises, ${DEMO_PROVIDERS.length} providers, ${DEMO_DELIVERIES.length} deliveries ` +
      `(${due.length} steps) in ${Date.now() - began} ms. Try GET /deliveries/figures?from=2026-01-01&until=2026-12-31 as a CITY_AUTHORITY of 440100.`,
  );
}
