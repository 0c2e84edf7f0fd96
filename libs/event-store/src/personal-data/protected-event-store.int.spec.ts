import { createCipheriv, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sm4 } from 'sm-crypto-v2';
import { ERASED } from '@sme/domain/shared/personal';
import { verifyChain } from '../hash-chain';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { testMetadata } from '../contract/contract-helpers';
import type { EventStore, EventToAppend, ReadAllOptions, RecordedEvent } from '../event-store.port';
import { InMemoryDataKeys } from './data-keys';
import { FieldCipher, isSealed } from './field-cipher';
import { JUST_SEALED_KEPT, ProtectedEventStore } from './protected-event-store';
import { SqliteDataKeys } from './sqlite-data-keys';

const personalFields = (_streamId: string, type: string) => (type === 'Registered' ? ['head.name', 'head.phone', 'contacts.*.name'] : []);

const registered = (id: string, name: string): EventToAppend => ({
  id,
  type: 'Registered',
  schemaVersion: 1,
  data: { title: '天河服务站', head: { name, phone: '020-12345678', education: 'MASTER' }, contacts: [{ name: '李四' }, { name: '王五' }] },
  metadata: testMetadata(),
});

describe('Personal fields sealed per data subject (crypto-shredding)', () => {
  let kept: SqliteEventStore;
  let keys: InMemoryDataKeys;
  let store: ProtectedEventStore;
  beforeEach(() => {
    kept = new SqliteEventStore(':memory:');
    keys = new InMemoryDataKeys();
    store = new ProtectedEventStore(kept, personalFields, keys, new FieldCipher());
  });
  afterEach(() => store.close());

  it('keeps only ciphertext in the store, and reads the plaintext back', async () => {
    await store.append('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    const [asKept] = await kept.readStream('station-1');
    const data = asKept.data as { title: string; head: Record<string, string>; contacts: { name: string }[] };
    expect(data.title).toBe('天河服务站');
    expect(data.head.education).toBe('MASTER');
    expect([data.head.name, data.head.phone, data.contacts[0].name, data.contacts[1].name].every(isSealed)).toBe(true);
    expect(JSON.stringify(asKept.data)).not.toContain('张三');
    const [opened] = await store.readStream('station-1');
    expect(opened.data).toEqual(registered('x', '张三').data);
    expect(opened.hash).toBe(asKept.hash);
    expect(await store.subjectsOf('station-1')).toEqual(['station-1#contacts.0', 'station-1#contacts.1', 'station-1#head']);
  });

  it('reads an erased subject as 已删除 everywhere, while the chain still verifies and the others stay readable', async () => {
    await store.append('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    await store.append('station-1', [registered('00000000-0000-4000-8000-000000000002', '张三')], 0n);
    expect(await keys.erase(['station-1#head'])).toEqual(['station-1#head']);
    for (const event of [...(await store.readStream('station-1')), ...(await store.readAll())]) {
      const data = event.data as { head: Record<string, string>; contacts: { name: string }[] };
      expect(data.head).toEqual({ name: ERASED, phone: ERASED, education: 'MASTER' });
      expect(data.contacts.map((c) => c.name)).toEqual(['李四', '王五']);
    }
    expect(verifyChain(await kept.readStream('station-1')).ok).toBe(true);
    // New data about the subject after the erasure takes a new key; the erased stays erased.
    await store.append('station-1', [registered('00000000-0000-4000-8000-000000000003', '赵六')], 1n);
    expect((await store.readStream('station-1')).map((e) => (e.data as { head: { name: string } }).head.name)).toEqual([ERASED, ERASED, '赵六']);
  });

  it('opens what a read after a held event returns', async () => {
    await store.append('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    await store.append('station-1', [registered('00000000-0000-4000-8000-000000000002', '李明')], 0n);
    const [first] = await kept.readStream('station-1');
    const after = await store.readStreamAfter('station-1', { revision: 0n, hash: first.hash });
    expect(after!.map((e) => (e.data as { head: { name: string } }).head.name)).toEqual(['李明']);
    expect(await store.readStreamAfter('station-1', { revision: 0n, hash: 'another' })).toBeUndefined();
  });

  it('opens what a read of the streams with a prefix returns, and has that read only when the store as kept has it', async () => {
    await store.append('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    await store.append('station-2', [registered('00000000-0000-4000-8000-000000000002', '李明')], 'no_stream');
    const read = await store.readStreamsWithPrefix!('station-', { upTo: await store.headPosition() });
    expect(read.map((e) => (e.data as { head: { name: string } }).head.name)).toEqual(['张三', '李明']);
    const withoutIt = { readAll: (o?: ReadAllOptions) => kept.readAll(o), headPosition: () => kept.headPosition() } as EventStore;
    expect(new ProtectedEventStore(withoutIt, personalFields, keys, new FieldCipher()).readStreamsWithPrefix).toBeUndefined();
  });

  it('opens what a subscription delivers of its own appends from the values it sealed, without looking a key up', async () => {
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    await store.appendRecorded('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    const lookups = jest.spyOn(keys, 'keysById');
    const delivered = (await iterator.next()).value as RecordedEvent;
    expect((delivered.data as { head: { name: string } }).head.name).toBe('张三');
    expect(Object.isFrozen(delivered.data)).toBe(true);
    expect(lookups).not.toHaveBeenCalled();
    // Another store's append on the same ledger is opened with its keys, as before.
    const other = new ProtectedEventStore(kept, personalFields, keys, new FieldCipher());
    await other.append('station-2', [registered('00000000-0000-4000-8000-000000000002', '李明')], 'no_stream');
    expect(((await iterator.next()).value as RecordedEvent).data).toMatchObject({ head: { name: '李明' } });
    expect(lookups).toHaveBeenCalled();
    await subscription.stop();
  });

  it('opens its own append from the values it sealed even when a subscription delivers it before the append has returned', async () => {
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    const lookups = jest.spyOn(keys, 'keysById');
    // Waiting already: woken by the append itself, it opens the event before appendRecorded returns.
    const pending = iterator.next();
    await store.appendRecorded('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    const delivered = (await pending).value as RecordedEvent;
    expect((delivered.data as { head: { name: string } }).head.name).toBe('张三');
    expect(lookups).not.toHaveBeenCalled();
    // Another subscription reading it later is handed the same opening.
    const again = store.subscribeToAll();
    expect((((await again[Symbol.asyncIterator]().next()).value as RecordedEvent).data as { head: { name: string } }).head.name).toBe('张三');
    await Promise.all([again.stop(), subscription.stop()]);
  });

  it('does not keep the plaintext it sealed for an append that failed, nor for one a subscription has opened', async () => {
    const held = () => (store as unknown as { justSealed: Map<string, unknown> }).justSealed.size;
    await expect(store.appendRecorded('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 0n)).rejects.toThrow();
    await expect(store.append('station-1', [registered('00000000-0000-4000-8000-000000000002', '张三')], 0n)).rejects.toThrow();
    expect(held()).toBe(0);
    const subscription = store.subscribeToAll();
    await store.append('station-1', [registered('00000000-0000-4000-8000-000000000003', '张三')], 'no_stream');
    expect(held()).toBe(4);
    await subscription[Symbol.asyncIterator]().next();
    expect(held()).toBe(0);
    await subscription.stop();
  });

  it('hands a subscription the very opening its append gave the caller, frozen, and then keeps none of the plaintext it sealed', async () => {
    const held = () => (store as unknown as { justSealed: Map<string, unknown> }).justSealed.size;
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    const appended = await store.appendRecorded('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    expect(held()).toBe(4);
    const lookups = jest.spyOn(keys, 'keysById');
    const delivered = (await iterator.next()).value as RecordedEvent;
    expect(delivered).toBe(appended.events![0]);
    expect((delivered.data as { head: { name: string } }).head.name).toBe('张三');
    expect(Object.isFrozen((delivered.data as { head: object }).head)).toBe(true);
    expect(lookups).not.toHaveBeenCalled();
    expect(held()).toBe(0);
    // Of an append of two events, a subscription taking the first gives up that event's values only.
    const two = [registered('00000000-0000-4000-8000-000000000002', '李明'), registered('00000000-0000-4000-8000-000000000003', '赵六')];
    await store.appendRecorded('station-2', two, 'no_stream');
    expect(held()).toBe(8);
    await iterator.next();
    expect(held()).toBe(4);
    await iterator.next();
    expect(held()).toBe(0);
    await subscription.stop();
  });

  it('keeps at most JUST_SEALED_KEPT values it sealed, the newest', async () => {
    const held = () => (store as unknown as { justSealed: Map<string, unknown> }).justSealed;
    const appends = Math.ceil(JUST_SEALED_KEPT / 4) + 10;
    for (let n = 0; n < appends; n++) await store.append(`station-${n}`, [registered(randomUUID(), `张${n}`)], 'no_stream');
    expect(held().size).toBe(JUST_SEALED_KEPT);
    expect([...held().values()].pop()).toMatchObject({ plain: '王五' });
  });

  it('opens an own append again, with its keys, when a key was erased before a subscription delivered it', async () => {
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    await store.appendRecorded('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    await keys.erase(['station-1#head']);
    const delivered = (await iterator.next()).value as RecordedEvent;
    expect((delivered.data as { head: { name: string } }).head.name).toBe(ERASED);
    expect((delivered.data as { contacts: { name: string }[] }).contacts[0].name).toBe('李四');
    await subscription.stop();
  });

  it('opens what a subscription delivers and what an append hands back', async () => {
    const appended = await store.appendRecorded('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    expect((appended.events![0].data as { head: { name: string } }).head.name).toBe('张三');
    const subscription = store.subscribeToAll();
    for await (const event of subscription) {
      expect((event.data as { head: { name: string } }).head.name).toBe('张三');
      break;
    }
    await subscription.stop();
  });

  it('hands back the values an append sealed without looking their keys up, and opens a copied ciphertext', async () => {
    const first = await store.appendRecorded('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    const copied = (await kept.readStream('station-1'))[0].data as { head: { name: string; phone: string } };
    const lookups = jest.spyOn(keys, 'keysById');
    const again = await store.appendRecorded('station-1', [registered('00000000-0000-4000-8000-000000000002', '李四')], 0n);
    expect(again.events!.map((e) => e.data)).toEqual([{ ...registered('', '李四').data }]);
    expect(lookups).not.toHaveBeenCalled();
    // A value already sealed when it came (copied from another event) is opened with its key.
    const copy = { ...registered('00000000-0000-4000-8000-000000000003', '-'), data: { ...registered('', '-').data, head: { ...copied.head, education: 'MASTER' } } };
    const copiedBack = await store.appendRecorded('station-1', [copy], 1n);
    expect((copiedBack.events![0].data as { head: { name: string } }).head.name).toBe('张三');
    expect(lookups).toHaveBeenCalledTimes(1);
    expect((first.events![0].data as { head: { name: string } }).head.name).toBe('张三');
  });

  it('opens an event its subscriptions share once, and again once a key was erased', async () => {
    const lookups = jest.spyOn(keys, 'keysById');
    const [a, b] = [store.subscribeToAll(), store.subscribeToAll()];
    const [ia, ib] = [a, b].map((s) => s[Symbol.asyncIterator]());
    await store.append('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    const [first, second] = await Promise.all([ia.next(), ib.next()]);
    expect(second.value).toBe(first.value);
    expect((first.value.data as { head: { name: string } }).head.name).toBe('张三');
    // Its own append: opened from the values it has just sealed.
    expect(lookups).not.toHaveBeenCalled();
    // After an erasure a subscription reading the event again (here from what the store wrote, kept) opens it again.
    await keys.erase(['station-1#head']);
    await store.append('other-1', [{ ...registered('00000000-0000-4000-8000-000000000002', '-'), type: 'Noted' }], 'no_stream');
    const again = store.subscribeToAll();
    const [reread] = await Promise.all([again[Symbol.asyncIterator]().next()]);
    expect((reread.value.data as { head: { name: string } }).head.name).toBe(ERASED);
    await again.stop();
    await Promise.all([a.stop(), b.stop()]);
  });

  it('reads values recorded before sealing began as they are', async () => {
    await kept.append('station-1', [registered('00000000-0000-4000-8000-000000000001', '张三')], 'no_stream');
    expect(((await store.readStream('station-1'))[0].data as { head: { name: string } }).head.name).toBe('张三');
  });
});

describe('The field ciphers', () => {
  it('AES-256-GCM and SM4-GCM each open what they sealed, bind the key id, and refuse an altered value', () => {
    for (const cipher of [new FieldCipher('aes-256-gcm'), new FieldCipher('sm4-gcm')]) {
      const key = { id: 'k1', key: cipher.newKey() };
      const sealed = cipher.seal('张三 020-12345678', key);
      expect(sealed.startsWith(`enc:v1:${cipher.algorithm === 'sm4-gcm' ? 'sm4gcm' : 'a256gcm'}:k1:`)).toBe(true);
      expect(cipher.open(sealed, key)).toBe('张三 020-12345678');
      expect(cipher.open(sealed, { id: 'k2', key: key.key })).toBeUndefined();
      expect(cipher.open(sealed, { id: 'k1', key: cipher.newKey() })).toBeUndefined();
      const parts = sealed.split(':');
      parts[5] = Buffer.from('altered').toString('base64url');
      expect(cipher.open(parts.join(':'), key)).toBeUndefined();
    }
  });

  it('SM4 is the block cipher of GB/T 32907 (its example), as OpenSSL computes it too', () => {
    const key = '0123456789abcdeffedcba9876543210';
    expect(Buffer.from(sm4.encrypt(Buffer.from(key, 'hex'), key, { padding: 'none', output: 'array' })).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    const openssl = createCipheriv('sm4-ecb', Buffer.from(key, 'hex'), null).setAutoPadding(false);
    expect(Buffer.concat([openssl.update(Buffer.from(key, 'hex')), openssl.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('SM4-GCM agrees with OpenSSL’s SM4-CTR on the ciphertext (GCM encrypts in counter mode from J0 + 1)', () => {
    const cipher = new FieldCipher('sm4-gcm');
    const key = { id: 'k1', key: cipher.newKey() };
    const sealed = cipher.seal('联系人电话 13800138000', key).split(':');
    const iv = Buffer.from(sealed[4], 'base64url');
    const counter = Buffer.concat([iv, Buffer.from([0, 0, 0, 2])]);
    const ctr = createCipheriv('sm4-ctr', key.key, counter);
    expect(Buffer.concat([ctr.update(Buffer.from('联系人电话 13800138000', 'utf8')), ctr.final()]).toString('base64url')).toBe(sealed[5]);
  });
});

describe('The embedded key store', () => {
  it('deletes an erased key’s bytes from its file and keeps the subject and time of the erasure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    try {
      const file = join(dir, 'keys.sqlite');
      // The file and its write-ahead log: wherever the bytes may lie.
      const holds = (bytes: Buffer) => [file, `${file}-wal`].some((f) => existsSync(f) && readFileSync(f).includes(bytes));
      const keys = new SqliteDataKeys(file);
      const cipher = new FieldCipher();
      const made = await keys.currentKeys(['station-1#head', 'station-1#contacts.0'], () => cipher.newKey());
      const head = made.get('station-1#head')!;
      expect((await keys.currentKeys(['station-1#head'], () => cipher.newKey())).get('station-1#head')).toEqual(head);
      expect(holds(head.key)).toBe(true);
      expect(await keys.erase(['station-1#head', 'station-9#head'], new Date('2026-12-01T00:00:00Z'))).toEqual(['station-1#head']);
      expect((await keys.keysById([head.id])).size).toBe(0);
      expect(await keys.subjectsOf('station-1')).toEqual(['station-1#contacts.0', 'station-1#head']);
      await keys.close();
      expect(holds(head.key)).toBe(false);
      expect(holds(made.get('station-1#contacts.0')!.key)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tells when a key may have been erased: by itself at once, or by another connection to its file from the next turn of the event loop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const file = join(dir, 'keys.sqlite');
    const [keys, elsewhere] = [new SqliteDataKeys(file), new SqliteDataKeys(file)];
    try {
      const cipher = new FieldCipher();
      await keys.currentKeys(['station-1#head', 'station-2#head'], () => cipher.newKey());
      const first = keys.erasures();
      expect(keys.erasures()).toBe(first);
      await keys.erase(['station-1#head'], new Date());
      const second = keys.erasures();
      expect(second).not.toBe(first);
      await elsewhere.erase(['station-2#head'], new Date());
      // Another connection's commit: the data_version read this turn stands until the turn ends.
      expect(keys.erasures()).toBe(second);
      await new Promise((next) => setImmediate(next));
      const third = keys.erasures();
      expect(third).not.toBe(second);
      await new Promise((next) => setImmediate(next));
      expect(keys.erasures()).toBe(third);
    } finally {
      await keys.close();
      await elsewhere.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
