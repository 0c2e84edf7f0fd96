import { anActor, commandWith, given, GZ } from '../shared/testing';
import { aCheckpoint } from './notary.fixtures';
import { notaryKind } from './notary.kind';
import type { NotaryEvents } from './notary';

const admin = anActor('ADMIN', GZ, 'ledger', 'PLATFORM');
const auditor = anActor('AUDITOR', GZ, 'auditor-1', 'GZ-AUDIT');
const checkpoint = aCheckpoint('120', 31);
const sign = commandWith('SignCheckpoint', checkpoint, admin, '2026-12-05T10:00:00+08:00');
const signed = (position: string): NotaryEvents['ChainCheckpointSigned'] => ({ type: 'ChainCheckpointSigned', data: { ...checkpoint, position, signedAt: '2026-12-05T01:00:00.000Z' } });

describe('Signed checkpoints (存证检查点)', () => {
  it('records the checkpoint the ledger signed, at its time', () => {
    given(notaryKind)
      .when(sign())
      .then([{ type: 'ChainCheckpointSigned', data: { ...checkpoint, signedAt: '2026-12-05T02:00:00.000Z' } }])
      .andState((state) => expect(state).toEqual({ status: 'SIGNING', lastPosition: 120n, checkpoints: 1 }));
  });

  it('takes an auditor’s request for one too', () => {
    given(notaryKind).when(sign({ trigger: 'ON_DEMAND' }, auditor)).then([{ type: 'ChainCheckpointSigned', data: { ...checkpoint, trigger: 'ON_DEMAND', signedAt: '2026-12-05T02:00:00.000Z' } }]);
  });

  it('moves forward only: a checkpoint at or before the last one is refused', () => {
    given(notaryKind, [signed('120')]).when(sign()).thenThrows('CHECKPOINT_NOT_NEWER');
    given(notaryKind, [signed('150')]).when(sign()).thenThrows('CHECKPOINT_NOT_NEWER');
    given(notaryKind, [signed('100')]).when(sign()).then([{ type: 'ChainCheckpointSigned', data: { ...checkpoint, signedAt: '2026-12-05T02:00:00.000Z' } }]);
  });

  it('is signed by the ledger (as ADMIN) or asked for by an auditor; nobody else (403)', () => {
    for (const role of ['CITY_AUTHORITY', 'HUB', 'SUPERVISOR', 'EVALUATOR'] as const) given(notaryKind).when(sign({}, anActor(role, GZ))).thenThrows('ROLE_NOT_PERMITTED');
  });
});
