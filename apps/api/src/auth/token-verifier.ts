import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig, type TokenSettings } from '../config/app-config';
import { ApiError } from '../http/api-error';

const ASYMMETRIC = ['RS256', 'ES256'] as const;
type Jwk = { kid?: string; kty?: string; alg?: string; use?: string } & Record<string, unknown>;

const invalid = (why: { zh: string; en: string }) => ApiError.unauthorized('TOKEN_INVALID', `令牌无效：${why.zh}`, `The token is invalid: ${why.en}`);

/**
 * Verifies a Bearer token: its signature (HS256 with the shared secret, or RS256/ES256 with the key its
 * `kid` names in the JWKS), an `exp` no further away than the longest lifetime allowed, and the issuer
 * and audience when they are configured. A JWKS from a URL is fetched at start and again when a token
 * names a key it does not hold (at most once a minute).
 */
@Injectable()
export class TokenVerifier {
  private readonly settings: TokenSettings;
  private readonly secret: KeyObject | undefined;
  private keys = new Map<string, { key: KeyObject; alg: (typeof ASYMMETRIC)[number] }>();
  private fetchedAt = 0;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const settings = config.tokens;
    this.settings = settings;
    this.secret = settings.secret ? createSecretKey(Buffer.from(settings.secret, 'utf8')) : undefined;
    if (settings.jwksFile) this.keys = keysOf(JSON.parse(readFileSync(settings.jwksFile, 'utf8')) as { keys?: Jwk[] });
  }

  async verify(token: string): Promise<Record<string, unknown>> {
    const decoded = this.jwt.decode<{ header?: { alg?: string; kid?: string } } | null>(token, { complete: true });
    const alg = decoded?.header?.alg;
    let key: KeyObject | undefined;
    if (alg === 'HS256') key = this.secret;
    else if ((ASYMMETRIC as readonly string[]).includes(alg ?? '')) key = await this.publicKey(decoded?.header?.kid, alg as (typeof ASYMMETRIC)[number]);
    if (key === undefined) throw invalid({ zh: `不接受的签名算法或密钥（${alg ?? '无'}）`, en: `no key for its algorithm (${alg ?? 'none'})` });
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, {
        secret: key as unknown as string,
        algorithms: [alg as 'HS256'],
        ...(this.settings.issuer ? { issuer: this.settings.issuer } : {}),
        ...(this.settings.audience ? { audience: this.settings.audience } : {}),
      });
    } catch {
      throw ApiError.unauthorized('TOKEN_INVALID', '令牌无效或已过期', 'The token is invalid or expired');
    }
    if (typeof claims.exp !== 'number') throw invalid({ zh: '缺少过期时间（exp）', en: 'it has no expiry (exp)' });
    const from = typeof claims.iat === 'number' ? claims.iat : Math.floor(Date.now() / 1000);
    if (claims.exp - from > this.settings.maxTtlSeconds) {
      throw invalid({ zh: `有效期超过上限 ${this.settings.maxTtlSeconds} 秒`, en: `it lives longer than ${this.settings.maxTtlSeconds} seconds` });
    }
    return claims;
  }

  /** The JWKS key a token names; a URL's set is fetched again for a key it does not hold, at most once a minute. */
  private async publicKey(kid: string | undefined, alg: (typeof ASYMMETRIC)[number]): Promise<KeyObject | undefined> {
    const found = () => {
      const entry = kid === undefined ? (this.keys.size === 1 ? [...this.keys.values()][0] : undefined) : this.keys.get(kid);
      return entry && entry.alg === alg ? entry.key : undefined;
    };
    if (found() === undefined && this.settings.jwksUrl && Date.now() - this.fetchedAt > 60_000) {
      this.fetchedAt = Date.now();
      try {
        const response = await fetch(this.settings.jwksUrl, { signal: AbortSignal.timeout(5_000) });
        if (response.ok) this.keys = keysOf((await response.json()) as { keys?: Jwk[] });
      } catch {
        // The provider is unreachable: the keys held stay in force.
      }
    }
    return found();
  }
}

/** The signing keys of a JWK set, by kid, with the algorithm each is for (RS256 for RSA, ES256 for P-256). */
function keysOf(set: { keys?: Jwk[] }): Map<string, { key: KeyObject; alg: (typeof ASYMMETRIC)[number] }> {
  const keys = new Map<string, { key: KeyObject; alg: (typeof ASYMMETRIC)[number] }>();
  for (const [i, jwk] of (set.keys ?? []).entries()) {
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    const alg = jwk.kty === 'RSA' ? 'RS256' : jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ES256' : undefined;
    if (alg === undefined || (jwk.alg !== undefined && jwk.alg !== alg)) continue;
    keys.set(jwk.kid ?? `key-${i}`, { key: createPublicKey({ key: jwk as never, format: 'jwk' }), alg });
  }
  return keys;
}
