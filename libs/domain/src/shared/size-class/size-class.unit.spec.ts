import { domainErrorOf } from '../testing';
import { classifySize, SIZE_STANDARDS, sizeStandardOn } from './classify-size';
import { MIIT_2011_300 } from './miit-2011-300';
import { industries, sizeStandardOf, type IndustryCode, type Measure, type MeasureBounds, type SizeClass, type SizeFigures } from './size-standard';

const classOf = (industry: IndustryCode, figures: SizeFigures) => classifySize(MIIT_2011_300, industry, figures).sizeClass;

/** 第四条 as published, the source the data table is checked against. */
const ARTICLE_4 = [
  '(一)农、林、牧、渔业：营业收入20000万元以下的为中小微型企业。其中，营业收入500万元及以上的为中型企业，营业收入50万元及以上的为小型企业，营业收入50万元以下的为微型企业。',
  '(二)工业：从业人员1000人以下或营业收入40000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入2000万元及以上的为中型企业；从业人员20人及以上，且营业收入300万元及以上的为小型企业；从业人员20人以下或营业收入300万元以下的为微型企业。',
  '(三)建筑业：营业收入80000万元以下或资产总额80000万元以下的为中小微型企业。其中，营业收入6000万元及以上，且资产总额5000万元及以上的为中型企业；营业收入300万元及以上，且资产总额300万元及以上的为小型企业；营业收入300万元以下或资产总额300万元以下的为微型企业。',
  '(四)批发业：从业人员200人以下或营业收入40000万元以下的为中小微型企业。其中，从业人员20人及以上，且营业收入5000万元及以上的为中型企业；从业人员5人及以上，且营业收入1000万元及以上的为小型企业；从业人员5人以下或营业收入1000万元以下的为微型企业。',
  '(五)零售业：从业人员300人以下或营业收入20000万元以下的为中小微型企业。其中，从业人员50人及以上，且营业收入500万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。',
  '(六)交通运输业：从业人员1000人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入3000万元及以上的为中型企业；从业人员20人及以上，且营业收入200万元及以上的为小型企业；从业人员20人以下或营业收入200万元以下的为微型企业。',
  '(七)仓储业：从业人员200人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入1000万元及以上的为中型企业；从业人员20人及以上，且营业收入100万元及以上的为小型企业；从业人员20人以下或营业收入100万元以下的为微型企业。',
  '(八)邮政业：从业人员1000人以下或营业收入30000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入2000万元及以上的为中型企业；从业人员20人及以上，且营业收入100万元及以上的为小型企业；从业人员20人以下或营业收入100万元以下的为微型企业。',
  '(九)住宿业：从业人员300人以下或营业收入10000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入2000万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。',
  '(十)餐饮业：从业人员300人以下或营业收入10000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入2000万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。',
  '(十一)信息传输业：从业人员2000人以下或营业收入100000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入1000万元及以上的为中型企业；从业人员10人及以上，且营业收入100万元及以上的为小型企业；从业人员10人以下或营业收入100万元以下的为微型企业。',
  '(十二)软件和信息技术服务业：从业人员300人以下或营业收入10000万元以下的为中小微型企业。其中，从业人员100人及以上，且营业收入1000万元及以上的为中型企业；从业人员10人及以上，且营业收入50万元及以上的为小型企业；从业人员10人以下或营业收入50万元以下的为微型企业。',
  '(十三)房地产开发经营：营业收入200000万元以下或资产总额10000万元以下的为中小微型企业。其中，营业收入1000万元及以上，且资产总额5000万元及以上的为中型企业；营业收入100万元及以上，且资产总额2000万元及以上的为小型企业；营业收入100万元以下或资产总额2000万元以下的为微型企业。',
  '(十四)物业管理：从业人员1000人以下或营业收入5000万元以下的为中小微型企业。其中，从业人员300人及以上，且营业收入1000万元及以上的为中型企业；从业人员100人及以上，且营业收入500万元及以上的为小型企业；从业人员100人以下或营业收入500万元以下的为微型企业。',
  '(十五)租赁和商务服务业：从业人员300人以下或资产总额120000万元以下的为中小微型企业。其中，从业人员100人及以上，且资产总额8000万元及以上的为中型企业；从业人员10人及以上，且资产总额100万元及以上的为小型企业；从业人员10人以下或资产总额100万元以下的为微型企业。',
  '(十六)其他未列明行业：从业人员300人以下的为中小微型企业。其中，从业人员100人及以上的为中型企业；从业人员10人及以上的为小型企业；从业人员10人以下的为微型企业。',
];

const MEASURE_BY_NAME: Record<string, { measure: Measure; unit: string }> = {
  从业人员: { measure: 'employees', unit: '人' },
  营业收入: { measure: 'revenue', unit: '万元' },
  资产总额: { measure: 'assets', unit: '万元' },
};

type Term = { measure: Measure; value: number; side: '以下' | '及以上' };

/** One condition of a clause: its terms and the word that joins them. */
function parseCondition(text: string, side: Term['side'], joiner: RegExp): Term[] {
  const parts = text.split(joiner);
  return parts.map((part) => {
    const match = /^(从业人员|营业收入|资产总额)(\d+)(人|万元)(以下|及以上)$/.exec(part);
    if (match === null) throw new Error(`Cannot read “${part}”`);
    const { measure, unit } = MEASURE_BY_NAME[match[1]];
    expect({ unit: match[3], side: match[4] }).toEqual({ unit, side });
    return { measure, value: Number(match[2]), side };
  });
}

/** Reads a clause of 第四条 into the same shape as the data table, checking its wording on the way. */
function parseClause(text: string): { labelZh: string; measures: MeasureBounds[] } {
  const match = /^\(([一二三四五六七八九十]+)\)(.+?)：(.+?)的为中小微型企业。其中，(.+?)的为中型企业[，；](.+?)的为小型企业[，；](.+?)的为微型企业。$/.exec(text);
  if (match === null) throw new Error(`Cannot read clause “${text}”`);
  const [, , labelZh, smeText, mediumText, smallText, microText] = match;
  const sme = parseCondition(smeText, '以下', /或/);
  const medium = parseCondition(mediumText, '及以上', /，且/);
  const small = parseCondition(smallText, '及以上', /，且/);
  const micro = parseCondition(microText, '以下', /或/);
  const measures = sme.map((t) => t.measure);
  for (const condition of [medium, small, micro]) expect(condition.map((t) => t.measure)).toEqual(measures);
  expect(micro.map((t) => t.value)).toEqual(small.map((t) => t.value));
  return {
    labelZh,
    measures: sme.map((t, i) => ({ measure: t.measure, smeBelow: t.value, mediumFrom: medium[i].value, smallFrom: small[i].value })),
  };
}

describe('Size standard 工信部联企业〔2011〕300号 (data)', () => {
  it('is versioned data with its document number and date', () => {
    expect(MIIT_2011_300).toMatchObject({
      id: 'MIIT-2011-300',
      documentNumber: '工信部联企业〔2011〕300号',
      title: '中小企业划型标准规定',
      effectiveFrom: '2011-06-18',
    });
    expect(SIZE_STANDARDS).toContain(MIIT_2011_300);
  });

  it('has one row per industry code, in the order of 第四条', () => {
    expect(MIIT_2011_300.industries.map((r) => r.industry)).toEqual([...industries.codes]);
  });

  it.each(MIIT_2011_300.industries.map((row, i) => [row.clause, row.labelZh, row, ARTICLE_4[i]] as const))(
    '%s %s says what the text of 第四条 says',
    (_clause, _label, row, text) => {
      expect({ labelZh: row.labelZh, measures: row.measures }).toEqual(parseClause(text));
    },
  );

  it.each(MIIT_2011_300.industries.map((row) => [row.industry, row] as const))('%s: 小型 bound < 中型 bound < SME bound', (_, row) => {
    for (const b of row.measures) {
      expect(b.smallFrom).toBeLessThan(b.mediumFrom);
      expect(b.mediumFrom).toBeLessThan(b.smeBelow);
    }
  });

  it('is read from its data file only when every code and bound is one the rules know', () => {
    const row = MIIT_2011_300.industries[1];
    const withRow = (changed: object) => ({ ...MIIT_2011_300, industries: [{ ...row, ...changed }] });
    expect(sizeStandardOf(withRow({}))).toMatchObject({ industries: [row] });
    expect(() => sizeStandardOf(withRow({ industry: 'MINING' }))).toThrow('MIIT-2011-300: unknown industry MINING');
    expect(() => sizeStandardOf(withRow({ measures: [{ ...row.measures[0], measure: 'profit' }] }))).toThrow('unknown measure profit');
    expect(() => sizeStandardOf(withRow({ measures: [{ ...row.measures[0], smallFrom: -1 }] }))).toThrow('bounds must be positive numbers');
    expect(() => sizeStandardOf(withRow({ measures: [] }))).toThrow('measures must list at least one');
    expect(() => sizeStandardOf({ ...MIIT_2011_300, effectiveFrom: '2011' })).toThrow('effectiveFrom must be a date');
    expect(() => sizeStandardOf({ ...MIIT_2011_300, industries: [] })).toThrow('industries must list its rows');
  });

  it('is the standard in force from 2011-06-18', () => {
    expect(sizeStandardOn('2011-06-17')).toBeUndefined();
    expect(sizeStandardOn('2011-06-18')).toBe(MIIT_2011_300);
    expect(sizeStandardOn('2024-01-01')).toBe(MIIT_2011_300);
  });

  it('picks the latest revision in force on the date', () => {
    const revised = { ...MIIT_2011_300, id: 'REVISED', effectiveFrom: '2030-01-01' };
    expect(sizeStandardOn('2029-12-31', [MIIT_2011_300, revised])).toBe(MIIT_2011_300);
    expect(sizeStandardOn('2030-01-01', [revised, MIIT_2011_300])).toBe(revised);
  });
});

/** The smallest step below a bound: one person, or 0.01 万元 (one hundred yuan). */
const step = (measure: Measure) => (measure === 'employees' ? 1 : 0.01);
const justBelow = (measure: Measure, bound: number) => Math.round((bound - step(measure)) * 100) / 100;

type Level = 'smeBelow' | 'mediumFrom' | 'smallFrom';
/** At each bound the class on and just below it, when every other measure sits on its own bound of that level. */
const EXPECTED: Record<Level, { at: SizeClass; below: SizeClass }> = {
  smeBelow: { at: 'LARGE', below: 'MEDIUM' },
  mediumFrom: { at: 'MEDIUM', below: 'SMALL' },
  smallFrom: { at: 'SMALL', below: 'MICRO' },
};

const boundaryCases = MIIT_2011_300.industries.flatMap((row) =>
  row.measures.flatMap((tested) =>
    (Object.keys(EXPECTED) as Level[]).map((level) => {
      const others = Object.fromEntries(row.measures.map((b) => [b.measure, b[level]]));
      return { industry: row.industry, measure: tested.measure, level, bound: tested[level], others };
    }),
  ),
);

describe('classifySize on every bound of every row (generated from the table)', () => {
  it.each(boundaryCases)('$industry $measure $level $bound', ({ industry, measure, level, bound, others }) => {
    expect(classOf(industry, { ...others, [measure]: bound })).toBe(EXPECTED[level].at);
    expect(classOf(industry, { ...others, [measure]: justBelow(measure, bound) })).toBe(EXPECTED[level].below);
  });

  it.each(boundaryCases.filter((c) => c.level === 'smallFrom'))(
    '$industry: $measure below its 小型 bound makes 微型 even with every other measure at its SME ceiling (或)',
    ({ industry, measure, bound }) => {
      const row = MIIT_2011_300.industries.find((r) => r.industry === industry)!;
      const ceiling = Object.fromEntries(row.measures.map((b) => [b.measure, b.smeBelow]));
      expect(classOf(industry, { ...ceiling, [measure]: justBelow(measure, bound) })).toBe('MICRO');
    },
  );

  it.each(boundaryCases.filter((c) => c.level === 'smeBelow'))(
    '$industry: $measure below its SME bound makes an SME however large the others are (或)',
    ({ industry, measure, bound }) => {
      const row = MIIT_2011_300.industries.find((r) => r.industry === industry)!;
      const huge = Object.fromEntries(row.measures.map((b) => [b.measure, b.smeBelow * 10]));
      expect(classOf(industry, { ...huge, [measure]: justBelow(measure, bound) })).not.toBe('LARGE');
    },
  );
});

type Case = [SizeFigures, SizeClass];
/** Written from the text of 第四条 by hand, not from the table: a wrong number in the table fails here. */
const BY_HAND: Record<IndustryCode, Case[]> = {
  AGRICULTURE: [
    [{ revenue: 20000 }, 'LARGE'],
    [{ revenue: 19999.99 }, 'MEDIUM'],
    [{ revenue: 500 }, 'MEDIUM'],
    [{ revenue: 499.99 }, 'SMALL'],
    [{ revenue: 50 }, 'SMALL'],
    [{ revenue: 49.99 }, 'MICRO'],
    [{ revenue: 0 }, 'MICRO'],
  ],
  INDUSTRY: [
    [{ employees: 1000, revenue: 40000 }, 'LARGE'],
    [{ employees: 999, revenue: 40000 }, 'MEDIUM'],
    [{ employees: 1000, revenue: 39999.99 }, 'MEDIUM'],
    [{ employees: 300, revenue: 2000 }, 'MEDIUM'],
    [{ employees: 299, revenue: 2000 }, 'SMALL'],
    [{ employees: 300, revenue: 1999.99 }, 'SMALL'],
    [{ employees: 20, revenue: 300 }, 'SMALL'],
    [{ employees: 19, revenue: 300 }, 'MICRO'],
    [{ employees: 20, revenue: 299.99 }, 'MICRO'],
    [{ employees: 5000, revenue: 100 }, 'MICRO'],
  ],
  CONSTRUCTION: [
    [{ revenue: 80000, assets: 80000 }, 'LARGE'],
    [{ revenue: 79999.99, assets: 80000 }, 'MEDIUM'],
    [{ revenue: 80000, assets: 79999.99 }, 'MEDIUM'],
    [{ revenue: 6000, assets: 5000 }, 'MEDIUM'],
    [{ revenue: 5999.99, assets: 5000 }, 'SMALL'],
    [{ revenue: 6000, assets: 4999.99 }, 'SMALL'],
    [{ revenue: 300, assets: 300 }, 'SMALL'],
    [{ revenue: 299.99, assets: 300 }, 'MICRO'],
    [{ revenue: 300, assets: 299.99 }, 'MICRO'],
  ],
  WHOLESALE: [
    [{ employees: 200, revenue: 40000 }, 'LARGE'],
    [{ employees: 199, revenue: 40000 }, 'MEDIUM'],
    [{ employees: 20, revenue: 5000 }, 'MEDIUM'],
    [{ employees: 19, revenue: 5000 }, 'SMALL'],
    [{ employees: 20, revenue: 4999.99 }, 'SMALL'],
    [{ employees: 5, revenue: 1000 }, 'SMALL'],
    [{ employees: 4, revenue: 1000 }, 'MICRO'],
    [{ employees: 5, revenue: 999.99 }, 'MICRO'],
  ],
  RETAIL: [
    [{ employees: 300, revenue: 20000 }, 'LARGE'],
    [{ employees: 299, revenue: 20000 }, 'MEDIUM'],
    [{ employees: 50, revenue: 500 }, 'MEDIUM'],
    [{ employees: 49, revenue: 500 }, 'SMALL'],
    [{ employees: 50, revenue: 499.99 }, 'SMALL'],
    [{ employees: 10, revenue: 100 }, 'SMALL'],
    [{ employees: 9, revenue: 100 }, 'MICRO'],
    [{ employees: 10, revenue: 99.99 }, 'MICRO'],
  ],
  TRANSPORT: [
    [{ employees: 1000, revenue: 30000 }, 'LARGE'],
    [{ employees: 1000, revenue: 29999.99 }, 'MEDIUM'],
    [{ employees: 300, revenue: 3000 }, 'MEDIUM'],
    [{ employees: 299, revenue: 3000 }, 'SMALL'],
    [{ employees: 300, revenue: 2999.99 }, 'SMALL'],
    [{ employees: 20, revenue: 200 }, 'SMALL'],
    [{ employees: 19, revenue: 200 }, 'MICRO'],
    [{ employees: 20, revenue: 199.99 }, 'MICRO'],
  ],
  WAREHOUSING: [
    [{ employees: 200, revenue: 30000 }, 'LARGE'],
    [{ employees: 199, revenue: 30000 }, 'MEDIUM'],
    [{ employees: 100, revenue: 1000 }, 'MEDIUM'],
    [{ employees: 99, revenue: 1000 }, 'SMALL'],
    [{ employees: 100, revenue: 999.99 }, 'SMALL'],
    [{ employees: 20, revenue: 100 }, 'SMALL'],
    [{ employees: 19, revenue: 100 }, 'MICRO'],
    [{ employees: 20, revenue: 99.99 }, 'MICRO'],
  ],
  POSTAL: [
    [{ employees: 1000, revenue: 30000 }, 'LARGE'],
    [{ employees: 999, revenue: 30000 }, 'MEDIUM'],
    [{ employees: 300, revenue: 2000 }, 'MEDIUM'],
    [{ employees: 299, revenue: 2000 }, 'SMALL'],
    [{ employees: 300, revenue: 1999.99 }, 'SMALL'],
    [{ employees: 20, revenue: 100 }, 'SMALL'],
    [{ employees: 19, revenue: 100 }, 'MICRO'],
    [{ employees: 20, revenue: 99.99 }, 'MICRO'],
  ],
  ACCOMMODATION: [
    [{ employees: 300, revenue: 10000 }, 'LARGE'],
    [{ employees: 300, revenue: 9999.99 }, 'MEDIUM'],
    [{ employees: 100, revenue: 2000 }, 'MEDIUM'],
    [{ employees: 99, revenue: 2000 }, 'SMALL'],
    [{ employees: 100, revenue: 1999.99 }, 'SMALL'],
    [{ employees: 10, revenue: 100 }, 'SMALL'],
    [{ employees: 9, revenue: 100 }, 'MICRO'],
    [{ employees: 10, revenue: 99.99 }, 'MICRO'],
  ],
  CATERING: [
    [{ employees: 301, revenue: 10000 }, 'LARGE'],
    [{ employees: 299, revenue: 10000 }, 'MEDIUM'],
    [{ employees: 150, revenue: 2000 }, 'MEDIUM'],
    [{ employees: 99, revenue: 9000 }, 'SMALL'],
    [{ employees: 280, revenue: 1999.99 }, 'SMALL'],
    [{ employees: 10, revenue: 100 }, 'SMALL'],
    [{ employees: 9, revenue: 9999 }, 'MICRO'],
    [{ employees: 250, revenue: 99.99 }, 'MICRO'],
  ],
  INFORMATION_TRANSMISSION: [
    [{ employees: 2000, revenue: 100000 }, 'LARGE'],
    [{ employees: 1999, revenue: 100000 }, 'MEDIUM'],
    [{ employees: 100, revenue: 1000 }, 'MEDIUM'],
    [{ employees: 99, revenue: 1000 }, 'SMALL'],
    [{ employees: 100, revenue: 999.99 }, 'SMALL'],
    [{ employees: 10, revenue: 100 }, 'SMALL'],
    [{ employees: 9, revenue: 100 }, 'MICRO'],
    [{ employees: 10, revenue: 99.99 }, 'MICRO'],
  ],
  SOFTWARE_IT: [
    [{ employees: 300, revenue: 10000 }, 'LARGE'],
    [{ employees: 299, revenue: 10000 }, 'MEDIUM'],
    [{ employees: 100, revenue: 1000 }, 'MEDIUM'],
    [{ employees: 99, revenue: 1000 }, 'SMALL'],
    [{ employees: 100, revenue: 999.99 }, 'SMALL'],
    [{ employees: 10, revenue: 50 }, 'SMALL'],
    [{ employees: 9, revenue: 50 }, 'MICRO'],
    [{ employees: 10, revenue: 49.99 }, 'MICRO'],
  ],
  REAL_ESTATE: [
    [{ revenue: 200000, assets: 10000 }, 'LARGE'],
    [{ revenue: 199999.99, assets: 10000 }, 'MEDIUM'],
    [{ revenue: 200000, assets: 9999.99 }, 'MEDIUM'],
    [{ revenue: 1000, assets: 5000 }, 'MEDIUM'],
    [{ revenue: 999.99, assets: 5000 }, 'SMALL'],
    [{ revenue: 1000, assets: 4999.99 }, 'SMALL'],
    [{ revenue: 100, assets: 2000 }, 'SMALL'],
    [{ revenue: 99.99, assets: 2000 }, 'MICRO'],
    [{ revenue: 100, assets: 1999.99 }, 'MICRO'],
  ],
  PROPERTY_MANAGEMENT: [
    [{ employees: 1000, revenue: 5000 }, 'LARGE'],
    [{ employees: 999, revenue: 5000 }, 'MEDIUM'],
    [{ employees: 300, revenue: 1000 }, 'MEDIUM'],
    [{ employees: 299, revenue: 1000 }, 'SMALL'],
    [{ employees: 300, revenue: 999.99 }, 'SMALL'],
    [{ employees: 100, revenue: 500 }, 'SMALL'],
    [{ employees: 99, revenue: 500 }, 'MICRO'],
    [{ employees: 100, revenue: 499.99 }, 'MICRO'],
  ],
  LEASING_BUSINESS_SERVICES: [
    [{ employees: 300, assets: 120000 }, 'LARGE'],
    [{ employees: 299, assets: 120000 }, 'MEDIUM'],
    [{ employees: 300, assets: 119999.99 }, 'MEDIUM'],
    [{ employees: 100, assets: 8000 }, 'MEDIUM'],
    [{ employees: 99, assets: 8000 }, 'SMALL'],
    [{ employees: 100, assets: 7999.99 }, 'SMALL'],
    [{ employees: 10, assets: 100 }, 'SMALL'],
    [{ employees: 9, assets: 100 }, 'MICRO'],
    [{ employees: 10, assets: 99.99 }, 'MICRO'],
  ],
  OTHER: [
    [{ employees: 300 }, 'LARGE'],
    [{ employees: 299 }, 'MEDIUM'],
    [{ employees: 100 }, 'MEDIUM'],
    [{ employees: 99 }, 'SMALL'],
    [{ employees: 10 }, 'SMALL'],
    [{ employees: 9 }, 'MICRO'],
    [{ employees: 0 }, 'MICRO'],
  ],
};

describe('classifySize against expectations written by hand', () => {
  it.each(industries.codes.flatMap((industry) => BY_HAND[industry].map(([figures, expected]) => ({ industry, figures, expected }))))(
    '$industry $figures → $expected',
    ({ industry, figures, expected }) => {
      expect(classOf(industry, figures)).toBe(expected);
    },
  );
});

describe('classifySize', () => {
  it('names the standard and the industry, and says why in Chinese', () => {
    const medium = classifySize(MIIT_2011_300, 'INDUSTRY', { employees: 350, revenue: 2500 });
    expect(medium).toEqual({
      sizeClass: 'MEDIUM',
      standardId: 'MIIT-2011-300',
      industry: 'INDUSTRY',
      basis:
        '依据《中小企业划型标准规定》（工信部联企业〔2011〕300号）第四条（二）工业：从业人员350人低于1000人或营业收入2500万元低于40000万元，属中小微型企业；' +
        '从业人员350人（300人及以上）且营业收入2500万元（2000万元及以上），为中型企业',
    });
    expect(classifySize(MIIT_2011_300, 'INDUSTRY', { employees: 1200, revenue: 50000 }).basis).toMatch(
      /从业人员1200人（1000人及以上）且营业收入50000万元（40000万元及以上），不属于中小微型企业，为大型企业$/,
    );
    expect(classifySize(MIIT_2011_300, 'INDUSTRY', { employees: 120, revenue: 2500 }).basis).toMatch(
      /从业人员120人低于300人，未达中型标准；从业人员120人（20人及以上）且营业收入2500万元（300万元及以上），为小型企业$/,
    );
    expect(classifySize(MIIT_2011_300, 'INDUSTRY', { employees: 12, revenue: 80 }).basis).toMatch(
      /从业人员12人低于20人或营业收入80万元低于300万元，为微型企业$/,
    );
  });

  it('ignores the measures the row does not use', () => {
    expect(classOf('OTHER', { employees: 50, revenue: 1_000_000, assets: 1_000_000 })).toBe('SMALL');
    expect(classOf('AGRICULTURE', { employees: 5000, revenue: 60 })).toBe('SMALL');
  });

  it('names each measure the row needs and the figures lack', () => {
    const error = domainErrorOf(() => classifySize(MIIT_2011_300, 'CONSTRUCTION', { employees: 80 }));
    expect(error).toMatchObject({ code: 'FIGURES_INCOMPLETE', kind: 'VALIDATION', field: 'figures.revenue' });
    expect(error.messageZh).toContain('营业收入、资产总额');
    expect(error.messageEn).toContain('revenue, assets');
    expect(domainErrorOf(() => classifySize(MIIT_2011_300, 'LEASING_BUSINESS_SERVICES', { employees: 80, revenue: 100 }))).toMatchObject({
      code: 'FIGURES_INCOMPLETE',
      field: 'figures.assets',
    });
  });

  it('refuses a negative or non-numeric figure', () => {
    expect(domainErrorOf(() => classifySize(MIIT_2011_300, 'OTHER', { employees: -1 }))).toMatchObject({ code: 'FIELD_INVALID', field: 'figures.employees' });
    expect(domainErrorOf(() => classifySize(MIIT_2011_300, 'AGRICULTURE', { revenue: Number.NaN }))).toMatchObject({ code: 'FIELD_INVALID', field: 'figures.revenue' });
  });

  it('refuses an industry the standard does not list', () => {
    expect(domainErrorOf(() => classifySize(MIIT_2011_300, 'MINING' as IndustryCode, { employees: 1 }))).toMatchObject({
      code: 'INDUSTRY_CODE_INVALID',
      kind: 'VALIDATION',
      field: 'industryCode',
    });
    const withoutPostal = { ...MIIT_2011_300, industries: MIIT_2011_300.industries.filter((r) => r.industry !== 'POSTAL') };
    expect(domainErrorOf(() => classifySize(withoutPostal, 'POSTAL', { employees: 1, revenue: 1 }))).toMatchObject({ code: 'INDUSTRY_CODE_INVALID', field: 'industryCode' });
  });
});
