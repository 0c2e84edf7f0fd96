import { Body, Inject, Param, Query } from '@nestjs/common';
import { conflict, erasureKind, kindNamed, notFound, type Actor, type ErasureCommand } from '@sme/domain';
import { DATA_KEYS, EVENT_STORE, type DataKeys, type EventStore } from '@sme/event-store';
import { CurrentActor } from '../auth/auth.decorators';
import type { CommandBody } from '../commands/command-body';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { Ctx, type RequestContext } from '../commands/request-context';
import { CommandPost, ReadRoute, TokenController } from '../commands/routes';
import { AsOfDto } from '../records/as-of.dto';
import { ApiError } from '../http/api-error';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import { ApproveErasureDto, ListErasuresQueryDto, RefuseErasureDto, RequestErasureDto } from './erasure.dto';
import { ListErasuresQuery } from './erasure.messages';
import { erasureReading } from './erasure.reading';
import { erasureCommands } from './erasure.commands';

const READERS = ['ADMIN', 'AUDITOR'] as const;
const RECORD_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The path of the object naming a person, as an erasure names it: `provider-…#contact` → `contact`. */
const pathOf = (subject: string) => subject.slice(subject.indexOf('#') + 1);

@TokenController('Erasures (个人信息删除)', 'erasures')
export class ErasureController extends KindController<CommandBody<ErasureCommand>> {
  protected readonly kindCommands = erasureCommands;

  @Inject(DATA_KEYS) private readonly keys!: DataKeys;
  @Inject(EVENT_STORE) private readonly store!: EventStore;

  @CommandPost(erasureKind, 'RequestErasure', {
    summary: 'An ADMIN asks to erase the personal data of a record’s persons (all of them, or those named), with a reason; another ADMIN decides',
    status: 201,
  })
  async request(@Body() dto: RequestErasureDto, @Ctx() ctx: RequestContext) {
    const streamId = kindNamed(dto.kind)!.streamId(dto.id);
    if ((await this.store.readStream(streamId, { maxCount: 1 })).length === 0) {
      throw notFound('RECORD_NOT_FOUND', `记录 ${streamId} 不存在`, `There is no record ${streamId}`);
    }
    const held = await this.keys.subjectsOf(streamId);
    if (held.length === 0) throw conflict('NO_PERSONAL_DATA', '该记录没有加密保存的个人信息', 'The record holds no sealed personal data', 'id');
    const asked = dto.subjects?.map((path) => `${streamId}#${path}`) ?? held;
    const unknown = asked.filter((subject) => !held.includes(subject));
    if (unknown.length > 0) {
      throw conflict('SUBJECT_NOT_IN_RECORD', `该记录没有这些个人信息主体：${unknown.map(pathOf).join('、')}（有：${held.map(pathOf).join('、')}）`, `The record names no such persons: ${unknown.map(pathOf).join(', ')} (it names: ${held.map(pathOf).join(', ')})`, 'subjects');
    }
    const data = { erasureId: newRecordId(ctx, 'erasure'), streamId, subjects: [...new Set(asked)], reason: dto.reason };
    return this.run({ type: 'RequestErasure', data }, ctx);
  }

  @ReadRoute({ path: 'subjects/:kind/:recordId', summary: 'The persons a record names in its sealed personal fields (the paths an erasure takes), and whether each is erased', roles: [...READERS] })
  async subjects(@Param('kind') kind: string, @Param('recordId') recordId: string) {
    const recordKind = kindNamed(kind);
    if (!recordKind) throw notFound('KIND_NOT_FOUND', `没有 ${kind} 这类记录`, `There is no record kind ${kind}`);
    if (!RECORD_ID.test(recordId)) {
      throw ApiError.badRequest('ID_INVALID', `记录编号 ${recordId.slice(0, 40)} 无效`, `Record id ${recordId.slice(0, 40)} is not valid`, [
        { field: 'recordId', rule: 'matches', message: { zh: '记录编号为字母、数字、. _ -，至多 128 个', en: 'letters, digits, . _ -; at most 128' } },
      ]);
    }
    const streamId = recordKind.streamId(recordId);
    const held = await this.keys.subjectsOf(streamId);
    const erased = await this.keys.erasedOf(streamId);
    return { streamId, subjects: held.map((subject) => ({ subject, path: pathOf(subject), erased: erased.includes(subject) })) };
  }

  @ReadRoute({ path: ':id', summary: 'One erasure request with its decision and what was erased; AUDITOR may add ?asOf=', roles: [...READERS] })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.readRecord(erasureReading, id, actor, query);
  }

  @ReadRoute({ summary: 'The erasure requests by status and record, newest first (sort: requestedAt, updatedAt; cursor paging)', roles: [...READERS] })
  list(@Query() query: ListErasuresQueryDto, @CurrentActor() actor: Actor) {
    return this.readList(ListErasuresQuery, query, actor);
  }
}

commandRoutes(ErasureController, erasureKind, (on) => ({
  approve: on('ApproveErasure', { path: ':id/approval', summary: 'Another ADMIN approves, with an opinion: the subjects’ keys are deleted and the read models built again before the answer; the fields then read 已删除 everywhere', body: ApproveErasureDto, data: ({ id }, dto) => ({ erasureId: id, opinion: dto.opinion }), settle: true }),
  refuse: on('RefuseErasure', { path: ':id/refusal', summary: 'Another ADMIN refuses, with a reason; nothing is erased', body: RefuseErasureDto, data: ({ id }, dto) => ({ erasureId: id, reason: dto.reason }) }),
}));
