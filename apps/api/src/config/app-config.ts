/* Why this file is long: every setting of the API in one typed place — its meaning and default beside its reading — so one message can name every problem at start. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHINA_WORKING_CALENDAR, SHIPPED_HOLIDAYS, workingCalendar, type HolidayArrangement, type WorkingCalendar } from '@sme/domain/shared/calendar/working-days';
import { isMonthDay } from '@sme/domain/annualreport/annualreport.rules';
import { mergeTargets, SHIPPED_TARGETS_FILE, type Target } from '@sme/domain/targets/targets';
import { parseBrokers, relayCheckpointName, relaySettingsFromEnv, shardCheckpointNames, type RelaySettings } from '@sme/messaging/relay';
import { topicSettingsFromEnv } from '@sme/messaging/topics';

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
  /** KAFKA_BROKERS: the relay publishes the events to these Kafka brokers; without them it is off. */
  kafkaBrokers?: string[];
  /** KAFKA_TOPIC_PREFIX (default `sme.`): topics are `<prefix>calls.v1`, `<prefix>applications.v1`, `<prefix>stations.v1`. */
  kafkaTopicPrefix: string;
  /**
   * 'in-process': this process relays the events to Kafka (KAFKA_BROKERS set); 'external': apps/relay
   * does (RELAY=external), this process only reports its lag; 'off': no KAFKA_BROKERS.
   */
  relay: 'in-process' | 'external' | 'off';
  /**
   * The relay's checkpoints, read for its lag: RELAY_CHECKPOINT (default `relay:<topic prefix>`), or,
   * with RELAY_SHARDS=n relays sharing the log (RELAY=external), each shard's (`<name>#<i>/<n>`).
   */
  relayCheckpoints: string[];
  /** The relay's settings (topics, batch size, retries), when KAFKA_BROKERS is set. See docs/relay.md. */
  relaySettings?: RelaySettings;
  /** JWT_SECRET: the HS256 secret dev tokens are signed with (empty when only a JWKS is configured). */
  jwtSecret: string;
  /** JWT_TTL_SECONDS (default 28800): the lifetime of dev tokens, at most JWT_MAX_TTL_SECONDS. */
  jwtTtlSeconds: number;
  /** How Bearer tokens are verified: JWT_SECRET, JWT_JWKS_FILE, JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE, JWT_MAX_TTL_SECONDS (default 86400). */
  tokens: TokenSettings;
  devTokens: boolean;
  demo: boolean;
  /** How long a read waits for its projection to reach the position it must see (then 503). */
  readWaitMs: number;
  /** DEMAND_ESCALATION_DAYS (default 3): whole days a demand may wait unaccepted before it is escalated. */
  demandEscalationDays: number;
  /** DEMAND_ESCALATION_INTERVAL_MS (default 60000): how often the escalation scheduler runs; 0 turns it off. */
  demandEscalationIntervalMs: number;
  /** PROVIDER_PASS_MARK (default 60): the pass mark of the 优质服务机构 monitoring evaluation (0–100). */
  providerPassMark: number;
  /** FEEDBACK_WINDOW_DAYS (default 30): days after delivery in which the enterprise may rate it (and amend once). */
  feedbackWindowDays: number;
  /** DELIVERY_AUTO_CONFIRM_DAYS (default 7): days after delivery from which an unconfirmed, undisputed delivery is confirmed by the ledger. */
  autoConfirmDays: number;
  /** FOLLOW_UP_WORKING_DAYS (default 5): working days a 差评 follow-up has before it is overdue. */
  followUpWorkingDays: number;
  /** RETURN_VISIT_SAMPLE_PERCENT (default 10): the share of deliveries drawn for 回访, besides every 差评. */
  returnVisitSamplePercent: number;
  /** The working-day calendar: the shipped public holidays, and those of WORKING_CALENDAR_FILE (same JSON shape) over them. */
  workingCalendar: WorkingCalendar;
  /** The targets in force: the shipped ones (the seeds'), with those of TARGETS_FILE (same JSON shape) over them. */
  targets: readonly Target[];
  /** ANNUAL_REPORT_DEADLINE (default `01-31`): the month-day of the next year by which an organisation reports its year (2027-01-31 for 2026). */
  annualReportDeadline: string;
  /** CITY_REPORT_DEADLINE (default `02-28`): the month-day of the next year by which the hub submits the city report. */
  cityReportDeadline: string;
  /** SERVICE_DEADLINES_INTERVAL_MS (default 60000): how often automatic confirmation and follow-up escalation run; 0 turns them off. */
  serviceDeadlinesIntervalMs: number;
  /** BODY_LIMIT (default `100kb`): the largest JSON request body; a larger one is 413 on every path. */
  bodyLimit: string;
  /** IDEMPOTENCY_TTL_HOURS (default 24): how long an Idempotency-Key's answer is kept; after it the key may be used afresh. */
  idempotencyTtlHours: number;
  /** The ledger's signed checkpoints (存证检查点): the Ed25519 key (PKCS#8 PEM, made on first use when absent), the file each is appended to, the interval (0: on demand only). */
  audit: { signingKeyFile: string; checkpointFile: string; checkpointIntervalMs: number };
  /** BACKDATE_WINDOW_DAYS (default 30; 0 refuses every back-dated act): how far before a record's previous event an act may be dated, with a backdatingReason. */
  backdateWindowDays: number;
  /** DOCUMENT_LIMIT (default 20mb): the largest evidence file an upload takes, in bytes. */
  documentLimitBytes: number;
  /** LEDGER_CRYPTO_PROFILE: `standard` (SHA-256 chains, Ed25519 checkpoints) or `gm`, the 国密 profile (SM3, SM2), for a store created now; a store keeps the one it records. */
  cryptoProfile: 'standard' | 'gm';
  /** PERSONAL_DATA_KEYS_FILE (default DATA_DIR/keys.sqlite): the key store of personal data, one key per data subject, apart from the events; every process that reads events in the clear (API, projector) opens the same one. */
  personalDataKeysFile: string;
  /**
   * SNAPSHOT_EVERY (default 100; 0 keeps none): a record's folded state is kept every so many events, in SNAPSHOTS_FILE (default DATA_DIR/snapshots.sqlite), so a command folds only the events after it.
   * RECENT_STATES (default 2000; 0 holds none, as does SNAPSHOT_EVERY=0): how many records' latest states the process also holds in memory, for 60 s each, so the next command on one folds only what was appended since.
   */
  snapshots: { every: number; file: string; recent: number };
  /** BACKGROUND_LEASE_SECONDS (default 15): of the API processes on the same stores, the one holding this lease runs the reactions, sweeps and in-process relay; a crashed holder's is taken over after this long. */
  backgroundLeaseMs: number;
  /** INSTANCE_ID (default host:port): this API process among those sharing the stores; the same after a restart. */
  instanceId?: string;
  /** EVIDENCE_FILES: where evidence files are kept — `files` under DATA_DIR/documents (default), or `gridfs`, a GridFS bucket of the MONGODB_URL database shared by every API process. */
  evidenceFiles: 'files' | 'gridfs';
  /** HOST: the address to listen on; 127.0.0.1 outside production, 0.0.0.0 in production. */
  host: string;
  /** CORS_ORIGINS: the browser origins allowed to call the API (comma-separated); none by default. */
  corsOrigins: string[];
  /** HSTS=on: send Strict-Transport-Security (only behind TLS). */
  hsts: boolean;
  /** DOCS (on outside production, off in production): serve /docs and /docs-json. */
  docs: boolean;
  /** METRICS (public outside production, ADMIN in production): who may read /metrics — everyone, or an ADMIN token. */
  metrics: 'public' | 'admin';
  /** RATE_LIMIT_PER_MINUTE (default 1200): requests per minute per principal (per IP before a token is known); DEV_TOKEN_RATE_PER_MINUTE (default 30) for /auth/dev-token. */
  rateLimitPerMinute: number;
  devTokenRatePerMinute: number;
  /** LOG_LEVEL (default info): trace, debug, info, warn, error, fatal or silent; logs are JSON lines (pino). */
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
}

/** The token settings: a shared secret (HS256), and/or an identity provider's public keys (RS256/ES256) from a JWKS file or URL. */
export interface TokenSettings {
  secret?: string;
  jwksFile?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** The longest lifetime a token may claim (exp − iat, or exp − now without iat). */
  maxTtlSeconds: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const DEV_SECRET = 'sme-ledger-local-dev-secret-change-me';
/** The shortest shared secret production takes: 32 characters (256 bits of a random key, as HS256 wants). */
const MIN_SECRET_LENGTH = 32;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): AppConfig {
  const production = env.NODE_ENV === 'production';
  // Every setting is read, and every problem named, before start is refused: one message lists them all.
  const problems: string[] = [];
  const read = <T>(parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      problems.push((error as Error).message);
      return undefined as T;
    }
  };
  const problem = (wrong: boolean, message: string) => {
    if (wrong) problems.push(message);
  };
  const eventStoreUrl = env.EVENTSTORE_URL?.trim() || undefined;
  const jwksFile = env.JWT_JWKS_FILE?.trim() || undefined;
  const jwksUrl = env.JWT_JWKS_URL?.trim() || undefined;
  const jwtSecret = env.JWT_SECRET?.trim() || (production ? '' : DEV_SECRET);
  problem(!jwtSecret && !jwksFile && !jwksUrl, 'JWT_SECRET (or JWT_JWKS_FILE / JWT_JWKS_URL) must be set when NODE_ENV=production');
  problem(production && jwtSecret === DEV_SECRET, 'JWT_SECRET must not be the development secret in production');
  problem(production && !!jwtSecret && jwtSecret !== DEV_SECRET && jwtSecret.length < MIN_SECRET_LENGTH, `JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters in production`);
  const jwtMaxTtlSeconds = read(() => positiveInteger(env.JWT_MAX_TTL_SECONDS, 24 * 3600, 'JWT_MAX_TTL_SECONDS', 60));
  const jwtTtlSeconds = read(() => positiveInteger(env.JWT_TTL_SECONDS, 8 * 3600, 'JWT_TTL_SECONDS', 60));
  problem(jwtTtlSeconds > jwtMaxTtlSeconds, `JWT_TTL_SECONDS (${jwtTtlSeconds}) must not exceed JWT_MAX_TTL_SECONDS (${jwtMaxTtlSeconds})`);
  const kafkaBrokers = read(() => parseBrokers(env.KAFKA_BROKERS));
  const kafkaTopicPrefix = read(() => topicSettingsFromEnv(env).prefix);
  const relayShards = read(() => positiveInteger(env.RELAY_SHARDS, 1, 'RELAY_SHARDS', 1));
  const relayApart = env.RELAY === 'external';
  problem(!relayApart && relayShards > 1, `RELAY_SHARDS (${relayShards}) counts relays run apart: set RELAY=external (the API's own relay publishes every record)`);
  problem(!relayApart && Boolean(env.RELAY_SHARD?.trim()), 'RELAY_SHARD is for a relay run apart (npm run relay); with RELAY=external set RELAY_SHARDS on the API instead');
  const config: AppConfig = {
    port: read(() => portNumber(env.PORT)),
    mode: eventStoreUrl ? 'server' : 'embedded',
    production,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    eventStoreUrl,
    mongodbUrl: env.MONGODB_URL?.trim() || undefined,
    projector: env.PROJECTOR === 'external' ? 'external' : 'in-process',
    kafkaBrokers,
    kafkaTopicPrefix,
    relay: env.RELAY === 'external' ? 'external' : kafkaBrokers ? 'in-process' : 'off',
    relayCheckpoints: shardCheckpointNames(env.RELAY_CHECKPOINT?.trim() || relayCheckpointName(kafkaTopicPrefix), relayShards),
    relaySettings: kafkaBrokers ? read(() => relaySettingsFromEnv(env)) : undefined,
    jwtSecret,
    jwtTtlSeconds,
    tokens: {
      ...(jwtSecret ? { secret: jwtSecret } : {}),
      ...(jwksFile ? { jwksFile } : {}),
      ...(jwksUrl ? { jwksUrl } : {}),
      ...(env.JWT_ISSUER?.trim() ? { issuer: env.JWT_ISSUER.trim() } : {}),
      ...(env.JWT_AUDIENCE?.trim() ? { audience: env.JWT_AUDIENCE.trim() } : {}),
      maxTtlSeconds: jwtMaxTtlSeconds,
    },
    devTokens: !production && env.DEV_TOKENS !== 'off',
    demo: argv.includes('--demo') || env.DEMO === '1',
    readWaitMs: read(() => positiveInteger(env.READ_WAIT_MS, 5000, 'READ_WAIT_MS', 1)),
    demandEscalationDays: read(() => positiveInteger(env.DEMAND_ESCALATION_DAYS, 3, 'DEMAND_ESCALATION_DAYS', 1)),
    demandEscalationIntervalMs: read(() => positiveInteger(env.DEMAND_ESCALATION_INTERVAL_MS, 60_000, 'DEMAND_ESCALATION_INTERVAL_MS', 0)),
    providerPassMark: read(() => passMark(env.PROVIDER_PASS_MARK)),
    feedbackWindowDays: read(() => positiveInteger(env.FEEDBACK_WINDOW_DAYS, 30, 'FEEDBACK_WINDOW_DAYS', 1)),
    autoConfirmDays: read(() => positiveInteger(env.DELIVERY_AUTO_CONFIRM_DAYS, 7, 'DELIVERY_AUTO_CONFIRM_DAYS', 1)),
    followUpWorkingDays: read(() => positiveInteger(env.FOLLOW_UP_WORKING_DAYS, 5, 'FOLLOW_UP_WORKING_DAYS', 1)),
    returnVisitSamplePercent: read(() => percentage(env.RETURN_VISIT_SAMPLE_PERCENT, 10, 'RETURN_VISIT_SAMPLE_PERCENT')),
    workingCalendar: read(() => calendarFrom(env.WORKING_CALENDAR_FILE)),
    targets: read(() => targetsFrom(env.TARGETS_FILE)),
    serviceDeadlinesIntervalMs: read(() => positiveInteger(env.SERVICE_DEADLINES_INTERVAL_MS, 60_000, 'SERVICE_DEADLINES_INTERVAL_MS', 0)),
    annualReportDeadline: read(() => monthDay(env.ANNUAL_REPORT_DEADLINE, '01-31', 'ANNUAL_REPORT_DEADLINE')),
    cityReportDeadline: read(() => monthDay(env.CITY_REPORT_DEADLINE, '02-28', 'CITY_REPORT_DEADLINE')),
    bodyLimit: read(() => byteSize(env.BODY_LIMIT, '100kb', 'BODY_LIMIT')),
    idempotencyTtlHours: read(() => positiveInteger(env.IDEMPOTENCY_TTL_HOURS, 24, 'IDEMPOTENCY_TTL_HOURS', 1)),
    backdateWindowDays: read(() => positiveInteger(env.BACKDATE_WINDOW_DAYS, 30, 'BACKDATE_WINDOW_DAYS', 0)),
    documentLimitBytes: read(() => byteCount(env.DOCUMENT_LIMIT, '20mb', 'DOCUMENT_LIMIT')),
    cryptoProfile: read(() => oneOfSetting(env.LEDGER_CRYPTO_PROFILE, ['standard', 'gm'] as const, 'standard', 'LEDGER_CRYPTO_PROFILE')),
    evidenceFiles: read(() => oneOfSetting(env.EVIDENCE_FILES, ['files', 'gridfs'] as const, 'files', 'EVIDENCE_FILES')),
    personalDataKeysFile: resolve(env.PERSONAL_DATA_KEYS_FILE?.trim() || join(env.DATA_DIR ?? './data', 'keys.sqlite')),
    ...(env.INSTANCE_ID?.trim() ? { instanceId: env.INSTANCE_ID.trim() } : {}),
    backgroundLeaseMs: read(() => positiveInteger(env.BACKGROUND_LEASE_SECONDS, 15, 'BACKGROUND_LEASE_SECONDS', 1) * 1000),
    snapshots: {
      every: read(() => positiveInteger(env.SNAPSHOT_EVERY, 100, 'SNAPSHOT_EVERY', 0)),
      file: resolve(env.SNAPSHOTS_FILE?.trim() || join(env.DATA_DIR ?? './data', 'snapshots.sqlite')),
      recent: read(() => positiveInteger(env.RECENT_STATES, 2000, 'RECENT_STATES', 0)),
    },
    audit: {
      signingKeyFile: resolve(env.AUDIT_SIGNING_KEY_FILE?.trim() || join(env.DATA_DIR ?? './data', 'audit-signing-key.pem')),
      checkpointFile: resolve(env.AUDIT_CHECKPOINT_FILE?.trim() || join(env.DATA_DIR ?? './data', 'audit-checkpoints.jsonl')),
      checkpointIntervalMs: read(() => positiveInteger(env.AUDIT_CHECKPOINT_INTERVAL_MS, 3_600_000, 'AUDIT_CHECKPOINT_INTERVAL_MS', 0)),
    },
    host: env.HOST?.trim() || (production ? '0.0.0.0' : '127.0.0.1'),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter((o) => o !== ''),
    hsts: read(() => onOff(env.HSTS, false, 'HSTS')),
    docs: read(() => onOff(env.DOCS, !production, 'DOCS')),
    metrics: read(() => oneOfSetting(env.METRICS, ['public', 'admin'] as const, production ? 'admin' : 'public', 'METRICS')),
    rateLimitPerMinute: read(() => positiveInteger(env.RATE_LIMIT_PER_MINUTE, 1200, 'RATE_LIMIT_PER_MINUTE', 1)),
    devTokenRatePerMinute: read(() => positiveInteger(env.DEV_TOKEN_RATE_PER_MINUTE, 30, 'DEV_TOKEN_RATE_PER_MINUTE', 1)),
    logLevel: read(() => oneOfSetting(env.LOG_LEVEL, ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const, 'info', 'LOG_LEVEL')),
  };
  problem(config.evidenceFiles === 'gridfs' && config.mongodbUrl === undefined, 'EVIDENCE_FILES=gridfs keeps the files in the MONGODB_URL database: set MONGODB_URL');
  problem(config.cryptoProfile === 'gm' && eventStoreUrl !== undefined, 'LEDGER_CRYPTO_PROFILE=gm (SM3 chains) needs the embedded store: the KurrentDB adapter hashes with SHA-256 only');
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}

/** Start refused: every problem of the configuration, one per line. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The configuration has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function portNumber(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) throw new Error(`PORT must be a port number from 1 to 65535, not ${value}`);
  return n;
}

function passMark(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 60;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new Error(`PROVIDER_PASS_MARK must be a score from 0 to 100, not ${value}`);
  return n;
}


/** A month-day `MM-DD` every year has (not 02-29). */
function monthDay(value: string | undefined, fallback: string, name: string): string {
  if (value === undefined || value.trim() === '') return fallback;
  if (!isMonthDay(value.trim())) throw new Error(`${name} must be a month-day MM-DD that every year has (e.g. 01-31), not ${value}`);
  return value.trim();
}

function percentage(value: string | undefined, fallback: number, name: string): number {
  const n = positiveInteger(value, fallback, name, 0);
  if (n > 100) throw new Error(`${name} must be an integer from 0 to 100`);
  return n;
}

/** The shipped holidays, with a local file's years over them (a year in the file replaces the shipped one). */
function calendarFrom(file: string | undefined): WorkingCalendar {
  if (file === undefined || file.trim() === '') return CHINA_WORKING_CALENDAR;
  let local: Record<string, HolidayArrangement>;
  try {
    local = JSON.parse(readFileSync(file.trim(), 'utf8')) as Record<string, HolidayArrangement>;
  } catch (error) {
    throw new Error(`WORKING_CALENDAR_FILE ${file}: ${(error as Error).message}`);
  }
  try {
    return workingCalendar(SHIPPED_HOLIDAYS, local);
  } catch (error) {
    throw new Error(`WORKING_CALENDAR_FILE ${file}: ${(error as Error).message}`);
  }
}

/** The shipped targets, with a local file's over them (a target with a shipped id replaces it; others are added). */
function targetsFrom(file: string | undefined): readonly Target[] {
  if (file === undefined || file.trim() === '') return mergeTargets(SHIPPED_TARGETS_FILE);
  try {
    return mergeTargets(SHIPPED_TARGETS_FILE, JSON.parse(readFileSync(file.trim(), 'utf8')));
  } catch (error) {
    throw new Error(`TARGETS_FILE ${file}: ${(error as Error).message}`);
  }
}

function positiveInteger(value: string | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}`);
  return n;
}

/** A size as body-parser reads it: a number of bytes, or one with kb or mb (e.g. 100kb, 1mb). */
function byteSize(value: string | undefined, fallback: string, name: string): string {
  if (value === undefined || value.trim() === '') return fallback;
  const size = value.trim().toLowerCase();
  if (!/^[1-9][0-9]*(b|kb|mb)?$/.test(size)) throw new Error(`${name} must be a size such as 100kb or 1mb, not ${value}`);
  return size;
}

/** A size as BODY_LIMIT takes it (`20mb`, `512kb`, `1000`), in bytes. */
function byteCount(value: string | undefined, fallback: string, name: string): number {
  const size = byteSize(value, fallback, name);
  const [, digits, unit] = /^([0-9]+)(b|kb|mb)?$/.exec(size)!;
  return Number(digits) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}

function onOff(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim().toLowerCase();
  if (['on', '1', 'true'].includes(v)) return true;
  if (['off', '0', 'false'].includes(v)) return false;
  throw new Error(`${name} must be on or off, not ${value}`);
}

function oneOfSetting<T extends string>(value: string | undefined, options: readonly T[], fallback: T, name: string): T {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim().toLowerCase() as T;
  if (!options.includes(v)) throw new Error(`${name} must be one of ${options.join(', ')}, not ${value}`);
  return v;
}
