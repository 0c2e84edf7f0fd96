import { requireDistinctCodes } from '../shared/code-lists';
import { requireSha256 } from '../shared/digest';
import { invalid } from '../shared/domain-error';
import { checkEvidence } from '../shared/evidence';
import { fieldInvalid, isEmail, isPhone, requireFormat, requireNonEmptyList, requireText } from '../shared/validation';
import type { ProviderContact, ProviderMaterial, ProviderRemovalEvidence } from './provider.events';
import { EVALUATION_PERIOD_PATTERN, MONITORING_DEFAULT_PASS_MARK, MONITORING_DEFAULT_WEIGHTS, monitoringDimensions, type MonitoringScores, type MonitoringWeights } from './monitoring';
import { removalGrounds, type ProviderRemovalGround } from './removal-grounds';
import { serviceDomains, type ServiceDomain } from '../shared/service-domains';

/** At least one material, each with a kind, a file name and the file's SHA-256 (stored in lower case). */
export function checkProviderMaterials(materials: unknown, field: string): ProviderMaterial[] {
  const required = { code: 'ENTRY_MATERIALS_REQUIRED', zh: '须提交至少一份资质或证明材料', en: 'At least one qualification or supporting material is required' };
  return requireNonEmptyList(materials, field, required).map((given, i): ProviderMaterial => {
    const material = given as Partial<ProviderMaterial> | undefined;
    const at = `${field}.${i}`;
    const kind = requireText(material?.kind, `${at}.kind`, { zh: '材料类别', en: 'Material kind' });
    const fileName = requireText(material?.fileName, `${at}.fileName`, { zh: '文件名', en: 'File name' });
    return { kind, fileName, sha256: requireSha256(material?.sha256, `${at}.sha256`) };
  });
}

export function checkProviderContact(contact: Partial<ProviderContact> | undefined, field: string): ProviderContact {
  return {
    name: requireText(contact?.name, `${field}.name`, { zh: '联系人姓名', en: 'Contact name' }),
    phone: requireFormat(contact?.phone, isPhone, `${field}.phone`, { zh: '联系电话', en: 'Contact phone' }, '电话号码', 'a phone number'),
    email: requireFormat(contact?.email, isEmail, `${field}.email`, { zh: '电子邮箱', en: 'Contact e-mail' }, '电子邮箱地址', 'an e-mail address'),
  };
}

/** A non-empty list of non-blank texts, trimmed; `code` when the list is missing or empty. */
export function checkTextList(values: unknown, field: string, code: string, zh: string, en: string): string[] {
  return requireNonEmptyList(values, field, { code, zh, en }).map((value, i) => requireText(value, `${field}.${i}`, { zh: '理由', en: 'Reason' }));
}

/** At least one of the 出库 grounds, each once (REMOVAL_GROUNDS_REQUIRED, else FIELD_INVALID at `grounds.i`). */
export const checkRemovalGrounds = (grounds: unknown, field: string): ProviderRemovalGround[] =>
  requireDistinctCodes(grounds, field, {
    is: removalGrounds.is,
    label: { zh: '出库理由', en: 'Ground' },
    required: { code: 'REMOVAL_GROUNDS_REQUIRED', zh: '须至少列明一项出库理由', en: 'At least one ground for removal must be given' },
    unknown: { zh: `须为以下之一：${Object.values(removalGrounds.labels).map((l) => l.zh).join('、')}`, en: 'must be one of the removal grounds' },
  });

/** At least one item of evidence: a description, optionally a file name and its SHA-256. */
export const checkRemovalEvidence = (evidence: unknown, field: string): ProviderRemovalEvidence[] =>
  checkEvidence(evidence, field, { code: 'REMOVAL_EVIDENCE_REQUIRED', zh: '须提供出库理由的证据', en: 'Evidence for the removal is required' });

const EVALUATION_PERIOD = new RegExp(EVALUATION_PERIOD_PATTERN);

/** 监测评价 period: a year, a half-year or a quarter, e.g. '2024', '2024-H1', '2024-Q3'. */
export const isEvaluationPeriod = (value: string): boolean => EVALUATION_PERIOD.test(value);

/** A non-empty list of known domains, each once (SERVICE_DOMAINS_REQUIRED, else FIELD_INVALID at `field.i`). */
export const checkServiceDomains = (domains: unknown, field: string): ServiceDomain[] =>
  requireDistinctCodes(domains, field, {
    is: serviceDomains.is,
    label: { zh: '服务领域', en: 'Service domain' },
    required: { code: 'SERVICE_DOMAINS_REQUIRED', zh: '须至少选择一个服务领域', en: 'At least one service domain is required' },
    unknown: { zh: `须为以下之一：${serviceDomains.codes.join('、')}`, en: `must be one of ${serviceDomains.codes.join(', ')}` },
  });

const isScore = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;

export function checkMonitoringScores(scores: unknown, field: string): MonitoringScores {
  const given = (typeof scores === 'object' && scores !== null ? scores : {}) as Record<string, unknown>;
  const checked = {} as MonitoringScores;
  for (const dimension of monitoringDimensions.codes) {
    const value = given[dimension];
    if (!isScore(value)) {
      throw fieldInvalid(`${field}.${dimension}`, monitoringDimensions.labels[dimension], '得分须为0–100的数值', 'score must be a number from 0 to 100');
    }
    checked[dimension] = value;
  }
  return checked;
}

/** WEIGHTS_INVALID unless every dimension has a finite weight ≥ 0 and at least one is positive. */
export function checkMonitoringWeights(weights: unknown, field: string): MonitoringWeights {
  if (weights === undefined) return { ...MONITORING_DEFAULT_WEIGHTS };
  const given = (typeof weights === 'object' && weights !== null ? weights : {}) as Record<string, unknown>;
  const valid = monitoringDimensions.codes.every((d) => typeof given[d] === 'number' && Number.isFinite(given[d]) && (given[d] as number) >= 0);
  if (!valid || monitoringDimensions.codes.every((d) => given[d] === 0)) {
    throw invalid(
      'WEIGHTS_INVALID',
      '权重须为服务能力、服务管理、服务质量、服务满意度四项各一个不小于0的数值，且不能全为0',
      'Weights need a number ≥ 0 for each of capability, management, quality and satisfaction, not all zero',
      field,
    );
  }
  return Object.fromEntries(monitoringDimensions.codes.map((d) => [d, given[d]])) as MonitoringWeights;
}

/** A pass mark 0–100 (default 60). */
export function checkPassMark(passMark: unknown, field: string): number {
  if (passMark === undefined) return MONITORING_DEFAULT_PASS_MARK;
  if (!isScore(passMark)) throw fieldInvalid(field, { zh: '合格分数线', en: 'Pass mark' }, '须为0–100的数值', 'must be a number from 0 to 100');
  return passMark;
}
