import { KnownTails } from './known-tails';

describe('KnownTails', () => {
  let version = 1;
  const tail = (revision: number, hash = `h${revision}`) => ({ revision: BigInt(revision), hash });
  beforeEach(() => {
    version = 1;
  });

  it('remembers a stream’s last event while no other connection has written; forgets them all once one has', () => {
    const tails = new KnownTails(() => version);
    expect(tails.get('a')).toBeUndefined();
    tails.set('a', tail(3));
    tails.set('b', tail(7));
    expect(tails.get('a')).toEqual(tail(3));
    tails.set('a', tail(4));
    expect(tails.get('a')).toEqual(tail(4));
    version = 2;
    expect(tails.get('b')).toBeUndefined();
    expect(tails.get('a')).toBeUndefined();
  });

  it('trusts nothing learnt before it first looked at the connection’s version', () => {
    const tails = new KnownTails(() => version);
    tails.set('a', tail(3));
    expect(tails.get('a')).toBeUndefined();
    tails.set('a', tail(3));
    expect(tails.get('a')).toEqual(tail(3));
  });

  it('keeps the most recently used up to its capacity', () => {
    const tails = new KnownTails(() => version, 2);
    tails.get('x');
    tails.set('a', tail(1));
    tails.set('b', tail(2));
    expect(tails.get('a')).toEqual(tail(1));
    tails.set('c', tail(3));
    expect(tails.get('b')).toBeUndefined();
    expect(tails.get('a')).toEqual(tail(1));
    expect(tails.get('c')).toEqual(tail(3));
  });
});
