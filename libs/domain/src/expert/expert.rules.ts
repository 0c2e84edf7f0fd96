import { conflict, invalid } from '../shared/domain-error';
import { requireUscc } from '../shared/uscc';
import { fieldInvalid, fieldRequired, isNonBlank, requireText } from '../shared/validation';
import { serviceDomains } from '../shared/service-domains';
import type { ExpertOrganisation, ExpertSpecialty } from './expert.commands';
import type { AdmittedExpert, ExistingExpert } from './expert.state';

/** The rules the expert decider checks a command's data and the record's status against. */

export function requireNotRemoved(expert: ExistingExpert): void {
  if (expert.status === 'REMOVED') throw conflict('EXPERT_REMOVED', '该专家已出库', 'The expert has been removed from the pool');
}

export function requireAdmitted(expert: ExistingExpert): asserts expert is AdmittedExpert {
  requireNotRemoved(expert);
  if (expert.status !== 'ADMITTED') throw conflict('EXPERT_NOT_ADMITTED', '该专家尚未入库', 'The expert has not been admitted yet');
}

export const LABEL = {
  expertId: { zh: '专家编号', en: 'Expert id' },
  name: { zh: '专家姓名', en: 'Expert name' },
  title: { zh: '职称或资格', en: 'Title or qualification' },
  reason: { zh: '原因', en: 'Reason' },
  until: { zh: '暂停截止日期', en: 'Suspended until' },
  detail: { zh: '专长说明', en: 'Specialty detail' },
  organisationId: { zh: '所在单位代码', en: 'Organisation id' },
  organisationName: { zh: '所在单位名称', en: 'Organisation name' },
};

/** At least one specialty, each a known domain with optional free text (required for OTHER), no two the same. */
export function checkSpecialties(specialties: unknown, field: string): ExpertSpecialty[] {
  if (!Array.isArray(specialties) || specialties.length === 0) {
    throw invalid('SPECIALTIES_REQUIRED', '须至少填写一项专长领域', 'At least one specialty is required', field);
  }
  const seen = new Set<string>();
  return specialties.map((specialty: Partial<ExpertSpecialty> | undefined, i): ExpertSpecialty => {
    const at = `${field}.${i}`;
    const domain = specialty?.domain;
    if (!serviceDomains.is(domain)) {
      throw fieldInvalid(`${at}.domain`, { zh: '专长领域', en: 'Specialty domain' }, `须为以下之一：${serviceDomains.codes.join('、')}`, `must be one of ${serviceDomains.codes.join(', ')}`);
    }
    const detail = specialty?.detail;
    if (detail !== undefined && !isNonBlank(detail)) throw fieldInvalid(`${at}.detail`, LABEL.detail, '不能为空白', 'cannot be blank');
    if (domain === 'OTHER' && detail === undefined) throw fieldRequired(`${at}.detail`, LABEL.detail);
    const checked = { domain, ...(detail === undefined ? {} : { detail: detail.trim() }) };
    const key = `${checked.domain}|${checked.detail ?? ''}`;
    if (seen.has(key)) throw fieldInvalid(at, { zh: '专长', en: 'Specialty' }, '重复', 'is listed twice');
    seen.add(key);
    return checked;
  });
}

/** An organisation id that reads like a USCC (18 letters and digits) must be a valid one; it is stored upper-cased. */
export function checkOrganisation(organisation: Partial<ExpertOrganisation> | undefined, field: string): ExpertOrganisation {
  let id = requireText(organisation?.id, `${field}.id`, LABEL.organisationId);
  if (/^[0-9A-Za-z]{18}$/.test(id)) {
    id = requireUscc(id, `${field}.id`);
  }
  return { id, name: requireText(organisation?.name, `${field}.name`, LABEL.organisationName) };
}

export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
