import { randomUUID } from 'node:crypto';
import { faqKind, type FaqCommand } from '@sme/domain';
import { tianheAuthority } from '@sme/domain/shared/testing';
import { SqliteEventStore, type ReadStreamOptions } from '@sme/event-store';
import { newRecordId } from '../records/new-record-id';
import { CommandExecutor } from './command-executor';
import type { RequestContext } from './request-context';

class CountingStore extends SqliteEventStore {
  reads = 0;
  override readStream(streamId: string, options?: ReadStreamOptions) {
    this.reads += 1;
    return super.readStream(streamId, options);
  }
}

const context = (idempotencyKey?: string): RequestContext => ({
  actor: tianheAuthority,
  occurredAt: new Date('2024-03-01T10:00:00+08:00'),
  correlationId: randomUUID(),
  causationId: null,
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

const publish = (faqId: string): Omit<FaqCommand, 'metadata'> => ({
  type: 'PublishFaq',
  data: { faqId, question: '小微企业如何申请服务券？', answer: '通过市中小企业信息化服务平台在线申领。', topics: ['服务券'], policyIds: [] },
});
const revise = (faqId: string): Omit<FaqCommand, 'metadata'> => ({ type: 'ReviseFaq', data: { faqId, changes: { answer: '通过平台在线申领，三个工作日内答复。' } } });

describe('CommandExecutor on a new record', () => {
  let store: CountingStore;
  let executor: CommandExecutor;
  beforeEach(() => {
    store = new CountingStore(':memory:');
    executor = new CommandExecutor(store);
  });
  afterEach(() => store.close());

  it('reads no stream for the first command on an id the request drew, and reads it for the next', async () => {
    const ctx = context();
    const id = newRecordId(ctx, 'faq');
    const created = await executor.execute({ kind: faqKind, id, command: publish(id), ctx });
    expect(created).toMatchObject({ revision: 0, events: [{ type: 'FaqPublished' }] });
    expect(store.reads).toBe(0);

    // The same request acting on the record it just made decides on what it wrote.
    const revised = await executor.execute({ kind: faqKind, id, command: revise(id), ctx });
    expect(revised).toMatchObject({ revision: 1, events: [{ type: 'FaqRevised' }] });
    expect(store.reads).toBe(1);
  });

  it('reads the stream of an id derived from an Idempotency-Key: a retry names the same record', async () => {
    const ctx = context('key-1');
    const id = newRecordId(ctx, 'faq');
    await executor.execute({ kind: faqKind, id, command: publish(id), ctx });
    expect(store.reads).toBe(1);
    await expect(executor.execute({ kind: faqKind, id, command: publish(id), ctx: context('key-1') })).resolves.toMatchObject({ revision: 0 });
  });
});
