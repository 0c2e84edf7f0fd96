import { actors, callBody } from '../support/station-lifecycle';
import type { Fixtures } from './fixtures';

const { occurredAt: _occurredAt, ...openCall } = callBody;

/** 征集批次: the city authority of the call's city opens, closes and publishes it. */
export const callFixtures: Fixtures = {
  'call.OpenCall': async () => ({ path: '/calls', body: openCall, actor: actors.city }),
  'call.CloseCall': async (w) => ({ path: `/calls/${await w.openCall()}/close`, body: {}, actor: actors.city }),
  'call.PublishList': async (w) => ({ path: `/calls/${await w.openCall()}/publish`, body: {}, actor: actors.city }),
};
