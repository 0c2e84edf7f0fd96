import { erasureKind } from '@sme/domain/erasure/erasure.kind';
import { themePlanKind } from '@sme/domain/themeplan/themeplan.kind';
import { anActor, GZ } from '@sme/domain/shared/testing';
import { erasuresProjection } from './projections';
import { describeDelivery } from './testing/delivery-cases';
import { actOn, eventLog, givenEvents } from './testing/projection-gwt';

const asking = anActor('ADMIN', GZ, 'admin-1', 'PLATFORM');
const deciding = anActor('ADMIN', GZ, 'admin-2', 'PLATFORM');
const ID = '5b0c9a5e-8a4f-4c57-9f4e-3f7f1c0e2d11';
const subjects = ['provider-7f0c#contact'];

function erasure(id = ID, log = eventLog()) {
  const act = actOn(log, erasureKind, erasureKind.streamId(id), {});
  return {
    log,
    request: () => act('RequestErasure', { erasureId: id, streamId: 'provider-7f0c', subjects, reason: '本人申请删除' }, asking, '2026-12-01T10:00:00+08:00'),
    approve: () => act('ApproveErasure', { erasureId: id, opinion: '同意' }, deciding, '2026-12-02T10:00:00+08:00'),
    refuse: () => act('RefuseErasure', { erasureId: id, reason: '须保存' }, deciding, '2026-12-02T10:00:00+08:00'),
    carryOut: () => act('RecordErasure', { erasureId: id, subjects }, deciding, '2026-12-02T10:00:01+08:00'),
  };
}

describe('erasures projection', () => {
  it('ErasureRequested: the request, awaiting a decision', () => {
    givenEvents(erasuresProjection, [])
      .when(erasure().request())
      .then({
        _id: ID,
        id: ID,
        streamId: 'provider-7f0c',
        subjects,
        reason: '本人申请删除',
        status: 'REQUESTED',
        requestedBy: 'admin-1',
        requestedAt: '2026-12-01T02:00:00.000Z',
        decision: null,
        erased: null,
      });
  });

  it('ErasureApproved, then PersonalDataErased: who decided, and what was erased when', () => {
    const e = erasure();
    givenEvents(erasuresProjection, [e.request()])
      .when(e.approve())
      .then((before) => ({ ...before, status: 'APPROVED', decision: { approved: true, by: 'admin-2', words: '同意', at: '2026-12-02T02:00:00.000Z' } }));
    const f = erasure();
    givenEvents(erasuresProjection, [f.request(), f.approve()])
      .when(f.carryOut())
      .then((before) => ({ ...before, status: 'ERASED', erased: { subjects, at: '2026-12-02T02:00:01.000Z' } }));
  });

  it('ErasureRefused: the refusal and its reason', () => {
    const e = erasure();
    givenEvents(erasuresProjection, [e.request()])
      .when(e.refuse())
      .then((before) => ({ ...before, status: 'REFUSED', decision: { approved: false, by: 'admin-2', words: '须保存', at: '2026-12-02T02:00:00.000Z' } }));
  });

  describeDelivery(erasuresProjection, {
    of: erasure,
    firstTwo: (e) => [e.request(), e.approve()],
    olderBecause: 'a request replayed does not undo the decision',
    anotherKind: themePlanKind,
  });
});
