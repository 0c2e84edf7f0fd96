import { sizeClasses, type SizeClass } from '../shared/size-class';
import {
  ELIGIBILITY_CRITERIA,
  isEligible,
  isTagValidOn,
  type EligibilityCriterion,
  type MatchableEnterprise,
  type MatchablePolicy,
  type PolicyEligibility,
} from './policy-matching';

const policy = (eligibility: PolicyEligibility = {}, dates: Partial<MatchablePolicy> = {}): MatchablePolicy => ({
  effectiveFrom: '2024-01-01',
  effectiveUntil: '2025-12-31',
  ...dates,
  eligibility,
});

const enterprise = (overrides: Partial<MatchableEnterprise> = {}): MatchableEnterprise => ({
  industryCode: 'SOFTWARE_IT',
  sizeClass: 'SMALL',
  regionCode: '440106',
  tags: [],
  ...overrides,
});

const criterion = (result: ReturnType<typeof isEligible>, name: EligibilityCriterion) => {
  const found = result.reasons.find((r) => r.criterion === name);
  if (found === undefined) throw new Error(`no reason for ${name}`);
  return found;
};

describe('Policy matching (政策精准匹配)', () => {
  it('reports every criterion, in a fixed order, met or not', () => {
    const result = isEligible(policy(), enterprise(), '2024-06-01');
    expect(result.reasons.map((r) => r.criterion)).toEqual([...ELIGIBILITY_CRITERIA]);
    result.reasons.forEach((r) => {
      expect(r.detail).not.toBe('');
      expect(r.detailEn).not.toBe('');
    });
  });

  it('restricts nothing a policy leaves unstated', () => {
    const result = isEligible(policy({}, { effectiveUntil: undefined }), enterprise({ industryCode: 'AGRICULTURE', sizeClass: 'LARGE', regionCode: '110105' }), '2030-01-01');
    expect(result.eligible).toBe(true);
    expect(result.reasons.every((r) => r.met)).toBe(true);
    expect(criterion(result, 'REGION').detail).toBe('不限地区');
  });

  describe('in force on the date', () => {
    const repealedFromJuly = { repealedOn: '2024-07-01' };
    it.each<[string, Partial<MatchablePolicy>, string, EligibilityCriterion, boolean]>([
      ['the day before it takes effect', {}, '2023-12-31', 'EFFECTIVE_FROM', false],
      ['the day it takes effect', {}, '2024-01-01', 'EFFECTIVE_FROM', true],
      ['its last day (until is inclusive)', {}, '2025-12-31', 'EFFECTIVE_UNTIL', true],
      ['the day after its last day', {}, '2026-01-01', 'EFFECTIVE_UNTIL', false],
      ['the day before the repeal takes effect', repealedFromJuly, '2024-06-30', 'NOT_REPEALED', true],
      ['the day the repeal takes effect (自…起废止)', repealedFromJuly, '2024-07-01', 'NOT_REPEALED', false],
      ['after the repeal', repealedFromJuly, '2024-08-01', 'NOT_REPEALED', false],
    ])('%s', (_, dates, on, decidedBy, met) => {
      const result = isEligible(policy({}, dates), enterprise(), on);
      expect(criterion(result, decidedBy).met).toBe(met);
      expect(result.eligible).toBe(met);
    });

    it('is open-ended without an end date', () => {
      expect(isEligible(policy({}, { effectiveUntil: undefined }), enterprise(), '2099-12-31').eligible).toBe(true);
    });

    it('was never in force when repealed from the day it took effect', () => {
      expect(isEligible(policy({}, { repealedOn: '2024-01-01' }), enterprise(), '2024-01-01').eligible).toBe(false);
    });
  });

  describe('industry', () => {
    it('matches a listed industry and no other', () => {
      const p = policy({ industries: ['INDUSTRY', 'SOFTWARE_IT'] });
      expect(isEligible(p, enterprise({ industryCode: 'SOFTWARE_IT' }), '2024-06-01').eligible).toBe(true);
      const retail = isEligible(p, enterprise({ industryCode: 'RETAIL' }), '2024-06-01');
      expect(retail.eligible).toBe(false);
      expect(criterion(retail, 'INDUSTRY')).toMatchObject({ met: false, detailEn: 'industry RETAIL is not one of INDUSTRY, SOFTWARE_IT' });
    });
  });

  describe('size class', () => {
    it.each(sizeClasses.codes)('a policy for %s only matches that class', (only) => {
      const p = policy({ sizeClasses: [only] });
      sizeClasses.codes.forEach((sizeClass: SizeClass) => {
        expect(isEligible(p, enterprise({ sizeClass }), '2024-06-01').eligible).toBe(sizeClass === only);
      });
    });

    it.each<[SizeClass, boolean]>([
      ['LARGE', false],
      ['MEDIUM', false],
      ['SMALL', true],
      ['MICRO', true],
    ])('a policy for 小微 and a %s enterprise: %s', (sizeClass, met) => {
      const result = isEligible(policy({ sizeClasses: ['SMALL', 'MICRO'] }), enterprise({ sizeClass }), '2024-06-01');
      expect(criterion(result, 'SIZE_CLASS').met).toBe(met);
    });
  });

  describe('tags', () => {
    const specialised = { tag: 'SPECIALISED' as const, validFrom: '2023-03-01', validUntil: '2026-02-28' };
    const highTech = { tag: 'HIGH_TECH' as const, validFrom: '2022-12-01', validUntil: '2025-11-30' };

    it.each([
      ['the day before it is granted', '2023-02-28', false],
      ['the day it is granted', '2023-03-01', true],
      ['its last valid day', '2026-02-28', true],
      ['the day after its last valid day', '2026-03-01', false],
    ])('a tag counts from its first to its last valid day: %s', (_, on, met) => {
      expect(isTagValidOn(specialised, on)).toBe(met);
      const p = policy({ tags: ['SPECIALISED'], tagsMode: 'ANY' }, { effectiveFrom: '2020-01-01', effectiveUntil: undefined });
      expect(criterion(isEligible(p, enterprise({ tags: [specialised] }), on), 'TAGS').met).toBe(met);
    });

    it('an open-ended tag stays valid', () => {
      expect(isTagValidOn({ tag: 'TECH_BASED', validFrom: '2024-01-01' }, '2099-01-01')).toBe(true);
    });

    it('ANY: one valid listed tag is enough', () => {
      const p = policy({ tags: ['SPECIALISED', 'LITTLE_GIANT'], tagsMode: 'ANY' });
      expect(isEligible(p, enterprise({ tags: [specialised] }), '2024-06-01').eligible).toBe(true);
      expect(isEligible(p, enterprise({ tags: [highTech] }), '2024-06-01').eligible).toBe(false);
      expect(isEligible(p, enterprise({ tags: [] }), '2024-06-01').eligible).toBe(false);
    });

    it('ALL: every listed tag must be valid on the date', () => {
      const p = policy({ tags: ['SPECIALISED', 'HIGH_TECH'], tagsMode: 'ALL' });
      expect(isEligible(p, enterprise({ tags: [specialised, highTech] }), '2024-06-01').eligible).toBe(true);
      const onlyOne = isEligible(p, enterprise({ tags: [specialised] }), '2024-06-01');
      expect(onlyOne.eligible).toBe(false);
      expect(criterion(onlyOne, 'TAGS').detailEn).toBe('lacks on 2024-06-01: HIGH_TECH');
    });

    it('ALL: a tag that lapsed does not count even though it was held before', () => {
      const p = policy({ tags: ['SPECIALISED', 'HIGH_TECH'], tagsMode: 'ALL' });
      expect(isEligible(p, enterprise({ tags: [specialised, highTech] }), '2025-11-30').eligible).toBe(true);
      expect(isEligible(p, enterprise({ tags: [specialised, highTech] }), '2025-12-01').eligible).toBe(false);
    });

    it('ANY: the same tag held twice counts when either holding is valid', () => {
      const lapsed = { tag: 'SPECIALISED' as const, validFrom: '2019-01-01', validUntil: '2021-12-31' };
      const p = policy({ tags: ['SPECIALISED'], tagsMode: 'ANY' });
      expect(isEligible(p, enterprise({ tags: [lapsed, specialised] }), '2024-06-01').eligible).toBe(true);
      expect(isEligible(p, enterprise({ tags: [lapsed] }), '2024-06-01').eligible).toBe(false);
    });
  });

  describe('region', () => {
    it.each([
      ['a district code: that district', '440106', '440106', true],
      ['a district code: not a neighbouring district', '440106', '440105', false],
      ['a district code: not its city as a whole', '440106', '440100', false],
      ['a city code: its districts', '440100', '440106', true],
      ['a city code: itself', '440100', '440100', true],
      ['a city code: not another city’s district', '440100', '440306', false],
      ['a province code: a district of any of its cities', '440000', '440306', true],
      ['a province code: a city of it', '440000', '440300', true],
      ['a province code: not another province', '440000', '450102', false],
    ])('%s', (_, policyRegion, enterpriseRegion, met) => {
      const result = isEligible(policy({ regionCodes: [policyRegion] }), enterprise({ regionCode: enterpriseRegion }), '2024-06-01');
      expect(criterion(result, 'REGION').met).toBe(met);
      expect(result.eligible).toBe(met);
    });

    it('any listed region will do', () => {
      const p = policy({ regionCodes: ['440105', '440300'] });
      expect(isEligible(p, enterprise({ regionCode: '440305' }), '2024-06-01').eligible).toBe(true);
      expect(isEligible(p, enterprise({ regionCode: '440106' }), '2024-06-01').eligible).toBe(false);
    });

    it('a malformed code matches nothing', () => {
      expect(isEligible(policy({ regionCodes: ['4401'] }), enterprise(), '2024-06-01').eligible).toBe(false);
      expect(isEligible(policy({ regionCodes: ['440100'] }), enterprise({ regionCode: '4401xx' }), '2024-06-01').eligible).toBe(false);
    });
  });

  it('needs every stated criterion at once', () => {
    const p = policy({ industries: ['SOFTWARE_IT'], sizeClasses: ['SMALL'], tags: ['TECH_BASED'], tagsMode: 'ANY', regionCodes: ['440100'] });
    const tech = { tag: 'TECH_BASED' as const, validFrom: '2024-01-01', validUntil: '2024-12-31' };
    expect(isEligible(p, enterprise({ tags: [tech] }), '2024-06-01').eligible).toBe(true);
    const failing = isEligible(p, enterprise({ tags: [tech], sizeClass: 'MEDIUM', regionCode: '440306' }), '2024-06-01');
    expect(failing.eligible).toBe(false);
    expect(failing.reasons.filter((r) => !r.met).map((r) => r.criterion)).toEqual(['SIZE_CLASS', 'REGION']);
  });

  it('takes a business date only', () => {
    expect(() => isEligible(policy(), enterprise(), '2024-02-30')).toThrow(RangeError);
  });
});
