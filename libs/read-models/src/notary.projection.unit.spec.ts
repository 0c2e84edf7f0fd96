import { NOTARY_ID } from '@sme/domain/notary/notary';
import { aCheckpoint } from '@sme/domain/notary/notary.fixtures';
import { notaryKind } from '@sme/domain/notary/notary.kind';
import { themePlanKind } from '@sme/domain/themeplan/themeplan.kind';
import { anActor, GZ } from '@sme/domain/shared/testing';
import { checkpointsProjection } from './projections';
import { describeDelivery } from './testing/delivery-cases';
import { actOn, eventLog, givenEvents } from './testing/projection-gwt';

const ledger = anActor('ADMIN', GZ, 'ledger', 'PLATFORM');
const state = (position: string) => aCheckpoint(position, 3);

function checkpoints(id = NOTARY_ID, log = eventLog()) {
  const act = actOn(log, notaryKind, notaryKind.streamId(id), {});
  return {
    log,
    sign: (position: string, at: string) => act('SignCheckpoint', state(position), ledger, at),
  };
}

describe('checkpoints projection', () => {
  it('ChainCheckpointSigned: the first, counted', () => {
    givenEvents(checkpointsProjection, [])
      .when(checkpoints().sign('10', '2026-12-05T09:00:00+08:00'))
      .then({ _id: NOTARY_ID, id: NOTARY_ID, count: 1, latest: { ...state('10'), signedAt: '2026-12-05T01:00:00.000Z' } });
  });

  it('ChainCheckpointSigned again: the latest replaces it, the count goes on', () => {
    const c = checkpoints();
    givenEvents(checkpointsProjection, [c.sign('10', '2026-12-05T09:00:00+08:00')])
      .when(c.sign('25', '2026-12-05T10:00:00+08:00'))
      .then((before) => ({ ...before, count: 2, latest: { ...state('25'), signedAt: '2026-12-05T02:00:00.000Z' } }));
  });

  describeDelivery(checkpointsProjection, {
    of: checkpoints,
    firstTwo: (c) => [c.sign('10', '2026-12-05T09:00:00+08:00'), c.sign('25', '2026-12-05T10:00:00+08:00')],
    olderBecause: 'a checkpoint replayed does not bring back an older latest',
    anotherKind: themePlanKind,
  });
});
