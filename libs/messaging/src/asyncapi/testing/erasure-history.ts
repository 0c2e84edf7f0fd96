import { erasureKind } from '@sme/domain';
import type { EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { ADMIN } from '@sme/event-store/testing/history-actors';

const SECOND_ADMIN = { ...ADMIN, id: `${ADMIN.id}-second` };

/** 个人信息删除, written through the decider: one erasure approved and carried out, one refused. */
export async function writeErasureHistory(store: EventStore, streamId: string): Promise<void> {
  const run = commandRunner(store);
  const approved = '6a1d2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
  const refused = '7b2e3c4d-5e6f-4a71-8b8c-0d1e2f3a4b5c';
  const subjects = [`${streamId}#contact`];
  await run.run(erasureKind, approved, ADMIN, '2026-12-01T10:00:00+08:00', 'RequestErasure', { erasureId: approved, streamId, subjects, reason: '本人申请删除' });
  await run.run(erasureKind, approved, SECOND_ADMIN, '2026-12-02T10:00:00+08:00', 'ApproveErasure', { erasureId: approved, opinion: '同意' });
  await run.run(erasureKind, approved, SECOND_ADMIN, '2026-12-02T10:00:01+08:00', 'RecordErasure', { erasureId: approved, subjects });
  await run.run(erasureKind, refused, ADMIN, '2026-12-03T10:00:00+08:00', 'RequestErasure', { erasureId: refused, streamId, subjects, reason: '本人申请删除' });
  await run.run(erasureKind, refused, SECOND_ADMIN, '2026-12-04T10:00:00+08:00', 'RefuseErasure', { erasureId: refused, reason: '合同履行期内须保存' });
}
