import { anActor, cityBureau, commandsOn, commandWith, given, GZ, hub, shenzhenHub, type CommandData } from '../shared/testing';
import type { ExpertCommand, RegisterExpert } from './expert.commands';
import { expertDecider } from './expert.decider';
import { expertKind } from './expert.kind';
import { expertHasConflictOfInterest, expertOrganisationAt, isAvailableForPanel, expertSuspensionAt, type ExpertState } from './expert.state';
import type { ExpertEvent } from './expert.events';

const EXPERT_ID = 'expert-wang';
const UNIVERSITY = '12440000455858371B';
const FIRM = '91440106MA59C3PL24';

const self = anActor('EXPERT', '440106', EXPERT_ID, UNIVERSITY);
const otherExpert = anActor('EXPERT', '440106', 'expert-li', 'org-li');
const provider = anActor('PROVIDER', '440106', 'p-1', FIRM);

const NOW = '2024-12-20T10:00:00+08:00';
const NOW_ISO = new Date(NOW).toISOString();
const REGISTERED_AT = '2024-01-10T02:00:00.000Z';
const ADMITTED_AT = '2024-02-01T02:00:00.000Z';

const registration: RegisterExpert['data'] = {
  expertId: EXPERT_ID,
  name: '王志明',
  specialties: [{ domain: 'IP', detail: '专利布局' }, { domain: 'LEGAL' }],
  organisation: { id: UNIVERSITY, name: '广东某大学' },
  regionCode: '440106',
  title: '教授、专利代理师',
};

const cmd = commandsOn<ExpertCommand>()({ expertId: EXPERT_ID }, hub, NOW);
const register = commandWith('RegisterExpert', registration, self, NOW);
const update = (data: CommandData<ExpertCommand, 'UpdateExpertProfile', 'expertId'>, actor = self) => cmd('UpdateExpertProfile', data, actor);

const registered: ExpertEvent = {
  type: 'ExpertRegistered',
  data: { ...registration, cityCode: GZ, registeredBy: 'SELF', registeredAt: REGISTERED_AT },
};
const admitted: ExpertEvent = { type: 'ExpertAdmitted', data: { expertId: EXPERT_ID, opinion: '同意入库', admittedAt: ADMITTED_AT } };
const suspendedUntil = (until: string | undefined, suspendedAt = '2024-06-01T02:00:00.000Z'): ExpertEvent => ({
  type: 'ExpertSuspended',
  data: { expertId: EXPERT_ID, reason: '评审中未申明利益关系', ...(until === undefined ? {} : { until }), suspendedAt },
});
const removed: ExpertEvent = { type: 'ExpertRemoved', data: { expertId: EXPERT_ID, reason: '本人申请', removedAt: '2024-10-01T02:00:00.000Z' } };
const movedToFirm: ExpertEvent = {
  type: 'ExpertOrganisationChanged',
  data: { expertId: EXPERT_ID, from: registration.organisation, to: { id: FIRM, name: '广州知产通知识产权代理有限公司' }, changedAt: '2024-09-01T02:00:00.000Z' },
};

const inPool = [registered, admitted];
const stateOf = (history: ExpertEvent[]): ExpertState => given(expertKind, history).state;

describe('Expert (服务专家库)', () => {
  describe('RegisterExpert', () => {
    it('registers the expert themself, awaiting admission', () => {
      given(expertKind, [])
        .when(register())
        .then([{ type: 'ExpertRegistered', data: { ...registration, cityCode: GZ, registeredBy: 'SELF', registeredAt: NOW_ISO } }])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'REGISTERED', organisationHistory: [{ organisation: registration.organisation, from: NOW_ISO }], suspensions: [] });
          expect(isAvailableForPanel(state, '2025-01-01')).toBe(false);
        });
    });

    it('lets the hub of the expert’s city register them', () => {
      given(expertKind, [])
        .when(register({}, hub))
        .then([{ type: 'ExpertRegistered', data: { ...registration, cityCode: GZ, registeredBy: 'HUB', registeredAt: NOW_ISO } }]);
    });

    it('is for the expert themself or the hub of the city', () => {
      given(expertKind, []).when(register({}, otherExpert)).thenThrows('NOT_SELF', { kind: 'FORBIDDEN' });
      given(expertKind, []).when(register({}, cityBureau)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(expertKind, []).when(register({}, shenzhenHub)).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    });

    it('registers once', () => {
      given(expertKind, [registered]).when(register()).thenThrows('EXPERT_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });

    it.each(['expertId', 'name', 'title'] as const)('needs %s', (field) => {
      given(expertKind, []).when(register({ [field]: ' ' }, hub)).thenThrows('FIELD_REQUIRED', { field });
    });

    it('needs a city- or county-level region', () => {
      given(expertKind, []).when(register({ regionCode: '440000' })).thenThrows('REGION_CODE_INVALID', { kind: 'VALIDATION', field: 'regionCode' });
    });

    it('checks the hub’s region on the code as the decider reads it, after the code itself', () => {
      given(expertKind, []).when(register({ regionCode: '440000' }, shenzhenHub)).thenThrows('REGION_CODE_INVALID', { field: 'regionCode' });
      given(expertKind, []).when(register({ regionCode: ' 440106 ' }, shenzhenHub)).thenThrows('REGION_NOT_PERMITTED');
      given(expertKind, []).when(register({ regionCode: ' 440106 ' }, hub)).thenEmits(['ExpertRegistered']);
    });

    it('needs specialties in the service domains, free text where the domain is OTHER', () => {
      given(expertKind, []).when(register({ specialties: [] })).thenThrows('SPECIALTIES_REQUIRED', { field: 'specialties' });
      given(expertKind, []).when(register({ specialties: [{ domain: 'ASTROLOGY' as never }] })).thenThrows('FIELD_INVALID', { field: 'specialties.0.domain' });
      given(expertKind, []).when(register({ specialties: [{ domain: 'IP' }, { domain: 'OTHER' }] })).thenThrows('FIELD_REQUIRED', { field: 'specialties.1.detail' });
      given(expertKind, []).when(register({ specialties: [{ domain: 'IP', detail: ' ' }] })).thenThrows('FIELD_INVALID', { field: 'specialties.0.detail' });
      given(expertKind, []).when(register({ specialties: [{ domain: 'IP', detail: '专利' }, { domain: 'IP', detail: ' 专利 ' }] })).thenThrows('FIELD_INVALID', { field: 'specialties.1' });
      given(expertKind, []).when(register({ specialties: [{ domain: 'OTHER', detail: '跨境电商' }] })).thenEmits(['ExpertRegistered']);
    });

    it('needs an organisation; one that reads like a USCC must be valid', () => {
      given(expertKind, []).when(register({ organisation: { id: '', name: '某单位' } })).thenThrows('FIELD_REQUIRED', { field: 'organisation.id' });
      given(expertKind, []).when(register({ organisation: { id: UNIVERSITY, name: '' } })).thenThrows('FIELD_REQUIRED', { field: 'organisation.name' });
      given(expertKind, []).when(register({ organisation: { id: '12440000455858371C', name: '某大学' } })).thenThrows('USCC_INVALID', { field: 'organisation.id' });
      const [event] = expertDecider.decide(register({ organisation: { id: ' 12440000455858371b ', name: '广东某大学' } }), expertDecider.initialState());
      expect(event.data).toMatchObject({ organisation: { id: UNIVERSITY, name: '广东某大学' } });
      const [retired] = expertDecider.decide(register({ organisation: { id: 'retired', name: '退休' } }), expertDecider.initialState());
      expect(retired.data).toMatchObject({ organisation: { id: 'retired' } });
    });
  });

  describe('AdmitExpert (入库)', () => {
    it('admits; the expert is available for panels from then on', () => {
      given(expertKind, [registered])
        .when(cmd('AdmitExpert', { opinion: '同意入库' }))
        .then([{ type: 'ExpertAdmitted', data: { expertId: EXPERT_ID, opinion: '同意入库', admittedAt: NOW_ISO } }])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'ADMITTED', admittedAt: NOW_ISO, admissionOpinion: '同意入库' });
          expect(isAvailableForPanel(state, NOW)).toBe(true);
          expect(isAvailableForPanel(state, '2024-12-19')).toBe(false);
        });
    });

    it('is for the hub or city authority of the expert’s city', () => {
      given(expertKind, [registered]).when(cmd('AdmitExpert', { opinion: '同意' }, cityBureau)).thenEmits(['ExpertAdmitted']);
      given(expertKind, [registered]).when(cmd('AdmitExpert', { opinion: '同意' }, self)).thenThrows('ROLE_NOT_PERMITTED');
      given(expertKind, [registered]).when(cmd('AdmitExpert', { opinion: '同意' }, shenzhenHub)).thenThrows('REGION_NOT_PERMITTED');
    });

    it('admits once, never after removal, with an opinion', () => {
      given(expertKind, inPool).when(cmd('AdmitExpert', { opinion: '同意' })).thenThrows('EXPERT_ALREADY_ADMITTED', { kind: 'CONFLICT' });
      given(expertKind, [registered, removed]).when(cmd('AdmitExpert', { opinion: '同意' })).thenThrows('EXPERT_REMOVED', { kind: 'CONFLICT' });
      given(expertKind, [registered]).when(cmd('AdmitExpert', { opinion: '' })).thenThrows('FIELD_REQUIRED', { field: 'opinion' });
    });
  });

  describe('SuspendExpert and ReinstateExpert', () => {
    it('suspends through the end of `until`, China time', () => {
      given(expertKind, inPool)
        .when(cmd('SuspendExpert', { reason: '评审中未申明利益关系', until: '2025-03-31' }))
        .then([{ type: 'ExpertSuspended', data: { expertId: EXPERT_ID, reason: '评审中未申明利益关系', until: '2025-03-31', suspendedAt: NOW_ISO } }])
        .andState((state) => {
          expect(isAvailableForPanel(state, '2024-12-20T09:59:59+08:00')).toBe(true);
          expect(isAvailableForPanel(state, NOW)).toBe(false);
          expect(isAvailableForPanel(state, '2025-03-31T23:59:59+08:00')).toBe(false);
          expect(isAvailableForPanel(state, '2025-04-01T00:00:00+08:00')).toBe(true);
          expect(expertSuspensionAt(state, '2025-01-15')?.reason).toBe('评审中未申明利益关系');
        });
    });

    it('suspends until reinstated when no end is given', () => {
      given(expertKind, inPool)
        .when(cmd('SuspendExpert', { reason: '接受调查' }, cityBureau))
        .then([{ type: 'ExpertSuspended', data: { expertId: EXPERT_ID, reason: '接受调查', suspendedAt: NOW_ISO } }])
        .andState((state) => expect(isAvailableForPanel(state, '2030-01-01')).toBe(false));
    });

    it('does not suspend twice at once, but again once a suspension has run out', () => {
      given(expertKind, [...inPool, suspendedUntil(undefined)]).when(cmd('SuspendExpert', { reason: '再次' })).thenThrows('EXPERT_ALREADY_SUSPENDED', { kind: 'CONFLICT' });
      given(expertKind, [...inPool, suspendedUntil('2024-12-20')]).when(cmd('SuspendExpert', { reason: '再次' })).thenThrows('EXPERT_ALREADY_SUSPENDED');
      given(expertKind, [...inPool, suspendedUntil('2024-12-19')]).when(cmd('SuspendExpert', { reason: '再次' })).thenEmits(['ExpertSuspended']);
    });

    it('needs a reason and an end that is not past', () => {
      given(expertKind, inPool).when(cmd('SuspendExpert', { reason: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'reason' });
      given(expertKind, inPool).when(cmd('SuspendExpert', { reason: '调查', until: '2024-12-19' })).thenThrows('SUSPENSION_END_IN_PAST', { kind: 'VALIDATION', field: 'until' });
      given(expertKind, inPool).when(cmd('SuspendExpert', { reason: '调查', until: '2024-12-20' })).thenEmits(['ExpertSuspended']);
      given(expertKind, inPool).when(cmd('SuspendExpert', { reason: '调查', until: '2025-13-01' })).thenThrows('FIELD_INVALID', { field: 'until' });
    });

    it('suspends an admitted expert only', () => {
      given(expertKind, [registered]).when(cmd('SuspendExpert', { reason: '调查' })).thenThrows('EXPERT_NOT_ADMITTED', { kind: 'CONFLICT' });
      given(expertKind, [...inPool, removed]).when(cmd('SuspendExpert', { reason: '调查' })).thenThrows('EXPERT_REMOVED');
    });

    it('reinstates a suspended expert, keeping the suspension on record', () => {
      given(expertKind, [...inPool, suspendedUntil(undefined)])
        .when(cmd('ReinstateExpert', { opinion: '调查结束，无问题' }))
        .then([{ type: 'ExpertReinstated', data: { expertId: EXPERT_ID, opinion: '调查结束，无问题', reinstatedAt: NOW_ISO } }])
        .andState((state) => {
          expect(isAvailableForPanel(state, NOW)).toBe(true);
          expect(isAvailableForPanel(state, '2024-07-01')).toBe(false);
          expect(state.status === 'ADMITTED' && state.suspensions).toEqual([
            { reason: '评审中未申明利益关系', from: '2024-06-01T02:00:00.000Z', reinstatedAt: NOW_ISO, reinstatementOpinion: '调查结束，无问题' },
          ]);
        });
    });

    it('reinstates from the suspension in force, leaving earlier ones as they ran', () => {
      const state = given(expertKind, [...inPool, suspendedUntil('2024-06-30'), suspendedUntil(undefined, '2024-11-01T02:00:00.000Z')])
        .when(cmd('ReinstateExpert', { opinion: '恢复' }))
        .thenEmits(['ExpertReinstated']).state;
      expect(state.status === 'ADMITTED' && state.suspensions.map((s) => s.reinstatedAt)).toEqual([undefined, NOW_ISO]);
    });

    it('reinstates only while suspended, with an opinion', () => {
      given(expertKind, inPool).when(cmd('ReinstateExpert', { opinion: '恢复' })).thenThrows('EXPERT_NOT_SUSPENDED', { kind: 'CONFLICT' });
      given(expertKind, [...inPool, suspendedUntil('2024-12-19')]).when(cmd('ReinstateExpert', { opinion: '恢复' })).thenThrows('EXPERT_NOT_SUSPENDED');
      given(expertKind, [...inPool, suspendedUntil(undefined)]).when(cmd('ReinstateExpert', { opinion: '' })).thenThrows('FIELD_REQUIRED', { field: 'opinion' });
      given(expertKind, [registered]).when(cmd('ReinstateExpert', { opinion: '恢复' })).thenThrows('EXPERT_NOT_ADMITTED');
    });

    it('is for the hub or city authority of the expert’s city', () => {
      given(expertKind, inPool).when(cmd('SuspendExpert', { reason: '调查' }, self)).thenThrows('ROLE_NOT_PERMITTED');
      given(expertKind, inPool).when(cmd('SuspendExpert', { reason: '调查' }, shenzhenHub)).thenThrows('REGION_NOT_PERMITTED');
      given(expertKind, [...inPool, suspendedUntil(undefined)]).when(cmd('ReinstateExpert', { opinion: '恢复' }, self)).thenThrows('ROLE_NOT_PERMITTED');
      given(expertKind, [...inPool, suspendedUntil(undefined)]).when(cmd('ReinstateExpert', { opinion: '恢复' }, shenzhenHub)).thenThrows('REGION_NOT_PERMITTED');
    });
  });

  describe('RemoveExpert (出库)', () => {
    it('removes; the expert is unavailable from then on, as before it was', () => {
      given(expertKind, inPool)
        .when(cmd('RemoveExpert', { reason: '本人申请' }))
        .then([{ type: 'ExpertRemoved', data: { expertId: EXPERT_ID, reason: '本人申请', removedAt: NOW_ISO } }])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'REMOVED', removedAt: NOW_ISO, removalReason: '本人申请' });
          expect(isAvailableForPanel(state, NOW)).toBe(false);
          expect(isAvailableForPanel(state, '2024-12-19')).toBe(true);
        });
    });

    it('removes a registered expert never admitted', () => {
      given(expertKind, [registered]).when(cmd('RemoveExpert', { reason: '资格不符' })).thenEmits(['ExpertRemoved']);
    });

    it('removes once, with a reason, by the hub or city authority of the city', () => {
      given(expertKind, [...inPool, removed]).when(cmd('RemoveExpert', { reason: '再次' })).thenThrows('EXPERT_REMOVED');
      given(expertKind, inPool).when(cmd('RemoveExpert', { reason: '' })).thenThrows('FIELD_REQUIRED', { field: 'reason' });
      given(expertKind, inPool).when(cmd('RemoveExpert', { reason: '本人申请' }, self)).thenThrows('ROLE_NOT_PERMITTED');
      given(expertKind, inPool).when(cmd('RemoveExpert', { reason: '本人申请' }, shenzhenHub)).thenThrows('REGION_NOT_PERMITTED');
    });
  });

  describe('UpdateExpertProfile', () => {
    it('records a move to another organisation as its own event', () => {
      given(expertKind, inPool)
        .when(update({ organisation: { id: FIRM, name: '广州知产通知识产权代理有限公司' } }))
        .then([
          {
            type: 'ExpertOrganisationChanged',
            data: { expertId: EXPERT_ID, from: registration.organisation, to: { id: FIRM, name: '广州知产通知识产权代理有限公司' }, changedAt: NOW_ISO },
          },
        ])
        .andState((state) => {
          expect(state.status === 'ADMITTED' && state.organisation.id).toBe(FIRM);
          expect(expertOrganisationAt(state, '2024-12-19')?.id).toBe(UNIVERSITY);
          expect(expertOrganisationAt(state, NOW)?.id).toBe(FIRM);
        });
    });

    it('answers conflict-of-interest questions with the organisation at the time', () => {
      const state = stateOf([...inPool, movedToFirm]);
      expect(expertHasConflictOfInterest(state, [FIRM.toLowerCase()], '2024-09-01')).toBe(true);
      expect(expertHasConflictOfInterest(state, [FIRM], '2024-08-31')).toBe(false);
      expect(expertHasConflictOfInterest(state, ['org-x', UNIVERSITY], '2024-08-31')).toBe(true);
      expect(expertHasConflictOfInterest(state, [UNIVERSITY], '2024-09-01')).toBe(false);
      expect(expertOrganisationAt(state, '2023-12-31')).toBeUndefined();
      expect(expertHasConflictOfInterest(expertDecider.initialState(), [FIRM], NOW)).toBe(false);
    });

    it('records the other changed fields, and only those', () => {
      given(expertKind, inPool)
        .when(update({ name: registration.name, title: '教授', regionCode: '440105', specialties: registration.specialties }))
        .then([{ type: 'ExpertProfileUpdated', data: { expertId: EXPERT_ID, changes: { title: '教授', regionCode: '440105', cityCode: GZ }, updatedAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ title: '教授', regionCode: '440105', name: registration.name }));
      given(expertKind, inPool)
        .when(update({ name: '王志明（Wang Zhiming）', specialties: [{ domain: 'IP' }] }, hub))
        .then([
          { type: 'ExpertProfileUpdated', data: { expertId: EXPERT_ID, changes: { name: '王志明（Wang Zhiming）', specialties: [{ domain: 'IP' }] }, updatedAt: NOW_ISO } },
        ]);
    });

    it('emits both when the organisation and other fields change', () => {
      given(expertKind, [registered])
        .when(update({ title: '研究员', organisation: { id: FIRM, name: '某公司' } }, cityBureau))
        .thenEmits(['ExpertProfileUpdated', 'ExpertOrganisationChanged']);
    });

    it('refuses an update that changes nothing', () => {
      given(expertKind, inPool).when(update({})).thenThrows('EXPERT_PROFILE_UNCHANGED', { kind: 'VALIDATION' });
      given(expertKind, inPool)
        .when(update({ name: ' 王志明 ', title: registration.title, regionCode: '440106', specialties: registration.specialties, organisation: { ...registration.organisation } }))
        .thenThrows('EXPERT_PROFILE_UNCHANGED');
    });

    it('checks the fields given', () => {
      given(expertKind, inPool).when(update({ name: '' })).thenThrows('FIELD_REQUIRED', { field: 'name' });
      given(expertKind, inPool).when(update({ title: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'title' });
      given(expertKind, inPool).when(update({ regionCode: '44' })).thenThrows('REGION_CODE_INVALID', { field: 'regionCode' });
      given(expertKind, inPool).when(update({ specialties: [] })).thenThrows('SPECIALTIES_REQUIRED', { field: 'specialties' });
      given(expertKind, inPool).when(update({ organisation: { id: ' ', name: 'x' } })).thenThrows('FIELD_REQUIRED', { field: 'organisation.id' });
    });

    it('is for the expert themself or the hub / city authority of the city, until removed', () => {
      given(expertKind, inPool).when(update({ title: '教授' }, otherExpert)).thenThrows('NOT_SELF');
      given(expertKind, inPool).when(update({ title: '教授' }, provider)).thenThrows('ROLE_NOT_PERMITTED', { message: /EXPERT/ });
      given(expertKind, inPool).when(update({ title: '教授' }, shenzhenHub)).thenThrows('REGION_NOT_PERMITTED');
      given(expertKind, [...inPool, removed]).when(update({ title: '教授' })).thenThrows('EXPERT_REMOVED');
    });
  });

  it('isAvailableForPanel, expertSuspensionAt and expertOrganisationAt know nothing of an expert that does not exist', () => {
    const none = expertDecider.initialState();
    expect(isAvailableForPanel(none, NOW)).toBe(false);
    expect(expertSuspensionAt(none, NOW)).toBeUndefined();
    expect(expertOrganisationAt(none, NOW)).toBeUndefined();
  });

  it.each<ExpertCommand>([
    cmd('AdmitExpert', { opinion: '同意' }),
    cmd('SuspendExpert', { reason: '调查' }),
    cmd('ReinstateExpert', { opinion: '恢复' }),
    cmd('RemoveExpert', { reason: '本人申请' }),
    update({ title: '教授' }),
  ])('$type on an expert that does not exist is EXPERT_NOT_FOUND', (command) => {
    given(expertKind, []).when(command).thenThrows('EXPERT_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it('has a schema version for every event type', () => {
    expect(Object.keys(expertKind.schemaVersions).sort()).toEqual(
      ['ExpertRegistered', 'ExpertAdmitted', 'ExpertSuspended', 'ExpertReinstated', 'ExpertRemoved', 'ExpertProfileUpdated', 'ExpertOrganisationChanged'].sort(),
    );
  });
});
