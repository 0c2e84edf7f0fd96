import { chinaDateOf, type Actor } from '@sme/domain';
import { followUpIdFor } from '../../../apps/api/src/deliveries/delivery.commands';
import { centreBody, centreUscc } from '../support/centre-bodies';
import { caseBody, deliveryBody, demandBody, entryApplication, faqBody, policyBody, productBody, providerUser } from '../support/library-bodies';
import { activityBody } from '../support/activity-bodies';
import { cityReportBody, reportBody } from '../support/annual-report-bodies';
import { registerEnterprise, self } from '../support/policies-demands';
import { actors, applicationUpTo, callBody, client, operator } from '../support/station-lifecycle';
import type { TestApp } from '../support/test-app';

/** The platform's two administrators: one asks for an erasure, the other decides. */
export const ADMINS: { asking: Actor; deciding: Actor } = {
  asking: { id: 'admin-1', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440100' },
  deciding: { id: 'admin-2', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440100' },
};

const ok = <T = { id: string }>(res: { status: number; body: unknown }): T => {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
};

/**
 * Records to act on, built once per app through the API and shared by the fixtures. Each is built
 * on first use; the fixtures' requests are all refused or conflict, so the records do not change.
 * A record only needs to exist: the gate and then the stale If-Match answer before any rule on its
 * state. State is built only where the gate itself reads it (an expert panel, a demand's acceptance)
 * or where the handler needs it to reach the gate (an ACTIVE station to settle at).
 */
export class World {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(readonly t: TestApp) {}

  get c() {
    return client(this.t);
  }

  once<T>(key: string, build: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = build();
      this.memo.set(key, value);
    }
    return value;
  }

  /** An open call of Guangzhou (2019). */
  openCall(): Promise<string> {
    return this.once('open-call', async () => ok(await this.c.post(actors.city, '/calls', callBody)).id);
  }

  /** A draft application of operator 1 in 天河区 on the open call. */
  draftApplication(): Promise<{ id: string; operator: Actor }> {
    return this.once('draft-application', async () => ({ id: await applicationUpTo(this.t, await this.openCall(), 1, 'DRAFT'), operator: operator(1) }));
  }

  /** An application of operator 3 on the open call whose panel is the three registry experts (`actors.experts`). */
  panelledApplication(): Promise<string> {
    return this.once('panelled-application', async () => applicationUpTo(this.t, await this.openCall(), 3, 'PANEL_FORMED'));
  }

  /** A designated, active station (its own call, closed and published) of operator 2 in 天河区. */
  station(): Promise<{ id: string; operator: Actor }> {
    return this.once('station', async () => {
      const callId = ok(await this.c.post(actors.city, '/calls', { ...callBody, title: '第二批服务站征集' })).id;
      await applicationUpTo(this.t, callId, 2, 'APPROVED');
      ok(await this.c.post(actors.city, `/calls/${callId}/close`, { occurredAt: '2019-08-30T10:00:00+08:00' }));
      ok(await this.c.post(actors.city, `/calls/${callId}/publish`, { occurredAt: '2019-09-10T10:00:00+08:00' }));
      const listed = ok<{ items: { id: string }[] }>(await this.c.get(actors.city, `/stations?callId=${callId}`));
      return { id: listed.items[0].id, operator: operator(2) };
    });
  }

  /** A provider of 天河区 admitted to the 库 by the city's hub, and its own user. */
  provider(): Promise<{ id: string; user: Actor }> {
    return this.once('provider', async () => {
      const user = providerUser(801);
      const { id } = ok(await this.c.post(user, '/providers/entry-applications', entryApplication(801)));
      ok(await this.c.post(actors.hub, `/providers/${id}/entry-decision`, { admitted: true, opinion: '同意入库' }));
      return { id, user };
    });
  }

  /** A product published by the provider. */
  product(): Promise<string> {
    return this.once('product', async () => {
      const provider = await this.provider();
      return ok(await this.c.post(provider.user, '/products', productBody(provider.id))).id;
    });
  }

  /** A case published by the provider. */
  serviceCase(): Promise<string> {
    return this.once('case', async () => {
      const provider = await this.provider();
      return ok(await this.c.post(provider.user, '/cases', caseBody(provider.id))).id;
    });
  }

  /** An erasure of the provider's contact, asked by the platform's first ADMIN (the second decides). */
  erasure(): Promise<string> {
    return this.once('erasure', async () => {
      const provider = await this.provider();
      return ok(await this.c.post(ADMINS.asking, '/erasures', { kind: 'provider', id: provider.id, reason: '本人申请删除' })).id;
    });
  }

  /** A municipal policy of Guangzhou, published by the city authority. */
  policy(): Promise<string> {
    return this.once('policy', async () => ok(await this.c.post(actors.city, '/policies', policyBody)).id);
  }

  /** An FAQ of Guangzhou, published by the city's hub. */
  faq(): Promise<string> {
    return this.once('faq', async () => ok(await this.c.post(actors.hub, '/faqs', faqBody)).id);
  }

  /** An enterprise of 天河区 registered by the district's authority, and the enterprise acting for itself. */
  enterprise(): Promise<{ id: string; self: Actor }> {
    return this.once('enterprise', async () => {
      const { id, uscc: code } = await registerEnterprise(this.c, 901);
      return { id, self: self(code) };
    });
  }

  /** A demand the enterprise raised, not yet accepted. */
  raisedDemand(): Promise<string> {
    return this.once('raised-demand', () => this.raiseDemand());
  }

  /** A demand the operator of the station accepted: only that organisation handles it on the station side. */
  acceptedDemand(): Promise<{ id: string; station: { id: string; operator: Actor } }> {
    return this.once('accepted-demand', async () => {
      const station = await this.station();
      const id = await this.raiseDemand();
      ok(await this.c.post(station.operator, `/demands/${id}/acceptance`, { stationId: station.id }));
      return { id, station };
    });
  }

  /** Guangzhou's city centre, recorded by the city authority, and a member of its staff. */
  centre(): Promise<{ id: string; staff: Actor }> {
    return this.once('centre', async () => {
      const orgId = centreUscc(701);
      const { id } = ok(await this.c.post(actors.city, '/centres', centreBody(orgId)));
      return { id, staff: { id: 'centre-staff-701', role: 'CENTRE_OPERATOR', orgId, regionCode: '440100' } as Actor };
    });
  }

  /** Today in China: the provider entered the 库 today, so its deliveries are planned for today. */
  today(): string {
    return chinaDateOf(new Date());
  }

  /** A delivery of the provider to the enterprise, delivered today. */
  delivery(): Promise<{ id: string }> {
    return this.once('delivery', () => this.deliveredDelivery());
  }

  /** The follow-up a 差评 on another delivery opened (the rating's answer waits for it). */
  followUp(): Promise<string> {
    return this.once('follow-up', async () => {
      const { id } = await this.deliveredDelivery();
      ok(await this.c.post((await this.enterprise()).self, `/deliveries/${id}/feedback`, { rating: 2, comment: '检索报告不完整' }));
      // Registered, started, delivered, rated: the rating is the delivery's fourth event (revision 3).
      return followUpIdFor(id, 3);
    });
  }

  /** Guangzhou's theme-month plan for 2026, adopted by the city's hub. */
  themePlan(): Promise<string> {
    return this.once('theme-plan', async () =>
      ok(await this.c.post(actors.hub, '/themeplans', { cityCode: '440100', year: 2026, months: [{ month: 3, theme: 'FINANCING' }] })).id,
    );
  }

  /** An activity of the station, today, with the enterprise registered (planned), or also held with it present. */
  activity(held = false): Promise<{ id: string; station: { id: string; operator: Actor } }> {
    return this.once(held ? 'held-activity' : 'activity', async () => {
      const [station, enterprise] = [await this.station(), await this.enterprise()];
      const body = activityBody(station.id, this.today());
      const { id } = ok(await this.c.post(station.operator, '/activities', body));
      ok(await this.c.post(enterprise.self, `/activities/${id}/registrations`, { enterpriseId: enterprise.id }));
      if (held) ok(await this.c.post(station.operator, `/activities/${id}/holding`, { enterpriseIdsPresent: [enterprise.id], personsPresent: 2 }));
      return { id, station };
    });
  }

  /** Last year in China: its reports are due now. */
  lastYear(): number {
    return Number(this.today().slice(0, 4)) - 1;
  }

  /** The station's report of last year, submitted and accepted by the hub. */
  annualReport(): Promise<{ id: string; station: { id: string; operator: Actor } }> {
    return this.once('annual-report', async () => {
      const station = await this.station();
      const { id } = ok(await this.c.post(station.operator, '/annual-reports', reportBody('STATION', station.id, this.lastYear())));
      ok(await this.c.post(actors.hub, `/annual-reports/${id}/acceptance`, { opinion: '同意' }));
      return { id, station };
    });
  }

  /** Guangzhou's city report of last year, consolidating the station's. */
  cityReport(): Promise<string> {
    return this.once('city-report', async () => {
      await this.annualReport();
      return ok(await this.c.post(actors.hub, '/annual-reports/city', cityReportBody('440100', this.lastYear()))).id;
    });
  }

  private async deliveredDelivery(): Promise<{ id: string }> {
    const [provider, enterprise] = [await this.provider(), await this.enterprise()];
    const { id } = ok(await this.c.post(provider.user, '/deliveries', deliveryBody(provider.id, enterprise.id, this.today())));
    ok(await this.c.post(provider.user, `/deliveries/${id}/start`, { startedOn: this.today() }));
    ok(await this.c.post(provider.user, `/deliveries/${id}/handover`, { deliveredOn: this.today(), outcome: '提交专利申请2件' }));
    return { id };
  }

  private async raiseDemand(): Promise<string> {
    const enterprise = await this.enterprise();
    return ok(await this.c.post(enterprise.self, '/demands', { ...demandBody, enterpriseId: enterprise.id })).id;
  }
}
