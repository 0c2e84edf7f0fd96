import { resolve } from 'node:path';

/** Everything the process reads from its environment, read once at start-up. */
export interface AppConfig {
  port: number;
  /** 'embedded' when no EVENTSTORE_URL is set: SQLite under dataDir, dev tokens available. */
  mode: 'embedded' | 'server';
  production: boolean;
  dataDir: string;
  eventStoreUrl?: string;
  /** Read models in MongoDB (or FerretDB) instead of the embedded document store. */
  mongodbUrl?: string;
  /** 'in-process': this process keeps the projections current; 'external': apps/projector does. */
  projector: 'in-process' | 'external';
  jwtSecret: string;
  jwtTtlSeconds: number;
  devTokens: boolean;
  demo: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const DEV_SECRET = 'sme-ledger-local-dev-secret-change-me';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): AppConfig {
  const production = env.NODE_ENV === 'production';
  const eventStoreUrl = env.EVENTSTORE_URL?.trim() || undefined;
  const jwtSecret = env.JWT_SECRET?.trim() || (production ? '' : DEV_SECRET);
  if (!jwtSecret) throw new Error('JWT_SECRET must be set when NODE_ENV=production');
  if (production && jwtSecret === DEV_SECRET) throw new Error('JWT_SECRET must not be the development secret in production');
  return {
    port: Number(env.PORT ?? 3000),
    mode: eventStoreUrl ? 'server' : 'embedded',
    production,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    eventStoreUrl,
    mongodbUrl: env.MONGODB_URL?.trim() || undefined,
    projector: env.PROJECTOR === 'external' ? 'external' : 'in-process',
    jwtSecret,
    jwtTtlSeconds: Number(env.JWT_TTL_SECONDS ?? 8 * 3600),
    devTokens: !production && env.DEV_TOKENS !== 'off',
    demo: argv.includes('--demo') || env.DEMO === '1',
  };
}
