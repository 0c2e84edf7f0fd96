import { anActor, commandWith, given, GZ } from '../shared/testing';
import type { ErasureEvents } from './erasure';
import { erasureKind } from './erasure.kind';

const asking = anActor('ADMIN', GZ, 'admin-1', 'PLATFORM');
const deciding = anActor('ADMIN', GZ, 'admin-2', 'PLATFORM');
const erasureId = '5b0c9a5e-8a4f-4c57-9f4e-3f7f1c0e2d11';
const subjects = ['provider-7f0c#contact', 'provider-7f0c#ties'];
const request = commandWith('RequestErasure', { erasureId, streamId: 'provider-7f0c', subjects, reason: '本人申请删除（个人信息保护法第四十七条）' }, asking, '2026-12-01T10:00:00+08:00');
const approve = commandWith('ApproveErasure', { erasureId, opinion: '核实为本人申请，同意删除' }, deciding, '2026-12-02T10:00:00+08:00');
const refuse = commandWith('RefuseErasure', { erasureId, reason: '合同履行期内须保存' }, deciding, '2026-12-02T10:00:00+08:00');
const carryOut = commandWith('RecordErasure', { erasureId, subjects }, deciding, '2026-12-02T10:00:01+08:00');

const requested: ErasureEvents['ErasureRequested'] = {
  type: 'ErasureRequested',
  data: { erasureId, streamId: 'provider-7f0c', subjects, reason: '本人申请删除（个人信息保护法第四十七条）', requestedBy: 'admin-1', requestedAt: '2026-12-01T02:00:00.000Z' },
};
const approved: ErasureEvents['ErasureApproved'] = { type: 'ErasureApproved', data: { erasureId, opinion: '核实为本人申请，同意删除', approvedAt: '2026-12-02T02:00:00.000Z' } };

describe('Erasure of personal data (个人信息删除)', () => {
  it('an administrator asks, naming the record’s subjects and why; the request keeps who asked', () => {
    given(erasureKind).when(request()).then([requested]);
  });

  it('only an administrator asks, and the erasure is asked once', () => {
    given(erasureKind).when(request({}, anActor('AUDITOR', GZ, 'auditor-1', 'AUDIT'))).thenThrows('ROLE_NOT_PERMITTED');
    given(erasureKind, [requested]).when(request()).thenThrows('ERASURE_EXISTS');
  });

  it('a second administrator approves or refuses it; the one who asked may not decide (four eyes)', () => {
    given(erasureKind, [requested]).when(approve()).then([approved]);
    given(erasureKind, [requested]).when(refuse()).then([{ type: 'ErasureRefused', data: { erasureId, reason: '合同履行期内须保存', refusedAt: '2026-12-02T02:00:00.000Z' } }]);
    given(erasureKind, [requested]).when(approve({}, asking)).thenThrows('ERASURE_SELF_DECISION');
    given(erasureKind, [requested]).when(refuse({}, asking)).thenThrows('ERASURE_SELF_DECISION');
  });

  it('is decided once', () => {
    given(erasureKind, [requested, approved]).when(refuse()).thenThrows('ERASURE_NOT_PENDING');
    given(erasureKind, [requested, approved]).when(approve()).thenThrows('ERASURE_NOT_PENDING');
    given(erasureKind).when(approve()).thenThrows('ERASURE_NOT_FOUND');
  });

  it('records the keys’ deletion once approved, and only once', () => {
    given(erasureKind, [requested]).when(carryOut()).thenThrows('ERASURE_NOT_APPROVED');
    const erased: ErasureEvents['PersonalDataErased'] = { type: 'PersonalDataErased', data: { erasureId, subjects, erasedAt: '2026-12-02T02:00:01.000Z' } };
    given(erasureKind, [requested, approved]).when(carryOut()).then([erased]);
    given(erasureKind, [requested, approved, erased]).when(carryOut()).then([]);
  });
});
