import { isBusinessDate } from '../shared/dates';
import { isWithinRegion, REGION_CODE_PATTERN } from '../shared/region-code';
import { arrayOf, closed, matching, oneOf, optional, type Static, type TSchema } from '../shared/schema/builders';
import { EnterpriseTagSchema, type EnterpriseTagCode } from '../enterprise/enterprise-tags';
import { IndustryCodeSchema, SizeClassSchema, type IndustryCode, type SizeClass } from '../shared/size-class';

/** Whether an enterprise needs ANY one of the listed tags or ALL of them. */
export const TAGS_MODES = ['ANY', 'ALL'] as const;
export type TagsMode = (typeof TAGS_MODES)[number];

const codes = <T extends TSchema>(item: T, description: string) => arrayOf(item, { minItems: 1, uniqueItems: true, description });

/** Who a policy is for. A criterion left out restricts nothing; `tagsMode` is given exactly when `tags` is. */
export const PolicyEligibilitySchema = closed(
  {
    industries: optional(codes(IndustryCodeSchema, '适用行业, in the order of the size standard’s industries')),
    sizeClasses: optional(codes(SizeClassSchema, '企业规模')),
    tags: optional(codes(EnterpriseTagSchema, '企业称号')),
    tagsMode: optional(oneOf(TAGS_MODES, 'ANY: one of the tags valid on the day; ALL: every one. Present exactly when tags is')),
    regionCodes: optional(
      codes(
        matching(REGION_CODE_PATTERN),
        'GB/T 2260 codes, sorted: a district matches itself, a city its districts, a province its cities and districts. A sub-national policy always has them, inside its issuing region',
      ),
    ),
  },
  { $id: 'PolicyEligibility', description: 'Who the policy is for; a criterion left out restricts nothing' },
);
export type PolicyEligibility = Static<typeof PolicyEligibilitySchema>;

/** A tag an enterprise holds between two business dates, both inclusive; open-ended without `validUntil`. */
export type MatchableTag = { tag: EnterpriseTagCode; validFrom: string; validUntil?: string };

export type MatchableEnterprise = {
  industryCode: IndustryCode;
  sizeClass: SizeClass;
  /** Where the enterprise is registered, usually a district (county-level) code. */
  regionCode: string;
  tags: readonly MatchableTag[];
};

/**
 * What matching needs of a policy. `effectiveUntil` is the last day in force (inclusive);
 * `repealedOn` is the day the repeal takes effect (自…起废止), the first day no longer in force.
 */
export type MatchablePolicy = {
  effectiveFrom: string;
  effectiveUntil?: string;
  repealedOn?: string;
  eligibility: PolicyEligibility;
};

export const ELIGIBILITY_CRITERIA = [
  'EFFECTIVE_FROM',
  'EFFECTIVE_UNTIL',
  'NOT_REPEALED',
  'INDUSTRY',
  'SIZE_CLASS',
  'TAGS',
  'REGION',
] as const;
export type EligibilityCriterion = (typeof ELIGIBILITY_CRITERIA)[number];

export type EligibilityReason = { criterion: EligibilityCriterion; met: boolean; detail: string; detailEn: string };

export type EligibilityResult = { eligible: boolean; reasons: EligibilityReason[] };

/** Business dates 'YYYY-MM-DD' compare as strings. */
export const isTagValidOn = (tag: MatchableTag, on: string): boolean =>
  tag.validFrom <= on && (tag.validUntil === undefined || on <= tag.validUntil);

const reason = (criterion: EligibilityCriterion, met: boolean, detail: string, detailEn: string): EligibilityReason => ({
  criterion,
  met,
  detail,
  detailEn,
});

function inForce(policy: MatchablePolicy, on: string): EligibilityReason[] {
  const { effectiveFrom, effectiveUntil, repealedOn } = policy;
  const started = effectiveFrom <= on;
  const notExpired = effectiveUntil === undefined || on <= effectiveUntil;
  const notRepealed = repealedOn === undefined || on < repealedOn;
  return [
    started
      ? reason('EFFECTIVE_FROM', true, `自${effectiveFrom}起施行`, `in force from ${effectiveFrom}`)
      : reason('EFFECTIVE_FROM', false, `${on}早于施行日期${effectiveFrom}`, `${on} is before it takes effect on ${effectiveFrom}`),
    effectiveUntil === undefined
      ? reason('EFFECTIVE_UNTIL', true, '未设有效期截止日', 'no end date')
      : notExpired
        ? reason('EFFECTIVE_UNTIL', true, `有效期至${effectiveUntil}（含）`, `in force until ${effectiveUntil} inclusive`)
        : reason('EFFECTIVE_UNTIL', false, `有效期已于${effectiveUntil}届满`, `expired after ${effectiveUntil}`),
    repealedOn === undefined
      ? reason('NOT_REPEALED', true, '未废止', 'not repealed')
      : notRepealed
        ? reason('NOT_REPEALED', true, `自${repealedOn}起废止，${on}仍有效`, `repealed from ${repealedOn}; still in force on ${on}`)
        : reason('NOT_REPEALED', false, `已自${repealedOn}起废止`, `repealed from ${repealedOn}`),
  ];
}

function listCriterion<T extends string>(criterion: EligibilityCriterion, allowed: readonly T[] | undefined, actual: T, what: { zh: string; en: string }): EligibilityReason {
  if (allowed === undefined) return reason(criterion, true, `不限${what.zh}`, `any ${what.en}`);
  const list = allowed.join(', ');
  return allowed.includes(actual)
    ? reason(criterion, true, `${what.zh}${actual}在${list}之列`, `${what.en} ${actual} is one of ${list}`)
    : reason(criterion, false, `${what.zh}${actual}不在${list}之列`, `${what.en} ${actual} is not one of ${list}`);
}

function tagsCriterion(eligibility: PolicyEligibility, enterprise: MatchableEnterprise, on: string): EligibilityReason {
  const wanted = eligibility.tags;
  if (wanted === undefined) return reason('TAGS', true, '不限企业标签', 'any tags');
  const held = wanted.filter((tag) => enterprise.tags.some((t) => t.tag === tag && isTagValidOn(t, on)));
  const missing = wanted.filter((tag) => !held.includes(tag));
  if (eligibility.tagsMode === 'ALL') {
    return missing.length === 0
      ? reason('TAGS', true, `${on}持有全部有效标签：${held.join(', ')}`, `holds every tag on ${on}: ${held.join(', ')}`)
      : reason('TAGS', false, `${on}缺少有效标签：${missing.join(', ')}`, `lacks on ${on}: ${missing.join(', ')}`);
  }
  return held.length > 0
    ? reason('TAGS', true, `${on}持有有效标签：${held.join(', ')}`, `holds on ${on}: ${held.join(', ')}`)
    : reason('TAGS', false, `${on}未持有以下任一有效标签：${wanted.join(', ')}`, `holds none of ${wanted.join(', ')} on ${on}`);
}

function regionCriterion(regionCodes: readonly string[] | undefined, regionCode: string): EligibilityReason {
  if (regionCodes === undefined) return reason('REGION', true, '不限地区', 'any region');
  // Within a listed code: the same district; the same city prefix for a city; the same province prefix for a province.
  const within = regionCodes.find((code) => isWithinRegion(regionCode, code));
  return within !== undefined
    ? reason('REGION', true, `所在地${regionCode}属于${within}`, `region ${regionCode} lies within ${within}`)
    : reason('REGION', false, `所在地${regionCode}不在${regionCodes.join(', ')}范围内`, `region ${regionCode} is outside ${regionCodes.join(', ')}`);
}

/**
 * Whether an enterprise may benefit from a policy on a business date: the policy is in force that
 * day and the enterprise meets every criterion the policy states, tags counting only when valid
 * that day. Every criterion is reported, met or not, so a supervisor can see why.
 */
export function isEligible(policy: MatchablePolicy, enterprise: MatchableEnterprise, on: string): EligibilityResult {
  if (!isBusinessDate(on)) throw new RangeError(`Not a business date YYYY-MM-DD: ${on}`);
  const { eligibility } = policy;
  const reasons = [
    ...inForce(policy, on),
    listCriterion('INDUSTRY', eligibility.industries, enterprise.industryCode, { zh: '行业', en: 'industry' }),
    listCriterion('SIZE_CLASS', eligibility.sizeClasses, enterprise.sizeClass, { zh: '企业规模', en: 'size class' }),
    tagsCriterion(eligibility, enterprise, on),
    regionCriterion(eligibility.regionCodes, enterprise.regionCode),
  ];
  return { eligible: reasons.every((r) => r.met), reasons };
}
