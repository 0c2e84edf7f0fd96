import type { Actor } from '@sme/domain';
import { actors, applicationUpTo, callBody, client, operator } from '../support/station-lifecycle';
import type { TestApp } from '../support/test-app';

const ok = <T = { id: string }>(res: { status: number; body: unknown }): T => {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
};

/**
 * Records to act on, built once per app through the API and shared by the fixtures. Each is built
 * on first use; the fixtures' requests are all refused or conflict, so the records do not change.
 * A record only needs to exist: the gate and then the stale If-Match answer before any rule on its
 * state. State is built only where the gate itself reads it (an expert panel).
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

}
