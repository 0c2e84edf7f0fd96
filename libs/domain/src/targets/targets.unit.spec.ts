import { DomainError } from '../shared/domain-error';
import { GUANGDONG_PREFECTURE_CITIES } from './prefecture-cities';
import { figuresWindow, meets, splitEvenly, targetsForScope, targetWindow } from './target-scope';
import { checkTargetsFile, mergeTargets, SHIPPED_TARGETS, SHIPPED_TARGETS_FILE, type Target } from './targets';

const byId = (id: string) => SHIPPED_TARGETS.find((t) => t.id === id)!;
const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? `${error.code} ${error.field}` : String(error);
  }
  return undefined;
};

describe('the shipped targets (the seeds’)', () => {
  it('hold Guangzhou’s four 2019 goals and Guangdong’s six 2017–2020 goals, as the documents state them', () => {
    const rows = SHIPPED_TARGETS.map((t) => [t.id, t.regionCode, t.measure, t.comparison, t.value, t.timing]);
    expect(rows).toEqual([
      ['gz-2019-stations', '440100', 'ACTIVE_STATIONS', 'AT_LEAST', 100, { kind: 'BY', deadline: '2019-12-31' }],
      ['gz-2019-districts', '440100', 'DISTRICTS_COVERED', 'AT_LEAST', 11, { kind: 'BY', deadline: '2019-12-31' }],
      ['gz-2019-activities', '440100', 'ACTIVITIES_HELD', 'AT_LEAST', 1000, { kind: 'BY', deadline: '2019-12-31', countFrom: '2019-01-01' }],
      ['gz-2019-visits', '440100', 'SERVICE_VISITS', 'ABOVE', 10000, { kind: 'BY', deadline: '2019-12-31', countFrom: '2019-01-01' }],
      ['gd-2017-city-centres', '440000', 'CITY_CENTRE_COVERAGE', 'AT_LEAST', 1, { kind: 'BY', deadline: '2017-12-31' }],
      ['gd-2018-centre-coverage', '440000', 'CENTRE_COVERAGE', 'ABOVE', 0.9, { kind: 'BY', deadline: '2018-12-31' }],
      ['gd-2018-providers', '440000', 'PROVIDERS_IN_POOL', 'AT_LEAST', 5000, { kind: 'BY', deadline: '2018-12-31' }],
      ['gd-2018-visits', '440000', 'SERVICE_VISITS', 'AT_LEAST', 100000, { kind: 'EACH_YEAR', fromYear: 2018, untilYear: 2019 }],
      ['gd-2020-providers', '440000', 'PROVIDERS_IN_POOL', 'AT_LEAST', 10000, { kind: 'BY', deadline: '2020-12-31' }],
      ['gd-2020-visits', '440000', 'SERVICE_VISITS', 'AT_LEAST', 300000, { kind: 'EACH_YEAR', fromYear: 2020 }],
    ]);
  });

  it('name their document and clause', () => {
    expect(byId('gz-2019-visits').source).toEqual({ document: '穗工信函〔2019〕1100号', clause: '二、总体目标（二）服务目标', seed: '002_7a0238f6e9582398.txt', line: 106 });
    expect(SHIPPED_TARGETS.filter((t) => t.regionCode === '440000').every((t) => t.source.document === '粤经信服务〔2016〕334号')).toBe(true);
  });

  it('list Guangdong’s 21 prefecture-level cities', () => {
    expect(GUANGDONG_PREFECTURE_CITIES.map((c) => c.code).join(' ')).toBe(
      '440100 440200 440300 440400 440500 440600 440700 440800 440900 441200 441300 441400 441500 441600 441700 441800 441900 442000 445100 445200 445300',
    );
  });
});

describe('a local targets file over the shipped one', () => {
  const local = (targets: unknown[]) => ({ targets });
  const own: Target = {
    id: 'gz-2026-activities',
    label: { zh: '2026年举办服务活动1200场', en: '1200 activities in 2026' },
    source: { document: '穗工信〔2026〕1号', clause: '一' },
    regionCode: '440100',
    measure: 'ACTIVITIES_HELD',
    comparison: 'AT_LEAST',
    value: 1200,
    timing: { kind: 'BY', deadline: '2026-12-31', countFrom: '2026-01-01' },
    derive: ['STATION'],
  };

  it('replaces a shipped target with the same id and adds the others after the shipped ones', () => {
    const merged = mergeTargets(SHIPPED_TARGETS_FILE, local([{ ...byId('gz-2019-stations'), value: 120 }, own]));
    expect(merged).toHaveLength(11);
    expect(merged[0]).toMatchObject({ id: 'gz-2019-stations', value: 120 });
    expect(merged[10]).toEqual(own);
  });

  it('is the shipped list when there is no local file', () => {
    expect(mergeTargets(SHIPPED_TARGETS_FILE)).toEqual(SHIPPED_TARGETS);
  });

  it.each([
    [{ target: [] }, 'TARGET_INVALID targets'],
    [local([{ ...own, measure: 'STATIONS' }]), 'TARGET_INVALID targets[0].measure'],
    [local([{ ...own, value: 0 }]), 'TARGET_INVALID targets[0].value'],
    [local([{ ...own, value: 12.5 }]), 'TARGET_INVALID targets[0].value'],
    [local([{ ...own, measure: 'CENTRE_COVERAGE', value: 90, timing: { kind: 'BY', deadline: '2026-12-31' }, derive: undefined }]), 'TARGET_INVALID targets[0].value'],
    [local([{ ...own, regionCode: '440106' }]), 'TARGET_INVALID targets[0].regionCode'],
    [local([{ ...own, timing: { kind: 'BY', deadline: '2026-12-31' } }]), 'TARGET_INVALID targets[0].timing.countFrom'],
    [local([{ ...own, timing: { kind: 'BY', deadline: '2026-13-01', countFrom: '2026-01-01' } }]), 'TARGET_INVALID targets[0].timing.deadline'],
    [local([{ ...own, measure: 'PROVIDERS_IN_POOL', timing: { kind: 'EACH_YEAR', fromYear: 2026 } }]), 'TARGET_INVALID targets[0].timing.kind'],
    [local([{ ...own, regionCode: '440000' }]), 'TARGET_INVALID targets[0].derive'],
    [local([{ ...own, colour: 'red' }]), 'TARGET_INVALID targets[0].colour'],
    [local([own, own]), 'TARGET_INVALID targets[1].id'],
    [local([{ ...own, source: { document: '穗工信〔2026〕1号' } }]), 'TARGET_INVALID targets[0].source'],
  ])('refuses a wrong local file, naming the field (%#)', (file, expected) => {
    expect(fieldOf(() => mergeTargets(SHIPPED_TARGETS_FILE, file))).toBe(expected);
  });

  it('checks the shipped file as strictly as a local one', () => {
    expect(checkTargetsFile(SHIPPED_TARGETS_FILE)).toEqual(SHIPPED_TARGETS);
  });
});

describe('targets derived for a district and a station (not in the documents)', () => {
  it('splits Guangzhou’s targets over its 11 districts, whole: 10 stations, covered itself, 91 activities, 910 家次', () => {
    const district = targetsForScope(SHIPPED_TARGETS, { level: 'DISTRICT', regionCode: '440106', cityCode: '440100' });
    expect(district.map((t) => [t.id, t.measure, t.comparison, t.value])).toEqual([
      ['gz-2019-stations@district', 'ACTIVE_STATIONS', 'AT_LEAST', 10],
      ['gz-2019-districts@district', 'DISTRICTS_COVERED', 'AT_LEAST', 1],
      ['gz-2019-activities@district', 'ACTIVITIES_HELD', 'AT_LEAST', 91],
      ['gz-2019-visits@district', 'SERVICE_VISITS', 'AT_LEAST', 910],
    ]);
    expect(district[2]).toMatchObject({ derivedFrom: { targetId: 'gz-2019-activities', level: 'DISTRICT', cityValue: 1000, divisor: 11 } });
  });

  it('splits the count targets over the city’s 100 stations: 10 activities, above 100 家次', () => {
    const station = targetsForScope(SHIPPED_TARGETS, { level: 'STATION', stationId: 's', regionCode: '440106', cityCode: '440100' });
    expect(station.map((t) => [t.id, t.comparison, t.value])).toEqual([
      ['gz-2019-activities@station', 'AT_LEAST', 10],
      ['gz-2019-visits@station', 'ABOVE', 100],
    ]);
  });

  it('gives a city without targets, and its districts, none', () => {
    expect(targetsForScope(SHIPPED_TARGETS, { level: 'CITY', regionCode: '440300' })).toEqual([]);
    expect(targetsForScope(SHIPPED_TARGETS, { level: 'DISTRICT', regionCode: '440305', cityCode: '440300' })).toEqual([]);
  });

  it('keeps a comparison equivalent for whole numbers when it rounds', () => {
    expect(splitEvenly(10000, 'ABOVE', 11)).toEqual({ value: 910, comparison: 'AT_LEAST' });
    expect(splitEvenly(10000, 'ABOVE', 100)).toEqual({ value: 100, comparison: 'ABOVE' });
    expect(meets(100, 'ABOVE', 100)).toBe(false);
    expect(meets(100, 'AT_LEAST', 100)).toBe(true);
  });
});

describe('the window a target is read in', () => {
  it('counts a BY target from its countFrom to the day asked, or its deadline if earlier', () => {
    expect(targetWindow(byId('gz-2019-activities'), { on: '2019-06-30' })).toEqual({ stateOn: '2019-06-30', countFrom: '2019-01-01', countUntil: '2019-06-30' });
    expect(targetWindow(byId('gz-2019-activities'), { on: '2026-06-30' })).toEqual({ stateOn: '2026-06-30', countFrom: '2019-01-01', countUntil: '2019-12-31' });
  });

  it('counts an EACH_YEAR target in the year asked, and only in its years', () => {
    expect(targetWindow(byId('gd-2020-visits'), { on: '2026-06-30' })).toEqual({ stateOn: '2026-06-30', countFrom: '2026-01-01', countUntil: '2026-06-30' });
    expect(targetWindow(byId('gd-2018-visits'), { on: '2026-06-30' })).toBeUndefined();
    expect(targetWindow(byId('gd-2018-visits'), { from: '2019-01-01', until: '2019-12-31' })).toEqual({ stateOn: '2019-12-31', countFrom: '2019-01-01', countUntil: '2019-12-31' });
  });

  it('reads a period as asked, the state on its last day', () => {
    expect(targetWindow(byId('gz-2019-stations'), { from: '2026-01-01', until: '2026-03-31' })).toEqual({ stateOn: '2026-03-31', countFrom: '2026-01-01', countUntil: '2026-03-31' });
    expect(figuresWindow({ on: '2026-05-04' })).toEqual({ stateOn: '2026-05-04', countFrom: '2026-01-01', countUntil: '2026-05-04' });
  });
});
