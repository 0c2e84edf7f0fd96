import { compareBusinessDates } from '../shared/dates';
import { invalid } from '../shared/domain-error';
import { isDocumentNumber } from '../shared/document-number';
import { isCityCode, isCountyCode, isProvinceCode, isRegionCode, isWithinRegion } from '../shared/region-code';
import { businessDate, documentNumber, optional, text, type Static, type TObject } from '../shared/schema/builders';
import { fieldInvalid, fieldRequired, isNonBlank, L, requireBusinessDate, requireOneOf, requireText } from '../shared/validation';
import { enterpriseTags } from '../enterprise/enterprise-tags';
import { codeLists, requireCodeSet, type CodeOf } from '../shared/code-lists';
import codes from './policy.codes.json';
import { industries, sizeClasses } from '../shared/size-class';
import { PolicyEligibilitySchema, TAGS_MODES, type PolicyEligibility } from './policy-matching';

export const { policyLevels } = codeLists(codes);

/** The level of the issuing government. */
export type PolicyLevel = CodeOf<typeof policyLevels>;

/** The policy as published and amended (level and region stay with the record); every version's event carries it whole. */
export const POLICY_CONTENT = {
  title: text('政策标题'),
  issuer: text('发文机关'),
  documentNumber: documentNumber('发文字号: issuer〔year〕number号, e.g. 工信部企业〔2023〕213号'),
  effectiveFrom: businessDate('施行日期: first day in force'),
  effectiveUntil: optional(businessDate('Last day in force, inclusive, not before effectiveFrom; absent when open-ended')),
  summary: text('政策摘要'),
  eligibility: PolicyEligibilitySchema,
};
export type PolicyContent = Static<TObject<typeof POLICY_CONTENT>>;

export const POLICY_CONTENT_FIELDS = ['title', 'issuer', 'documentNumber', 'effectiveFrom', 'effectiveUntil', 'summary', 'eligibility'] as const;

const present = (value: unknown): boolean => value !== undefined && value !== null;

const REGION_OF_LEVEL: Record<Exclude<PolicyLevel, 'NATIONAL'>, { test: (code: string) => boolean; zh: string; en: string }> = {
  PROVINCIAL: { test: isProvinceCode, zh: '省级行政区划代码', en: 'a province code' },
  MUNICIPAL: { test: isCityCode, zh: '地级市行政区划代码', en: 'a city code' },
  DISTRICT: { test: isCountyCode, zh: '区（县）级行政区划代码', en: 'a district (county-level) code' },
};

/**
 * The issuing region that fits the level: none for a national policy, a province, city or
 * district code for the others (POLICY_REGION_LEVEL_MISMATCH otherwise).
 */
export function checkPolicyRegion(level: PolicyLevel, regionCode: unknown, field = 'regionCode'): string | undefined {
  if (level === 'NATIONAL') {
    if (!present(regionCode)) return undefined;
    throw invalid('POLICY_REGION_LEVEL_MISMATCH', '国家级政策不设发文地区代码', 'A national policy has no issuing region code', field);
  }
  if (!isNonBlank(regionCode)) throw fieldRequired(field, L('发文地区代码', 'Issuing region code'));
  const fit = REGION_OF_LEVEL[level];
  if (!fit.test(regionCode)) {
    throw invalid(
      'POLICY_REGION_LEVEL_MISMATCH',
      `${policyLevels.labels[level].zh}政策的发文地区须为${fit.zh}，“${regionCode}”不符`,
      `A ${policyLevels.labels[level].en} policy's issuing region must be ${fit.en}, not "${regionCode}"`,
      field,
    );
  }
  return regionCode;
}

export function requireDocumentNumber(value: unknown, field: string): string {
  const documentNumber = requireText(value, field, L('发文字号', 'Document number'));
  if (!isDocumentNumber(documentNumber)) {
    throw invalid(
      'DOCUMENT_NUMBER_INVALID',
      `发文字号“${documentNumber}”格式应为“机关代字〔年份〕序号号”，如工信部企业〔2023〕213号`,
      `Document number "${documentNumber}" must read issuer〔YYYY〕number号, e.g. 工信部企业〔2023〕213号`,
      field,
    );
  }
  return documentNumber;
}

function checkRegionCodes(value: unknown, field: string, issuingRegion: string | undefined): string[] {
  const label = L('适用地区', 'Eligible region');
  if (!Array.isArray(value) || value.length === 0) throw fieldInvalid(field, label, '须为非空列表（不限地区则不填）', 'must be a non-empty list (leave it out for any region)');
  value.forEach((code: unknown, i) => {
    const at = `${field}.${i}`;
    if (typeof code !== 'string' || !isRegionCode(code)) throw fieldInvalid(at, label, '须为6位行政区划代码', 'must be a 6-digit region code');
    if (value.indexOf(code) !== i) throw fieldInvalid(at, label, '重复', 'is listed twice');
    if (issuingRegion !== undefined && !isWithinRegion(code, issuingRegion)) {
      throw invalid(
        'ELIGIBILITY_REGION_OUTSIDE_ISSUER',
        `适用地区“${code}”不在发文地区“${issuingRegion}”范围内`,
        `Eligible region "${code}" lies outside the issuing region "${issuingRegion}"`,
        at,
      );
    }
  });
  return [...(value as string[])].sort();
}

/**
 * Checks and normalises eligibility (codes in list order, regions sorted). A sub-national policy
 * applies only inside its issuing region: without `regionCodes` it gets that region, so a district's
 * subsidy is never matched to enterprises elsewhere; the event carries the restriction as applied.
 */
export function checkEligibility(value: unknown, path: string, issuingRegion: string | undefined): PolicyEligibility {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fieldRequired(path, L('适用条件', 'Eligibility'));
  const given = value as Record<keyof PolicyEligibility, unknown>;
  const eligibility: PolicyEligibility = {};
  if (present(given.industries)) eligibility.industries = requireCodeSet(given.industries, industries.codes, `${path}.industries`, L('适用行业', 'Industry'));
  if (present(given.sizeClasses)) eligibility.sizeClasses = requireCodeSet(given.sizeClasses, sizeClasses.codes, `${path}.sizeClasses`, L('企业规模', 'Size class'));
  if (present(given.tags)) {
    eligibility.tags = requireCodeSet(given.tags, enterpriseTags.codes, `${path}.tags`, L('企业标签', 'Tag'));
    if (!present(given.tagsMode)) throw fieldRequired(`${path}.tagsMode`, L('标签匹配方式', 'Tags mode'));
    eligibility.tagsMode = requireOneOf(given.tagsMode, TAGS_MODES, `${path}.tagsMode`, L('标签匹配方式', 'Tags mode'));
  } else if (present(given.tagsMode)) {
    throw fieldInvalid(`${path}.tagsMode`, L('标签匹配方式', 'Tags mode'), '仅在列明企业标签时填写', 'is given only with tags');
  }
  if (present(given.regionCodes)) eligibility.regionCodes = checkRegionCodes(given.regionCodes, `${path}.regionCodes`, issuingRegion);
  else if (issuingRegion !== undefined) eligibility.regionCodes = [issuingRegion];
  return eligibility;
}

/** The whole content, checked and normalised; `prefix` is where it sits in the command data. */
export function checkPolicyContent(content: PolicyContent, prefix: string, issuingRegion: string | undefined): PolicyContent {
  const at = (name: string) => (prefix === '' ? name : `${prefix}.${name}`);
  const title = requireText(content.title, at('title'), L('政策标题', 'Title'));
  const issuer = requireText(content.issuer, at('issuer'), L('发文机关', 'Issuer'));
  const documentNumber = requireDocumentNumber(content.documentNumber, at('documentNumber'));
  const effectiveFrom = requireBusinessDate(content.effectiveFrom, at('effectiveFrom'), L('施行日期', 'Effective from'));
  const effectiveUntil = present(content.effectiveUntil)
    ? requireBusinessDate(content.effectiveUntil, at('effectiveUntil'), L('有效期截止日期', 'Effective until'))
    : undefined;
  if (effectiveUntil !== undefined && compareBusinessDates(effectiveUntil, effectiveFrom) < 0) {
    throw invalid(
      'EFFECTIVE_UNTIL_BEFORE_FROM',
      `有效期截止日期（${effectiveUntil}）不得早于施行日期（${effectiveFrom}）`,
      `The end date (${effectiveUntil}) cannot be before the start date (${effectiveFrom})`,
      at('effectiveUntil'),
    );
  }
  const summary = requireText(content.summary, at('summary'), L('政策摘要', 'Summary'));
  const eligibility = checkEligibility(content.eligibility, at('eligibility'), issuingRegion);
  return { title, issuer, documentNumber, effectiveFrom, ...(effectiveUntil === undefined ? {} : { effectiveUntil }), summary, eligibility };
}
