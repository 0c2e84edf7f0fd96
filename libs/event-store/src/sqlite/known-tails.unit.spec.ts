import { KnownTails } from './known-tails';

describe('KnownTails', () => {
  let version = 1;
  const tail = (revision: number, hash = `h${revision}`) => ({ revision: BigInt(revision), hash });
  const after = (tails: KnownTails, streamId: string) => {
    tails.check();
    return tails.tail(streamId);
  };
  beforeEach(() => {
    version = 1;
  });

  it('remembers streams’ last events and the head while no other connection has written; forgets them all once one has', () => {
    const tails = new KnownTails(() => version);
    expect(after(tails, 'a')).toBeUndefined();
    tails.set('a', tail(3));
    tails.set('b', tail(7));
    tails.setHead(12n);
    expect(after(tails, 'a')).toEqual(tail(3));
    tails.set('a', tail(4));
    expect(after(tails, 'a')).toEqual(tail(4));
    expect(tails.head).toBe(12n);
    version = 2;
    expect(after(tails, 'b')).toBeUndefined();
    expect(tails.tail('a')).toBeUndefined();
    expect(tails.head).toBeUndefined();
  });

  it('trusts nothing learnt before it first looked at the connection’s version', () => {
    const tails = new KnownTails(() => version);
    tails.set('a', tail(3));
    tails.setHead(3n);
    expect(after(tails, 'a')).toBeUndefined();
    expect(tails.head).toBeUndefined();
    tails.set('a', tail(3));
    expect(after(tails, 'a')).toEqual(tail(3));
  });

  it('keeps the most recently used up to its capacity', () => {
    const tails = new KnownTails(() => version, 2);
    tails.check();
    tails.set('a', tail(1));
    tails.set('b', tail(2));
    expect(tails.tail('a')).toEqual(tail(1));
    tails.set('c', tail(3));
    expect(tails.tail('b')).toBeUndefined();
    expect(tails.tail('a')).toEqual(tail(1));
    expect(tails.tail('c')).toEqual(tail(3));
  });
});
