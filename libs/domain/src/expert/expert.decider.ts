import { chinaDateOf, compareBusinessDates, instantMs, isBusinessDate } from '../shared/dates';
import { assertNever, type Actor, type Decider } from '../shared/decider';
import { conflict, forbidden, invalid, notFound } from '../shared/domain-error';
import { parseUscc } from '../shared/uscc';
import { fieldInvalid, fieldRequired, isNonBlank, requireFormat, requireOpinion, requireText } from '../shared/validation';
import { requireAnyRole, requireCitySteward, requireLocalRegionCode, requireSameCity } from '../shared/city-scope';
import { cityCodeOf } from '../shared/region-code';
import { momentMs } from '../shared/moments';
import { isServiceDomain, SERVICE_DOMAINS } from '../provider/service-domains';
import type {
  AdmitExpert,
  ExpertCommand,
  ExpertOrganisation,
  ExpertSpecialty,
  RegisterExpert,
  ReinstateExpert,
  RemoveExpert,
  SuspendExpert,
  UpdateExpertProfile,
} from './expert.commands';
import type { ExpertEvent, ExpertProfileUpdated, ExpertRegistered } from './expert.events';

/** The organisation the expert belonged to over a stretch of time (`to` open while current). */
export type ExpertOrganisationSpell = { organisation: ExpertOrganisation; from: string; to?: string };

export type ExpertSuspension = { reason: string; from: string; until?: string; reinstatedAt?: string; reinstatementOpinion?: string };

export type ExpertRecord = ExpertRegistered['data'] & {
  organisationHistory: ExpertOrganisationSpell[];
  admittedAt?: string;
  admissionOpinion?: string;
  suspensions: ExpertSuspension[];
};

export type ExpertState =
  | { status: 'NONE' }
  | ({ status: 'REGISTERED' } & ExpertRecord)
  | ({ status: 'ADMITTED' } & ExpertRecord & { admittedAt: string })
  | ({ status: 'REMOVED' } & ExpertRecord & { removedAt: string; removalReason: string });

export type ExpertStatus = ExpertState['status'];
export type ExistingExpert = Exclude<ExpertState, { status: 'NONE' }>;
type Admitted = Extract<ExpertState, { status: 'ADMITTED' }>;

const initialState = (): ExpertState => ({ status: 'NONE' });

/** The end of a suspension's `until` day in China, as milliseconds. */
const untilMs = (until: string): number => momentMs(until);

function suspensionInForce(suspension: ExpertSuspension, t: number): boolean {
  return (
    instantMs(suspension.from) <= t &&
    (suspension.until === undefined || t <= untilMs(suspension.until)) &&
    (suspension.reinstatedAt === undefined || t < instantMs(suspension.reinstatedAt))
  );
}

/** The suspension in force at a moment, if any (a business date means the close of that day in China). */
export function expertSuspensionAt(state: ExpertState, at: Date | string): ExpertSuspension | undefined {
  if (state.status === 'NONE') return undefined;
  const t = momentMs(at);
  return state.suspensions.find((s) => suspensionInForce(s, t));
}

/**
 * Whether the expert could sit on a panel at a moment: admitted by then, not removed by then, and
 * not suspended then. The station application's panel requires it.
 */
export function isAvailableForPanel(state: ExpertState, at: Date | string): boolean {
  if (state.status === 'NONE' || state.admittedAt === undefined) return false;
  const t = momentMs(at);
  if (t < instantMs(state.admittedAt)) return false;
  if (state.status === 'REMOVED' && t >= instantMs(state.removedAt)) return false;
  return expertSuspensionAt(state, at) === undefined;
}

/** The organisation the expert belonged to at a moment; undefined before registration. */
export function expertOrganisationAt(state: ExpertState, at: Date | string): ExpertOrganisation | undefined {
  if (state.status === 'NONE') return undefined;
  const t = momentMs(at);
  return state.organisationHistory.find((s) => instantMs(s.from) <= t && (s.to === undefined || t < instantMs(s.to)))?.organisation;
}

const normalisedOrgId = (id: string): string => id.trim().toUpperCase();

/** Whether, at that moment, the expert belonged to one of `orgIds` (e.g. the applicant's USCC and owner org): 回避. */
export function expertHasConflictOfInterest(state: ExpertState, orgIds: readonly string[], at: Date | string): boolean {
  const organisation = expertOrganisationAt(state, at);
  return organisation !== undefined && orgIds.some((id) => normalisedOrgId(id) === normalisedOrgId(organisation.id));
}

function evolve(state: ExpertState, event: ExpertEvent): ExpertState {
  switch (event.type) {
    case 'ExpertRegistered':
      return {
        status: 'REGISTERED',
        ...event.data,
        organisationHistory: [{ organisation: event.data.organisation, from: event.data.registeredAt }],
        suspensions: [],
      };
    case 'ExpertAdmitted':
      return state.status === 'REGISTERED'
        ? { ...state, status: 'ADMITTED', admittedAt: event.data.admittedAt, admissionOpinion: event.data.opinion }
        : state;
    case 'ExpertSuspended': {
      if (state.status !== 'ADMITTED') return state;
      const { reason, until, suspendedAt } = event.data;
      return { ...state, suspensions: [...state.suspensions, { reason, from: suspendedAt, ...(until === undefined ? {} : { until }) }] };
    }
    case 'ExpertReinstated': {
      if (state.status !== 'ADMITTED') return state;
      const { opinion, reinstatedAt } = event.data;
      const t = instantMs(reinstatedAt);
      return {
        ...state,
        suspensions: state.suspensions.map((s) => (suspensionInForce(s, t) ? { ...s, reinstatedAt, reinstatementOpinion: opinion } : s)),
      };
    }
    case 'ExpertRemoved':
      return state.status === 'NONE' || state.status === 'REMOVED'
        ? state
        : { ...state, status: 'REMOVED', removedAt: event.data.removedAt, removalReason: event.data.reason };
    case 'ExpertProfileUpdated':
      return state.status === 'NONE' ? state : { ...state, ...event.data.changes };
    case 'ExpertOrganisationChanged': {
      if (state.status === 'NONE') return state;
      const { to, changedAt } = event.data;
      const closed = state.organisationHistory.map((s) => (s.to === undefined ? { ...s, to: changedAt } : s));
      return { ...state, organisation: to, organisationHistory: [...closed, { organisation: to, from: changedAt }] };
    }
    default:
      return assertNever(event);
  }
}

function decide(command: ExpertCommand, state: ExpertState): ExpertEvent[] {
  if (command.type === 'RegisterExpert') return register(command, state);
  const expert = existing(state);
  switch (command.type) {
    case 'AdmitExpert':
      return admit(command, expert);
    case 'SuspendExpert':
      return suspend(command, expert);
    case 'ReinstateExpert':
      return reinstate(command, expert);
    case 'RemoveExpert':
      return remove(command, expert);
    case 'UpdateExpertProfile':
      return updateProfile(command, expert);
    default:
      return assertNever(command);
  }
}

function existing(state: ExpertState): ExistingExpert {
  if (state.status === 'NONE') throw notFound('EXPERT_NOT_FOUND', '专家不存在', 'The expert does not exist');
  return state;
}

function requireSelf(actor: Actor, expertId: unknown): void {
  if (typeof expertId !== 'string' || actor.id !== expertId.trim()) {
    throw forbidden('NOT_SELF', '专家只能办理本人的事项', 'An expert may act only on their own record');
  }
}

function requireNotRemoved(expert: ExistingExpert): void {
  if (expert.status === 'REMOVED') throw conflict('EXPERT_REMOVED', '该专家已出库', 'The expert has been removed from the pool');
}

function requireAdmitted(expert: ExistingExpert): asserts expert is Admitted {
  requireNotRemoved(expert);
  if (expert.status !== 'ADMITTED') throw conflict('EXPERT_NOT_ADMITTED', '该专家尚未入库', 'The expert has not been admitted yet');
}

const LABEL = {
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
function checkSpecialties(specialties: unknown, field: string): ExpertSpecialty[] {
  if (!Array.isArray(specialties) || specialties.length === 0) {
    throw invalid('SPECIALTIES_REQUIRED', '须至少填写一项专长领域', 'At least one specialty is required', field);
  }
  const seen = new Set<string>();
  return specialties.map((specialty: Partial<ExpertSpecialty> | undefined, i): ExpertSpecialty => {
    const at = `${field}.${i}`;
    const domain = specialty?.domain;
    if (!isServiceDomain(domain)) {
      throw fieldInvalid(`${at}.domain`, { zh: '专长领域', en: 'Specialty domain' }, `须为以下之一：${SERVICE_DOMAINS.join('、')}`, `must be one of ${SERVICE_DOMAINS.join(', ')}`);
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
function checkOrganisation(organisation: Partial<ExpertOrganisation> | undefined, field: string): ExpertOrganisation {
  let id = requireText(organisation?.id, `${field}.id`, LABEL.organisationId);
  if (/^[0-9A-Za-z]{18}$/.test(id)) {
    const uscc = parseUscc(id, `${field}.id`);
    if (!uscc.ok) throw uscc.error;
    id = uscc.value;
  }
  return { id, name: requireText(organisation?.name, `${field}.name`, LABEL.organisationName) };
}

function register(command: RegisterExpert, state: ExpertState): ExpertEvent[] {
  if (state.status !== 'NONE') throw conflict('EXPERT_ALREADY_EXISTS', '该专家已登记', 'The expert is already registered');
  const { data, metadata } = command;
  const { actor } = metadata;
  requireAnyRole(actor, ['EXPERT', 'HUB']);
  if (actor.role === 'EXPERT') requireSelf(actor, data.expertId);
  const regionCode = requireLocalRegionCode(data.regionCode, 'regionCode');
  if (actor.role === 'HUB') requireSameCity(actor, regionCode);
  return [
    {
      type: 'ExpertRegistered',
      data: {
        expertId: requireText(data.expertId, 'expertId', LABEL.expertId),
        name: requireText(data.name, 'name', LABEL.name),
        specialties: checkSpecialties(data.specialties, 'specialties'),
        organisation: checkOrganisation(data.organisation, 'organisation'),
        regionCode,
        cityCode: cityCodeOf(regionCode),
        title: requireText(data.title, 'title', LABEL.title),
        registeredBy: actor.role === 'EXPERT' ? 'SELF' : 'HUB',
        registeredAt: metadata.now.toISOString(),
      },
    },
  ];
}

function admit(command: AdmitExpert, expert: ExistingExpert): ExpertEvent[] {
  const { data, metadata } = command;
  requireCitySteward(metadata.actor, expert.regionCode);
  requireNotRemoved(expert);
  if (expert.status === 'ADMITTED') throw conflict('EXPERT_ALREADY_ADMITTED', '该专家已入库', 'The expert is already admitted');
  return [{ type: 'ExpertAdmitted', data: { expertId: expert.expertId, opinion: requireOpinion(data.opinion), admittedAt: metadata.now.toISOString() } }];
}

function suspend(command: SuspendExpert, expert: ExistingExpert): ExpertEvent[] {
  const { data, metadata } = command;
  requireCitySteward(metadata.actor, expert.regionCode);
  requireAdmitted(expert);
  const current = expertSuspensionAt(expert, metadata.now);
  if (current !== undefined) {
    const until = current.until === undefined ? { zh: '另行恢复', en: 'reinstated' } : { zh: current.until, en: current.until };
    throw conflict('EXPERT_ALREADY_SUSPENDED', `该专家已被暂停（至${until.zh}）`, `The expert is already suspended (until ${until.en})`);
  }
  const reason = requireText(data.reason, 'reason', LABEL.reason);
  let until: string | undefined;
  if (data.until !== undefined) {
    until = requireFormat(data.until, isBusinessDate, 'until', LABEL.until, 'YYYY-MM-DD', 'a date YYYY-MM-DD');
    const today = chinaDateOf(metadata.now);
    if (compareBusinessDates(until, today) < 0) {
      throw invalid('SUSPENSION_END_IN_PAST', `暂停截止日期（${until}）不能早于今天（${today}）`, `The suspension cannot end (${until}) before today (${today})`, 'until');
    }
  }
  return [
    {
      type: 'ExpertSuspended',
      data: { expertId: expert.expertId, reason, ...(until === undefined ? {} : { until }), suspendedAt: metadata.now.toISOString() },
    },
  ];
}

function reinstate(command: ReinstateExpert, expert: ExistingExpert): ExpertEvent[] {
  const { data, metadata } = command;
  requireCitySteward(metadata.actor, expert.regionCode);
  requireAdmitted(expert);
  if (expertSuspensionAt(expert, metadata.now) === undefined) throw conflict('EXPERT_NOT_SUSPENDED', '该专家未被暂停', 'The expert is not suspended');
  return [{ type: 'ExpertReinstated', data: { expertId: expert.expertId, opinion: requireOpinion(data.opinion), reinstatedAt: metadata.now.toISOString() } }];
}

function remove(command: RemoveExpert, expert: ExistingExpert): ExpertEvent[] {
  const { data, metadata } = command;
  requireCitySteward(metadata.actor, expert.regionCode);
  requireNotRemoved(expert);
  const reason = requireText(data.reason, 'reason', LABEL.reason);
  return [{ type: 'ExpertRemoved', data: { expertId: expert.expertId, reason, removedAt: metadata.now.toISOString() } }];
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function updateProfile(command: UpdateExpertProfile, expert: ExistingExpert): ExpertEvent[] {
  const { data, metadata } = command;
  const { actor } = metadata;
  requireAnyRole(actor, ['EXPERT', 'HUB', 'CITY_AUTHORITY']);
  if (actor.role === 'EXPERT') requireSelf(actor, expert.expertId);
  else requireCitySteward(actor, expert.regionCode);
  requireNotRemoved(expert);

  const changes: ExpertProfileUpdated['data']['changes'] = {};
  if (data.name !== undefined) {
    const name = requireText(data.name, 'name', LABEL.name);
    if (name !== expert.name) changes.name = name;
  }
  if (data.specialties !== undefined) {
    const specialties = checkSpecialties(data.specialties, 'specialties');
    if (!sameJson(specialties, expert.specialties)) changes.specialties = specialties;
  }
  if (data.regionCode !== undefined) {
    const regionCode = requireLocalRegionCode(data.regionCode, 'regionCode');
    if (regionCode !== expert.regionCode) Object.assign(changes, { regionCode, cityCode: cityCodeOf(regionCode) });
  }
  if (data.title !== undefined) {
    const title = requireText(data.title, 'title', LABEL.title);
    if (title !== expert.title) changes.title = title;
  }
  const organisation = data.organisation === undefined ? undefined : checkOrganisation(data.organisation, 'organisation');
  const organisationChanged = organisation !== undefined && !sameJson(organisation, expert.organisation);

  const now = metadata.now.toISOString();
  const events: ExpertEvent[] = [];
  if (Object.keys(changes).length > 0) events.push({ type: 'ExpertProfileUpdated', data: { expertId: expert.expertId, changes, updatedAt: now } });
  if (organisationChanged) {
    events.push({ type: 'ExpertOrganisationChanged', data: { expertId: expert.expertId, from: expert.organisation, to: organisation, changedAt: now } });
  }
  if (events.length === 0) throw invalid('EXPERT_PROFILE_UNCHANGED', '资料没有变化', 'Nothing in the profile changes');
  return events;
}

export const expertDecider: Decider<ExpertCommand, ExpertState, ExpertEvent> = { initialState, evolve, decide };
