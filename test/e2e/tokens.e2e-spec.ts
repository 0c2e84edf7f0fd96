import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { startTestApp, type TestApp } from './support/test-app';

const claims = { sub: 'city-officer', role: 'CITY_AUTHORITY', orgId: 'GZ-MIIT', regionCode: '440100' };
const SECRET = 'sme-ledger-local-dev-secret-change-me';
const signer = new JwtService();
const now = () => Math.floor(Date.now() / 1000);

/**
 * Bearer tokens as a real identity provider issues them: an expiry required and bounded, the issuer
 * and audience checked when configured, RS256 and ES256 verified with the JWKS's keys by kid.
 */
describe('Bearer tokens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sme-jwks-'));
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = (key: KeyObject, kid: string) => ({ ...key.export({ format: 'jwk' }), kid, use: 'sig' });
  const jwksFile = join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [jwk(rsa.publicKey, 'rsa-1'), jwk(ec.publicKey, 'ec-1')] }));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { JWT_JWKS_FILE: jwksFile, JWT_ISSUER: 'https://idp.example.cn', JWT_AUDIENCE: 'sme-ledger', JWT_MAX_TTL_SECONDS: '3600', JWT_TTL_SECONDS: '3600' } });
  });
  afterAll(() => t.close());

  const read = (token: string) => t.http.get('/calls').set('Authorization', `Bearer ${token}`);
  const issued = { iss: 'https://idp.example.cn', aud: 'sme-ledger' };

  it('takes RS256 and ES256 tokens signed by the keys the JWKS names', async () => {
    const rs = signer.sign({ ...claims, ...issued }, { privateKey: rsa.privateKey as never, algorithm: 'RS256', keyid: 'rsa-1', expiresIn: 600 });
    const es = signer.sign({ ...claims, ...issued }, { privateKey: ec.privateKey as never, algorithm: 'ES256', keyid: 'ec-1', expiresIn: 600 });
    expect((await read(rs)).status).toBe(200);
    expect((await read(es)).status).toBe(200);
  });

  it.each([
    ['a key the JWKS does not hold', () => signer.sign({ ...claims, ...issued }, { privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey as never, algorithm: 'RS256', keyid: 'rsa-1', expiresIn: 600 })],
    ['a kid of another algorithm', () => signer.sign({ ...claims, ...issued }, { privateKey: rsa.privateKey as never, algorithm: 'RS256', keyid: 'ec-1', expiresIn: 600 })],
    ['no expiry', () => signer.sign({ ...claims, ...issued }, { privateKey: rsa.privateKey as never, algorithm: 'RS256', keyid: 'rsa-1' })],
    ['a lifetime over the maximum', () => signer.sign({ ...claims, ...issued, iat: now(), exp: now() + 7200 }, { privateKey: rsa.privateKey as never, algorithm: 'RS256', keyid: 'rsa-1' })],
    ['an expired token', () => signer.sign({ ...claims, ...issued, iat: now() - 120, exp: now() - 60 }, { privateKey: rsa.privateKey as never, algorithm: 'RS256', keyid: 'rsa-1' })],
    ['another issuer', () => signer.sign({ ...claims, ...issued, iss: 'https://evil.example' }, { privateKey: rsa.privateKey as never, algorithm: 'RS256', keyid: 'rsa-1', expiresIn: 600 })],
    ['another audience', () => signer.sign({ ...claims, ...issued, aud: 'another-api' }, { privateKey: rsa.privateKey as never, algorithm: 'RS256', keyid: 'rsa-1', expiresIn: 600 })],
    ['HS256 with a secret that is not the configured one', () => signer.sign({ ...claims, ...issued }, { secret: `${SECRET}-guessed`, algorithm: 'HS256', expiresIn: 600 })],
    ['alg none', () => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, ...issued, exp: now() + 60 })).toString('base64url')}.`],
  ])('refuses %s (401)', async (_what, token) => {
    const answer = await read(token());
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 401, code: 'TOKEN_INVALID' });
    expect(answer.body.message.zh).toMatch(/令牌/);
  });
});

describe('Bearer tokens from an identity provider’s JWKS URL', () => {
  const first = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rotated = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let served = [{ ...first.publicKey.export({ format: 'jwk' }), kid: 'k1' }];
  let fetched = 0;
  let server: Server;
  let t: TestApp;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetched += 1;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: served }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t = await startTestApp({ env: { JWT_JWKS_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json` } });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches the keys when a token names one it does not hold, and not for every request', async () => {
    const token = (key: KeyObject, kid: string) => signer.sign(claims, { privateKey: key as never, algorithm: 'ES256', keyid: kid, expiresIn: 600 });
    const read = (bearer: string) => t.http.get('/calls').set('Authorization', `Bearer ${bearer}`);
    expect((await read(token(first.privateKey, 'k1'))).status).toBe(200);
    expect((await read(token(first.privateKey, 'k1'))).status).toBe(200);
    expect(fetched).toBe(1);
    // Within a minute of the last fetch an unknown kid is refused without asking the provider again, so forged kids cannot flood it.
    served = [{ ...rotated.publicKey.export({ format: 'jwk' }), kid: 'k2' }];
    expect((await read(token(rotated.privateKey, 'k2'))).status).toBe(401);
    expect(fetched).toBe(1);
  });
});
