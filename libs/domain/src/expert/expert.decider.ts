import type { RecordLabel } from '../shared/record-kind';
import { chinaDateOf, compareBusinessDates } from '../shared/dates';
import { createdOnce, decideByType } from '../shared/decide-by-type';
import type { Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { requireBusinessDate, requireOpinion, requireText } from '../shared/validation';
import { requireLocalRegionCode } from '../shared/city-scope';
import { cityCodeOf } from '../shared/region-code';
import type {
  AdmitExpert,
  ExpertCommand,
  RegisterExpert,
  ReinstateExpert,
  RemoveExpert,
  SuspendExpert,
  UpdateExpertProfile,
} from './expert.commands';
import type { ExpertEvent, ExpertEvents } from './expert.events';
import { checkOrganisation, checkSpecialties, LABEL, requireAdmitted, requireNotRemoved, sameJson } from './expert.rules';
import { evolveExpert, expertSuspensionAt, initialExpertState, type ExistingExpert, type ExpertState } from './expert.state';

/** How expert records are named when one is missing or is created a second time. */
export const EXPERT_RECORD: RecordLabel = { code: 'EXPERT', zh: '专家', en: 'expert' };

const decide = decideByType<ExpertCommand, ExpertState, ExpertEvent, 'RegisterExpert'>({
  onNew: { RegisterExpert: createdOnce(EXPERT_RECORD, register) },
  on: {
    AdmitExpert: admit,
    SuspendExpert: suspend,
    ReinstateExpert: reinstate,
    RemoveExpert: remove,
    UpdateExpertProfile: updateProfile,
  },
  record: EXPERT_RECORD,
});

function register(command: RegisterExpert, state: ExpertState): ExpertEvent[] {
  const { data, metadata } = command;
  const { actor } = metadata;
  const regionCode = requireLocalRegionCode(data.regionCode, 'regionCode');
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
  requireNotRemoved(expert);
  if (expert.status === 'ADMITTED') throw conflict('EXPERT_ALREADY_ADMITTED', '该专家已入库', 'The expert is already admitted');
  return [{ type: 'ExpertAdmitted', data: { expertId: expert.expertId, opinion: requireOpinion(data.opinion), admittedAt: metadata.now.toISOString() } }];
}

function suspend(command: SuspendExpert, expert: ExistingExpert): ExpertEvent[] {
  const { data, metadata } = command;
  requireAdmitted(expert);
  const current = expertSuspensionAt(expert, metadata.now);
  if (current !== undefined) {
    const until = current.until === undefined ? { zh: '另行恢复', en: 'reinstated' } : { zh: current.until, en: current.until };
    throw conflict('EXPERT_ALREADY_SUSPENDED', `该专家已被暂停（至${until.zh}）`, `The expert is already suspended (until ${until.en})`);
  }
  const reason = requireText(data.reason, 'reason', LABEL.reason);
  let until: string | undefined;
  if (data.until !== undefined) {
    until = requireBusinessDate(data.until, 'until', LABEL.until);
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
  requireAdmitted(expert);
  if (expertSuspensionAt(expert, metadata.now) === undefined) throw conflict('EXPERT_NOT_SUSPENDED', '该专家未被暂停', 'The expert is not suspended');
  return [{ type: 'ExpertReinstated', data: { expertId: expert.expertId, opinion: requireOpinion(data.opinion), reinstatedAt: metadata.now.toISOString() } }];
}

function remove(command: RemoveExpert, expert: ExistingExpert): ExpertEvent[] {
  const { data, metadata } = command;
  requireNotRemoved(expert);
  const reason = requireText(data.reason, 'reason', LABEL.reason);
  return [{ type: 'ExpertRemoved', data: { expertId: expert.expertId, reason, removedAt: metadata.now.toISOString() } }];
}

function updateProfile(command: UpdateExpertProfile, expert: ExistingExpert): ExpertEvent[] {
  const { data, metadata } = command;
  requireNotRemoved(expert);

  const changes: ExpertEvents['ExpertProfileUpdated']['data']['changes'] = {};
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

export const expertDecider: Decider<ExpertCommand, ExpertState, ExpertEvent> = { initialState: initialExpertState, evolve: evolveExpert, decide };
