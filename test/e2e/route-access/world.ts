import { createHash } from 'node:crypto';
import type { Actor } from '@sme/domain';
import { registerEnterprise, self } from '../support/policies-demands';
import { actors, applicationUpTo, callBody, client, operator, uscc } from '../support/station-lifecycle';
import type { TestApp } from '../support/test-app';

const ok = <T = { id: string }>(res: { status: number; body: unknown }): T => {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A PROVIDER user of the organisation with USCC `uscc(seed)` in 天河区. */
export const providerUser = (seed: number): Actor => ({ id: `provider-${seed}`, role: 'PROVIDER', orgId: uscc(seed), regionCode: '440106' });

/** 申请入库 for the provider of `seed`: its own USCC, 天河区, one service domain, one material. */
export const entryApplication = (seed: number) => ({
  uscc: uscc(seed),
  name: `广州某知识产权服务有限公司${seed}`,
  regionCode: '440106',
  serviceDomains: ['IP'],
  materials: [{ kind: '营业执照', fileName: '营业执照.pdf', sha256: sha256(`licence-${seed}`) }],
  contact: { name: '李敏', phone: '020-38620000', email: 'li@example.cn' },
});

/** A classification every product and case carries. */
export const classification = { industries: ['ANY'], serviceDomains: ['IP'], enterpriseSizes: ['ANY'] };

/** The 六公开, fee, time limit and classification of a product of `providerId`. */
export const productBody = (providerId: string) => ({
  providerId,
  item: '专利申请代理',
  content: '发明、实用新型专利申请代理',
  process: '咨询→检索→撰写→提交',
  standard: '按专利代理服务规范执行',
  supervision: '投诉电话 12345',
  contact: '020-38620000',
  fee: { kind: 'FREE' },
  timeLimit: { workingDays: 10 },
  classification,
});

/** A case of `providerId`: an anonymised enterprise served. */
export const caseBody = (providerId: string) => ({
  providerId,
  title: '某软件企业专利布局',
  enterprise: { anonymised: true, alias: '天河区某软件企业' },
  summary: '检索与布局',
  outcome: '获授权发明专利 3 件',
  servedOn: '2024-05-20',
  classification,
});

/** A municipal policy of Guangzhou for every enterprise of the city. */
export const policyBody = {
  level: 'MUNICIPAL',
  regionCode: '440100',
  title: '广州市支持中小企业发展若干措施',
  issuer: '广州市工业和信息化局',
  documentNumber: '穗工信规字〔2025〕3号',
  effectiveFrom: '2025-01-01',
  summary: '对本市中小企业给予服务补贴',
  eligibility: {},
};

export const faqBody = { question: '如何申请服务补贴？', answer: '向所在区工信部门提交申请。', topics: ['补贴'] };

/** What the enterprise needs (without the enterprise). */
export const demandBody = { category: 'FINANCE', description: '需要一笔流动资金贷款', urgency: 'NORMAL' };

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

  private async raiseDemand(): Promise<string> {
    const enterprise = await this.enterprise();
    return ok(await this.c.post(enterprise.self, '/demands', { ...demandBody, enterpriseId: enterprise.id })).id;
  }
}
