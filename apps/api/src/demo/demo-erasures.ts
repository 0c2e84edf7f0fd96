import { INestApplication, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { applicationKind, erasureKind, type Actor } from '@sme/domain';
import { erasureCommands } from '../erasures/erasure.commands';
import { DATA_KEYS, type DataKeys } from '@sme/event-store';
import { Reactors } from '../reactors/reactors.service';
import { ReadSide } from '../read-side/read-side.service';
import { derivedId } from '../records/derived-id';
import { demoLoaded, demoRunner, demoTime as day } from './demo-runner';

const ERASURE_ID = derivedId('demo-erasure', 1);
const ADMINS: [Actor, Actor] = [
  { id: 'gz-admin-1', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440100' },
  { id: 'gz-admin-2', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440100' },
];

/**
 * 个人信息删除 in the demo: the applicant of an application the district rejected in 2019 asks to have
 * its contact's and its station head's data erased; one administrator asks, another approves, and the
 * application's form then shows 已删除 there (GET /erasures, GET /applications/{id}). Needs the demo
 * call. Runs once.
 */
export async function loadDemoErasures(app: INestApplication): Promise<void> {
  if (await demoLoaded(app, erasureKind.streamId(ERASURE_ID), 'erasures')) return;
  const readSide = app.get(ReadSide);
  await readSide.requireCurrent(['applications']);
  const [rejected] = (await readSide.reader.applications({})).filter((a) => a.stage === 'DISTRICT_REJECTED');
  if (!rejected) return;
  const streamId = applicationKind.streamId(rejected.id);
  const subjects = (await app.get<DataKeys>(DATA_KEYS).subjectsOf(streamId)).filter((s) => s.endsWith('#form.operator.contact') || s.endsWith('#form.station.head'));
  if (subjects.length === 0) return;
  const { runs } = demoRunner(app.get(CommandBus));
  const erasure = runs(erasureCommands);
  const reason = '申请未获通过，申请人要求删除联系人与服务站负责人的个人信息（示例）';
  await erasure({ type: 'RequestErasure', data: { erasureId: ERASURE_ID, streamId, subjects, reason } }, ADMINS[0], day('2026-11-20'));
  const approved = await erasure({ type: 'ApproveErasure', data: { erasureId: ERASURE_ID, opinion: '核实为申请人本人要求，无须继续保存，同意删除（示例）' } }, ADMINS[1], day('2026-11-23'));
  if (approved.position !== null) await app.get(Reactors).settled(BigInt(approved.position));
  new Logger('Demo').log(`Demo erasure: the personal data of ${streamId} (${subjects.length} persons) erased`);
}
