import type { RecordLabel } from '../shared/record-kind';
import { chinaDateOf, compareBusinessDates } from '../shared/dates';
import { createdOnce, decideByType } from '../shared/decide-by-type';
import { assertNever, type Decider } from '../shared/decider';
import { invalid } from '../shared/domain-error';
import { fieldInvalid, requireBoolean, requireBusinessDate, requireText } from '../shared/validation';
import { retired, retirementOf, type Retirement } from '../shared/retirement';
import type { PublishCase, RetireCase, ServiceCaseCommand } from './case.commands';
import type { CaseEnterprise, ServiceCaseEvent, ServiceCaseEvents } from './case.events';
import { requireProviderInPool } from './product.rules';
import { checkServiceClassification } from './service-classification';

export type ServiceCaseRecord = ServiceCaseEvents['CasePublished']['data'];

export type ServiceCaseState =
  | { status: 'NONE' }
  | ({ status: 'PUBLISHED' } & ServiceCaseRecord)
  | (Retirement & ServiceCaseRecord);

export type ExistingServiceCase = Exclude<ServiceCaseState, { status: 'NONE' }>;

const initialState = (): ServiceCaseState => ({ status: 'NONE' });

function evolve(state: ServiceCaseState, event: ServiceCaseEvent): ServiceCaseState {
  switch (event.type) {
    case 'CasePublished':
      return { status: 'PUBLISHED', ...event.data };
    case 'CaseRetired':
      return state.status === 'PUBLISHED' ? retired(state, event.data) : state;
    default:
      return assertNever(event);
  }
}

/** How service case records are named when one is missing or is created a second time. */
export const CASE_RECORD: RecordLabel = { code: 'CASE', zh: '服务案例', en: 'service case' };

const decide = decideByType<ServiceCaseCommand, ServiceCaseState, ServiceCaseEvent, 'PublishCase'>({
  onNew: { PublishCase: createdOnce(CASE_RECORD, publish) },
  on: { RetireCase: retire },
  record: CASE_RECORD,
});

function checkEnterprise(value: unknown, path: string): CaseEnterprise {
  const given = (value ?? {}) as { anonymised?: unknown; name?: unknown; alias?: unknown };
  const anonymised = requireBoolean(given.anonymised, `${path}.anonymised`, { zh: '是否匿名', en: 'Anonymised' });
  if (!anonymised) {
    if (given.alias !== undefined) {
      throw fieldInvalid(`${path}.alias`, { zh: '企业代称', en: 'Alias' }, '仅匿名案例填写', 'is given only for an anonymised case');
    }
    return { anonymised, name: requireText(given.name, `${path}.name`, { zh: '服务企业名称', en: 'Enterprise name' }) };
  }
  if (given.name !== undefined) {
    throw invalid(
      'ANONYMISED_NAME_GIVEN',
      '匿名案例不得提交企业真实名称（事件一经记录不可删除）',
      'An anonymised case must not carry the enterprise’s real name (a stored event is never erased)',
      `${path}.name`,
    );
  }
  return { anonymised, alias: requireText(given.alias, `${path}.alias`, { zh: '企业代称', en: 'Alias' }) };
}

function publish(command: PublishCase, state: ServiceCaseState): ServiceCaseEvent[] {
  const { data, metadata } = command;
  requireProviderInPool(data.providerInPool);
  const providerOrgId = requireText(data.providerOrgId, 'providerOrgId', { zh: '服务机构', en: 'Provider organisation' });
  const caseId = requireText(data.caseId, 'caseId', { zh: '服务案例编号', en: 'Case id' });
  const providerId = requireText(data.providerId, 'providerId', { zh: '服务机构编号', en: 'Provider id' });
  const productId = data.productId === undefined ? undefined : requireText(data.productId, 'productId', { zh: '服务产品编号', en: 'Product id' });
  const title = requireText(data.title, 'title', { zh: '案例标题', en: 'Title' });
  const enterprise = checkEnterprise(data.enterprise, 'enterprise');
  const summary = requireText(data.summary, 'summary', { zh: '案例概述', en: 'Summary' });
  const outcome = requireText(data.outcome, 'outcome', { zh: '服务成效', en: 'Outcome' });
  const servedOn = requireBusinessDate(data.servedOn, 'servedOn', { zh: '服务日期', en: 'Served on' });
  const classification = checkServiceClassification(data.classification, 'classification');
  const today = chinaDateOf(metadata.now);
  if (compareBusinessDates(servedOn, today) > 0) {
    throw invalid('SERVED_ON_IN_FUTURE', `服务日期${servedOn}晚于今天（${today}），案例须为已完成的服务`, `A case records a service already delivered; ${servedOn} is after today (${today})`, 'servedOn');
  }
  return [
    {
      type: 'CasePublished',
      data: {
        caseId,
        providerId,
        providerOrgId,
        ...(productId === undefined ? {} : { productId }),
        title,
        enterprise,
        summary,
        outcome,
        servedOn,
        classification,
        publishedAt: metadata.now.toISOString(),
      },
    },
  ];
}


function retire(command: RetireCase, serviceCase: ExistingServiceCase): ServiceCaseEvent[] {
  return [{ type: 'CaseRetired', data: { caseId: serviceCase.caseId, ...retirementOf(serviceCase, command, CASE_RECORD) } }];
}

export const serviceCaseDecider: Decider<ServiceCaseCommand, ServiceCaseState, ServiceCaseEvent> = { initialState, evolve, decide };
