import { requireDocuments } from '../shared/documents';
import { conflict, invalid } from '../shared/domain-error';
import { sameOrganisation } from '../shared/organisation';
import { fieldInvalid, L, requireBusinessDate, requireFormat, requireText } from '../shared/validation';
import type { PlanActivity } from './activity.commands';
import type { ExistingActivity } from './activity.state';
import { HH_MM, type ActivityTime, type CoOrganiser, type ActivityMaterial, type ThemeMonthLink } from './activity.terms';

const isHhMm = (value: string) => new RegExp(HH_MM).test(value);

/** A day and the hours: HH:MM each, the end after the start. */
export function checkActivityTime(value: unknown, path = 'time'): ActivityTime {
  const given = (value ?? {}) as { date?: unknown; startTime?: unknown; endTime?: unknown };
  const date = requireBusinessDate(given.date, `${path}.date`, L('举办日期', 'Date'));
  const startTime = requireFormat(given.startTime, isHhMm, `${path}.startTime`, L('开始时间', 'Start time'), 'HH:MM', 'a time HH:MM');
  const endTime = requireFormat(given.endTime, isHhMm, `${path}.endTime`, L('结束时间', 'End time'), 'HH:MM', 'a time HH:MM');
  if (endTime <= startTime) throw fieldInvalid(`${path}.endTime`, L('结束时间', 'End time'), `须晚于开始时间（${startTime}）`, `must be after the start time (${startTime})`);
  return { date, startTime, endTime };
}

/** 协办单位: a list (possibly empty) of names, each once, with an organisation id where known. */
export function checkCoOrganisers(value: unknown): CoOrganiser[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw fieldInvalid('coOrganisers', L('协办单位', 'Co-organisers'), '须为列表', 'must be a list');
  const checked = value.map((item: unknown, i) => {
    const given = (item ?? {}) as { name?: unknown; orgId?: unknown };
    const name = requireText(given.name, `coOrganisers.${i}.name`, L('协办单位名称', 'Co-organiser name'));
    const orgId = given.orgId === undefined ? undefined : requireText(given.orgId, `coOrganisers.${i}.orgId`, L('协办单位代码', 'Co-organiser id'));
    return { name, ...(orgId === undefined ? {} : { orgId }) };
  });
  checked.forEach((c, i) => {
    if (checked.findIndex((o) => o.name === c.name) !== i) throw fieldInvalid(`coOrganisers.${i}.name`, L('协办单位', 'Co-organiser'), `“${c.name}”重复`, `"${c.name}" is listed twice`);
  });
  return checked;
}

export const checkMaterials = (value: unknown): ActivityMaterial[] =>
  requireDocuments(value, 'materials', { list: L('活动材料', 'Materials'), title: L('材料名称', 'Title') });

/** An ACTIVE station, a provider in the 库 on the day, a RECOGNISED centre; the hub always. */
export function requirePlanningFacts(data: PlanActivity['data']): void {
  if (data.facts.organiserMayOrganise) return;
  if (data.organiser.kind === 'PROVIDER') {
    throw conflict('PROVIDER_NOT_IN_POOL', `该服务机构在活动日期（${data.time.date}）不在优质服务机构库内`, `The provider is not in the quality pool on the activity's day (${data.time.date})`);
  }
  if (data.organiser.kind === 'CENTRE') {
    throw conflict('CENTRE_NOT_RECOGNISED', '该服务中心未达标或已撤销，不能组织活动', 'The centre is below its standard or closed; it cannot organise activities');
  }
  throw conflict('STATION_NOT_ACTIVE', '该服务站当前不在授牌有效期内（已撤销或退出），不能组织活动', 'The station is not active (revoked or withdrawn) and cannot organise an activity');
}

/** An activity of a theme month is held in that month. */
export function requireInThemeMonth(link: ThemeMonthLink | undefined, date: string): void {
  if (link === undefined) return;
  const month = `${link.year}-${String(link.month).padStart(2, '0')}`;
  if (!date.startsWith(month)) {
    throw invalid('NOT_IN_THEME_MONTH', `活动日期（${date}）不在所属主题月（${month}）内`, `The activity's day (${date}) is outside its theme month (${month})`, 'themeMonth');
  }
}

/** The enterprise present that the actor's organisation is. */
export function presentEnterpriseOf(a: ExistingActivity, orgId: string) {
  return a.held?.enterprisesPresent.find((e) => sameOrganisation(orgId, e.uscc));
}
