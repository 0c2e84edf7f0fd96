import { createHash, createPublicKey } from 'node:crypto';
import { newSigningKeyPem, signerOf } from './checkpoint-signer';

/**
 * The checkpoint signers. Node cannot set an SM2 user ID, and signs only ECDSA with an SM2-curve key,
 * so the SM2 check is a reference verifier written here from GB/T 32918.2 — proven on the standard's
 * own example (appendix A) first, then used on the signatures the 国密 profile makes.
 */

const sm3 = (data: Buffer | string) => createHash('sm3').update(data).digest();

type Curve = { p: bigint; a: bigint; b: bigint; n: bigint; gx: bigint; gy: bigint };
type Point = { x: bigint; y: bigint } | null;

const big = (hex: string) => BigInt(`0x${hex}`);
const mod = (v: bigint, m: bigint) => ((v % m) + m) % m;
function inverse(v: bigint, m: bigint): bigint {
  let [a, b, x0, x1] = [mod(v, m), m, 1n, 0n];
  while (b !== 0n) {
    const q = a / b;
    [a, b] = [b, a - q * b];
    [x0, x1] = [x1, x0 - q * x1];
  }
  return mod(x0, m);
}
function add(c: Curve, P: Point, Q: Point): Point {
  if (P === null) return Q;
  if (Q === null) return P;
  if (P.x === Q.x && mod(P.y + Q.y, c.p) === 0n) return null;
  const l = P.x === Q.x && P.y === Q.y ? mod((3n * P.x * P.x + c.a) * inverse(2n * P.y, c.p), c.p) : mod((Q.y - P.y) * inverse(Q.x - P.x, c.p), c.p);
  const x = mod(l * l - P.x - Q.x, c.p);
  return { x, y: mod(l * (P.x - x) - P.y, c.p) };
}
function times(c: Curve, k: bigint, P: Point): Point {
  let [result, addend] = [null as Point, P];
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(c, result, addend);
    addend = add(c, addend, addend);
  }
  return result;
}
const bytes32 = (v: bigint) => Buffer.from(v.toString(16).padStart(64, '0'), 'hex');

/** GB/T 32918.2 verification: Z(A) = SM3(ENTL‖ID‖a‖b‖xG‖yG‖xA‖yA), e = SM3(Z‖M), R = (e + x1) mod n of [s]G + [r+s]PA. */
function sm2Verify(c: Curve, id: string, pub: { x: bigint; y: bigint }, message: Buffer, r: bigint, s: bigint): boolean {
  if (r < 1n || r >= c.n || s < 1n || s >= c.n) return false;
  const entl = Buffer.alloc(2);
  entl.writeUInt16BE(Buffer.byteLength(id) * 8);
  const z = sm3(Buffer.concat([entl, Buffer.from(id), ...[c.a, c.b, c.gx, c.gy, pub.x, pub.y].map(bytes32)]));
  const e = big(sm3(Buffer.concat([z, message])).toString('hex'));
  const t = mod(r + s, c.n);
  if (t === 0n) return false;
  const point = add(c, times(c, s, { x: c.gx, y: c.gy }), times(c, t, pub));
  return point !== null && mod(e + point.x, c.n) === r;
}

/** r and s from a DER ECDSA-Sig-Value (SEQUENCE { INTEGER r, INTEGER s }). */
function rsOf(der: Buffer): [bigint, bigint] {
  let at = 2;
  const integer = () => {
    const length = der[at + 1];
    const value = big(der.subarray(at + 2, at + 2 + length).toString('hex'));
    at += 2 + length;
    return value;
  };
  return [integer(), integer()];
}

describe('SM2 signatures (GB/T 32918.2)', () => {
  it('the reference verifier accepts the standard’s example (its test curve, ID ALICE123@YAHOO.COM) and refuses it altered', () => {
    const curve: Curve = {
      p: big('8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3'),
      a: big('787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498'),
      b: big('63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A'),
      n: big('8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7'),
      gx: big('421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D'),
      gy: big('0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2'),
    };
    const pub = { x: big('0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A'), y: big('7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857') };
    const r = big('40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1');
    const s = big('6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7');
    expect(sm2Verify(curve, 'ALICE123@YAHOO.COM', pub, Buffer.from('message digest'), r, s)).toBe(true);
    expect(sm2Verify(curve, 'ALICE123@YAHOO.COM', pub, Buffer.from('message digesT'), r, s)).toBe(false);
    expect(sm2Verify(curve, 'BOB@YAHOO.COM', pub, Buffer.from('message digest'), r, s)).toBe(false);
  });

  it('the 国密 profile’s checkpoint signatures follow the standard on the recommended curve, with the default ID 1234567812345678', () => {
    const curve: Curve = {
      p: big('FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF'),
      a: big('FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC'),
      b: big('28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93'),
      n: big('FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123'),
      gx: big('32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7'),
      gy: big('BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0'),
    };
    const signer = signerOf(newSigningKeyPem('sm3'), 'sm3');
    const spki = createPublicKey(signer.publicKeyPem).export({ type: 'spki', format: 'der' });
    const point = spki.subarray(spki.length - 64);
    const pub = { x: big(point.subarray(0, 32).toString('hex')), y: big(point.subarray(32).toString('hex')) };
    const statement = '{"position":"120","globalHash":"…"}';
    const [r, s] = rsOf(Buffer.from(signer.sign(statement), 'base64'));
    expect(sm2Verify(curve, '1234567812345678', pub, Buffer.from(statement), r, s)).toBe(true);
    expect(sm2Verify(curve, '1234567812345678', pub, Buffer.from('another statement'), r, s)).toBe(false);
    expect(signer.verify(statement, signer.sign(statement))).toBe(true);
  });
});

describe('Checkpoint signers', () => {
  it.each(['sha256', 'sm3'] as const)('for %s chains: a signature verifies, an altered statement or signature does not', (chain) => {
    const signer = signerOf(newSigningKeyPem(chain), chain);
    expect(signer.algorithm).toBe(chain === 'sm3' ? 'sm2' : 'ed25519');
    const signature = signer.sign('{"position":"7"}');
    expect(signer.verify('{"position":"7"}', signature)).toBe(true);
    expect(signer.verify('{"position":"8"}', signature)).toBe(false);
    expect(signer.verify('{"position":"7"}', Buffer.from('not a signature').toString('base64'))).toBe(false);
    expect(signer.keyId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a key of the other profile', () => {
    expect(() => signerOf(newSigningKeyPem('sha256'), 'sm3')).toThrow('must be sm2 for sm3 chains');
    expect(() => signerOf(newSigningKeyPem('sm3'), 'sha256')).toThrow('must be ed25519 for sha256 chains');
  });
});
