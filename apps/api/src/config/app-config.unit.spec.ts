import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isWorkingDay } from '@sme/domain';
import { ConfigurationError, loadConfig } from './app-config';

const file = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'sme-calendar-')), 'holidays.json');
  writeFileSync(path, content);
  return path;
};

describe('the service settings', () => {
  it('default to a 30-day feedback window, 7 days to automatic confirmation, 5 working days per follow-up and a 10 % 回访 sample', () => {
    expect(loadConfig({}, [])).toMatchObject({ feedbackWindowDays: 30, autoConfirmDays: 7, followUpWorkingDays: 5, returnVisitSamplePercent: 10, serviceDeadlinesIntervalMs: 60_000 });
  });

  it('takes the annual-report deadlines as month-days of the next year, and refuses one some year lacks', () => {
    expect(loadConfig({}, [])).toMatchObject({ annualReportDeadline: '01-31', cityReportDeadline: '02-28' });
    expect(loadConfig({ ANNUAL_REPORT_DEADLINE: '12-31', CITY_REPORT_DEADLINE: '03-15' }, [])).toMatchObject({ annualReportDeadline: '12-31', cityReportDeadline: '03-15' });
    expect(() => loadConfig({ ANNUAL_REPORT_DEADLINE: '02-29' }, [])).toThrow(/ANNUAL_REPORT_DEADLINE/);
    expect(() => loadConfig({ CITY_REPORT_DEADLINE: '2027-02-28' }, [])).toThrow(/CITY_REPORT_DEADLINE/);
  });

  it('refuses a sample share above 100 and a window below one day', () => {
    expect(() => loadConfig({ RETURN_VISIT_SAMPLE_PERCENT: '101' }, [])).toThrow(/RETURN_VISIT_SAMPLE_PERCENT/);
    expect(() => loadConfig({ FEEDBACK_WINDOW_DAYS: '0' }, [])).toThrow(/FEEDBACK_WINDOW_DAYS/);
  });

  it('ships the 2026 holidays and takes further years, or a year replaced, from WORKING_CALENDAR_FILE', () => {
    expect(isWorkingDay(loadConfig({}, []).workingCalendar, '2026-10-01')).toBe(false);
    const local = file(JSON.stringify({ '2027': { source: '国务院办公厅关于2027年部分节假日安排的通知', holidays: ['2027-10-01'], workdays: ['2027-09-26'] } }));
    const calendar = loadConfig({ WORKING_CALENDAR_FILE: local }, []).workingCalendar;
    expect(isWorkingDay(calendar, '2027-10-01')).toBe(false);
    expect(isWorkingDay(calendar, '2027-09-26')).toBe(true);
    expect(isWorkingDay(calendar, '2026-10-01')).toBe(false);
  });

  it('names the calendar file when it cannot be read or holds a day of another year', () => {
    expect(() => loadConfig({ WORKING_CALENDAR_FILE: file('{ not json') }, [])).toThrow(/WORKING_CALENDAR_FILE/);
    expect(() => loadConfig({ WORKING_CALENDAR_FILE: file(JSON.stringify({ '2027': { source: 'x', holidays: ['2028-01-01'], workdays: [] } })) }, [])).toThrow(/WORKING_CALENDAR_FILE.*2028-01-01/);
  });

  it('ships the seeds’ targets and takes TARGETS_FILE over them, naming the file when it is wrong', () => {
    const shipped = loadConfig({}, []).targets;
    expect(shipped.find((t) => t.id === 'gz-2019-stations')).toMatchObject({ value: 100 });
    const local = file(JSON.stringify({ targets: [{ ...shipped.find((t) => t.id === 'gz-2019-stations'), value: 120 }] }));
    expect(loadConfig({ TARGETS_FILE: local }, []).targets.find((t) => t.id === 'gz-2019-stations')).toMatchObject({ value: 120 });
    expect(() => loadConfig({ TARGETS_FILE: file('{ not json') }, [])).toThrow(/TARGETS_FILE/);
  });

  it('asks production for a real secret of 32 characters or more, or an identity provider’s keys', () => {
    const prod = { NODE_ENV: 'production' };
    expect(() => loadConfig(prod, [])).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...prod, JWT_SECRET: 'a' }, [])).toThrow(/at least 32/);
    expect(loadConfig({ ...prod, JWT_SECRET: 'x'.repeat(32) }, []).tokens).toMatchObject({ secret: 'x'.repeat(32), maxTtlSeconds: 86_400 });
    expect(loadConfig({ ...prod, JWT_JWKS_URL: 'https://idp.example.cn/jwks.json', JWT_ISSUER: 'https://idp.example.cn' }, []).tokens).toEqual({ jwksUrl: 'https://idp.example.cn/jwks.json', issuer: 'https://idp.example.cn', maxTtlSeconds: 86_400 });
    expect(() => loadConfig({ JWT_TTL_SECONDS: '7200', JWT_MAX_TTL_SECONDS: '3600' }, [])).toThrow(/JWT_TTL_SECONDS/);
  });

  it('names every problem of a bad configuration in one message', () => {
    const bad = { NODE_ENV: 'production', JWT_SECRET: 'short', PORT: '99999', FEEDBACK_WINDOW_DAYS: 'soon', HSTS: 'maybe', KAFKA_TOPIC_PREFIX: 'bad prefix!', PROVIDER_PASS_MARK: '120' };
    let refused: unknown;
    try {
      loadConfig(bad, []);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ConfigurationError);
    const { problems, message } = refused as ConfigurationError;
    expect(problems).toHaveLength(6);
    for (const name of ['JWT_SECRET', 'PORT', 'FEEDBACK_WINDOW_DAYS', 'HSTS', 'KAFKA_TOPIC_PREFIX', 'PROVIDER_PASS_MARK']) expect(message).toContain(name);
    expect(message.split('\n')[0]).toBe('The configuration has 6 problems:');
  });

  it('takes the 国密 profile on the embedded store only, and defaults to the standard one', () => {
    expect(loadConfig({}, []).cryptoProfile).toBe('standard');
    expect(loadConfig({ LEDGER_CRYPTO_PROFILE: 'gm' }, []).cryptoProfile).toBe('gm');
    expect(() => loadConfig({ LEDGER_CRYPTO_PROFILE: 'gm', EVENTSTORE_URL: 'kurrentdb://127.0.0.1:2113?tls=false' }, [])).toThrow(/needs the embedded store/);
    expect(() => loadConfig({ LEDGER_CRYPTO_PROFILE: 'sm' }, [])).toThrow(/LEDGER_CRYPTO_PROFILE/);
  });

  it('puts the checkpoint key and file under DATA_DIR unless told, and signs hourly unless told', () => {
    expect(loadConfig({ DATA_DIR: '/srv/ledger' }, []).audit).toEqual({ signingKeyFile: '/srv/ledger/audit-signing-key.pem', checkpointFile: '/srv/ledger/audit-checkpoints.jsonl', checkpointIntervalMs: 3_600_000 });
    expect(loadConfig({ AUDIT_SIGNING_KEY_FILE: '/keys/ledger.pem', AUDIT_CHECKPOINT_INTERVAL_MS: '0' }, []).audit).toMatchObject({ signingKeyFile: '/keys/ledger.pem', checkpointIntervalMs: 0 });
  });

  it('keeps a snapshot every 100 events under DATA_DIR and holds 2,000 recent states unless told; 0 keeps or holds none, and a bad count is named', () => {
    expect(loadConfig({ DATA_DIR: '/srv/ledger' }, []).snapshots).toEqual({ every: 100, file: '/srv/ledger/snapshots.sqlite', recent: 2000 });
    expect(loadConfig({ SNAPSHOT_EVERY: '0', SNAPSHOTS_FILE: '/cache/snapshots.sqlite', RECENT_STATES: '0' }, []).snapshots).toEqual({ every: 0, file: '/cache/snapshots.sqlite', recent: 0 });
    expect(() => loadConfig({ SNAPSHOT_EVERY: 'often' }, [])).toThrow(/SNAPSHOT_EVERY/);
    expect(() => loadConfig({ RECENT_STATES: '-1' }, [])).toThrow(/RECENT_STATES/);
  });
});
