import { given } from '../shared/testing';
import type { PolicyCommand, PublishPolicy } from './policy.commands';
import { policyDecider } from './policy.decider';
import { policyKind } from './policy.kind';
import { isEligible } from './policy-matching';
import {
  GZ,
  TIANHE,
  HAIZHU,
  tianheAuthority,
  haizhuAuthority,
  gzBureau,
  szBureau,
  gzHub,
  admin,
  provider,
  NOW_ISO,
  POLICY_ID,
  tianhePolicy,
  publish,
  amend,
  repeal,
  push,
  published,
  content,
  amended,
  repealed,
} from './policy.fixtures';

describe('Policy (基础信息库 · 法律政策)', () => {
  describe('PublishPolicy', () => {
    it('publishes version 1 with its eligibility as applied', () => {
      given(policyKind, [])
        .when(publish())
        .then([published])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'PUBLISHED', version: 1, level: 'DISTRICT', regionCode: TIANHE, pushIds: [] });
          expect(state.status === 'PUBLISHED' && state.versions).toEqual([{ ...content, version: 1, recordedAt: NOW_ISO }]);
        });
    });

    it('limits a sub-national policy to its issuing region when no region is stated', () => {
      const events = policyDecider.decide(publish({ eligibility: {} }), policyDecider.initialState());
      expect(events[0].type === 'PolicyPublished' && events[0].data.eligibility).toEqual({ regionCodes: [TIANHE] });
    });

    it('leaves a national policy open to every region', () => {
      const national = publish(
        { level: 'NATIONAL', regionCode: undefined, issuer: '工业和信息化部', documentNumber: '工信部企业〔2023〕213号', eligibility: { sizeClasses: ['SMALL', 'MICRO'] } },
        admin,
      );
      const [event] = policyDecider.decide(national, policyDecider.initialState());
      expect(event.type === 'PolicyPublished' && event.data).toMatchObject({ level: 'NATIONAL', eligibility: { sizeClasses: ['SMALL', 'MICRO'] } });
      expect(event.data).not.toHaveProperty('regionCode');
      expect(event.data).not.toHaveProperty('eligibility.regionCodes');
    });

    it('keeps regions within the issuing region, sorted', () => {
      const [event] = policyDecider.decide(publish({ level: 'MUNICIPAL', regionCode: GZ, eligibility: { regionCodes: [TIANHE, HAIZHU] } }, gzBureau), { status: 'NONE' });
      expect(event.type === 'PolicyPublished' && event.data.eligibility.regionCodes).toEqual([HAIZHU, TIANHE]);
      given(policyKind, [])
        .when(publish({ level: 'MUNICIPAL', regionCode: GZ, eligibility: { regionCodes: [TIANHE, '440306'] } }, gzBureau))
        .thenThrows('ELIGIBILITY_REGION_OUTSIDE_ISSUER', { kind: 'VALIDATION', field: 'eligibility.regionCodes.1' });
    });

    it('publishes once', () => {
      given(policyKind, [published]).when(publish()).thenThrows('POLICY_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });

    describe('who publishes which level', () => {
      it.each([
        ['a district authority: its own district', publish(), true],
        ['a city authority: a municipal policy of its city', publish({ level: 'MUNICIPAL', regionCode: GZ }, gzBureau), true],
        ['a city authority: a district policy of its city', publish({}, gzBureau), true],
        ['an admin: a provincial policy', publish({ level: 'PROVINCIAL', regionCode: '440000' }, admin), true],
        ['an admin: a district policy anywhere', publish({ regionCode: '440305' }, admin), true],
      ])('%s', (_, command) => {
        given(policyKind, []).when(command).thenEmits(['PolicyPublished']);
      });

      it('a district authority cannot publish a municipal policy', () => {
        given(policyKind, []).when(publish({ level: 'MUNICIPAL', regionCode: GZ })).thenThrows('POLICY_LEVEL_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      });

      it('a city authority cannot publish a provincial or national policy', () => {
        given(policyKind, []).when(publish({ level: 'PROVINCIAL', regionCode: '440000' }, gzBureau)).thenThrows('POLICY_LEVEL_NOT_PERMITTED');
        given(policyKind, []).when(publish({ level: 'NATIONAL', regionCode: undefined }, gzBureau)).thenThrows('POLICY_LEVEL_NOT_PERMITTED');
      });

      it('an authority publishes only for its own region', () => {
        given(policyKind, []).when(publish({}, haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
        given(policyKind, []).when(publish({}, szBureau)).thenThrows('REGION_NOT_PERMITTED');
        given(policyKind, []).when(publish({ level: 'MUNICIPAL', regionCode: GZ }, szBureau)).thenThrows('REGION_NOT_PERMITTED');
      });

      it('no other role publishes', () => {
        given(policyKind, []).when(publish({}, gzHub)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
        given(policyKind, []).when(publish({}, provider)).thenThrows('ROLE_NOT_PERMITTED');
      });
    });

    describe('the level and its region', () => {
      it.each([
        ['a district policy needs a district code', { level: 'DISTRICT', regionCode: GZ }],
        ['a municipal policy needs a city code', { level: 'MUNICIPAL', regionCode: TIANHE }],
        ['a provincial policy needs a province code', { level: 'PROVINCIAL', regionCode: GZ }],
        ['a national policy has no region', { level: 'NATIONAL', regionCode: '440000' }],
      ] as const)('%s', (_, data) => {
        given(policyKind, []).when(publish(data, admin)).thenThrows('POLICY_REGION_LEVEL_MISMATCH', { kind: 'VALIDATION', field: 'regionCode' });
      });

      it('needs a region below national level and a known level', () => {
        given(policyKind, []).when(publish({ regionCode: ' ' }, admin)).thenThrows('FIELD_REQUIRED', { field: 'regionCode' });
        given(policyKind, []).when(publish({ level: 'COUNTY' as never }, admin)).thenThrows('FIELD_INVALID', { field: 'level' });
      });
    });

    describe('the content', () => {
      it.each(['policyId', 'title', 'issuer', 'summary'] as const)('needs %s', (field) => {
        given(policyKind, []).when(publish({ [field]: '  ' })).thenThrows('FIELD_REQUIRED', { field });
      });

      it('checks the document number like a call’s', () => {
        given(policyKind, []).when(publish({ documentNumber: '穗天商金[2024]12号' })).thenThrows('DOCUMENT_NUMBER_INVALID', { kind: 'VALIDATION', field: 'documentNumber' });
        given(policyKind, []).when(publish({ documentNumber: '' })).thenThrows('FIELD_REQUIRED', { field: 'documentNumber' });
      });

      it('takes dates as YYYY-MM-DD, the end not before the start', () => {
        given(policyKind, []).when(publish({ effectiveFrom: '2024/03/01' })).thenThrows('FIELD_INVALID', { field: 'effectiveFrom' });
        given(policyKind, []).when(publish({ effectiveUntil: '2026-02-30' })).thenThrows('FIELD_INVALID', { field: 'effectiveUntil' });
        given(policyKind, []).when(publish({ effectiveUntil: '2024-02-29' })).thenThrows('EFFECTIVE_UNTIL_BEFORE_FROM', { kind: 'VALIDATION', field: 'effectiveUntil' });
        given(policyKind, []).when(publish({ effectiveUntil: '2024-03-01' })).thenEmits(['PolicyPublished']);
        given(policyKind, []).when(publish({ effectiveUntil: undefined })).thenEmits(['PolicyPublished']);
      });
    });

    describe('eligibility', () => {
      const withEligibility = (eligibility: unknown) => publish({ eligibility: eligibility as PublishPolicy['data']['eligibility'] });

      it('is required, even if empty', () => {
        given(policyKind, []).when(withEligibility(undefined)).thenThrows('FIELD_REQUIRED', { field: 'eligibility' });
      });

      it('names tags with a mode, and a mode only with tags', () => {
        given(policyKind, []).when(withEligibility({ tags: ['SPECIALISED'] })).thenThrows('FIELD_REQUIRED', { field: 'eligibility.tagsMode' });
        given(policyKind, []).when(withEligibility({ tags: ['SPECIALISED'], tagsMode: 'SOME' })).thenThrows('FIELD_INVALID', { field: 'eligibility.tagsMode' });
        given(policyKind, []).when(withEligibility({ tagsMode: 'ALL' })).thenThrows('FIELD_INVALID', { field: 'eligibility.tagsMode' });
      });

      it.each([
        ['an empty list (leave it out instead)', { industries: [] }, 'eligibility.industries'],
        ['an unknown industry', { industries: ['SOFTWARE_IT', 'MINING'] }, 'eligibility.industries.1'],
        ['a repeated size class', { sizeClasses: ['SMALL', 'SMALL'] }, 'eligibility.sizeClasses.1'],
        ['an unknown tag', { tags: ['UNICORN'], tagsMode: 'ANY' }, 'eligibility.tags.0'],
        ['a malformed region', { regionCodes: ['4401'] }, 'eligibility.regionCodes.0'],
        ['a repeated region', { regionCodes: [TIANHE, TIANHE] }, 'eligibility.regionCodes.1'],
      ])('refuses %s', (_, eligibility, field) => {
        given(policyKind, []).when(withEligibility(eligibility)).thenThrows('FIELD_INVALID', { field });
      });
    });
  });


  describe('AmendPolicy', () => {
    it('records a new version carrying the whole content and what changed', () => {
      given(policyKind, [published])
        .when(amend({ summary: '奖励标准调整。', effectiveUntil: '2026-12-31' }))
        .then([
          {
            type: 'PolicyAmended',
            data: { policyId: POLICY_ID, version: 2, ...content, summary: '奖励标准调整。', effectiveUntil: '2026-12-31', changedFields: ['effectiveUntil', 'summary'], amendedAt: NOW_ISO },
          },
        ])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'PUBLISHED', version: 2, summary: '奖励标准调整。', effectiveUntil: '2026-12-31' });
          expect(state.status === 'PUBLISHED' && state.versions.map((v) => [v.version, v.summary])).toEqual([
            [1, tianhePolicy.summary],
            [2, '奖励标准调整。'],
          ]);
        });
    });

    it('numbers versions on', () => {
      given(policyKind, [published, amended]).when(amend({ title: '新标题' })).thenEmits(['PolicyAmended']);
      const [event] = policyDecider.decide(amend({ title: '新标题' }), given(policyKind, [published, amended]).state);
      expect(event.data).toMatchObject({ version: 3, changedFields: ['title'] });
    });

    it('makes the policy open-ended with effectiveUntil: null', () => {
      const state = given(policyKind, [published]).when(amend({ effectiveUntil: null })).thenEmits(['PolicyAmended']).state;
      expect(state).not.toHaveProperty('effectiveUntil');
      expect(state.status !== 'NONE' && isEligible(state, { industryCode: 'SOFTWARE_IT', sizeClass: 'SMALL', regionCode: TIANHE, tags: [{ tag: 'SPECIALISED', validFrom: '2024-01-01' }] }, '2030-01-01').eligible).toBe(true);
    });

    it('replaces the eligibility as a whole, defaulting the region again', () => {
      const [event] = policyDecider.decide(amend({ eligibility: { industries: ['SOFTWARE_IT'] } }), given(policyKind, [published]).state);
      expect(event.type === 'PolicyAmended' && event.data.eligibility).toEqual({ industries: ['SOFTWARE_IT'], regionCodes: [TIANHE] });
    });

    it('must change something', () => {
      given(policyKind, [published]).when(amend({ summary: tianhePolicy.summary })).thenThrows('NOTHING_CHANGED', { kind: 'CONFLICT', field: 'changes' });
      given(policyKind, [published])
        .when(amend({ eligibility: { sizeClasses: ['SMALL', 'MEDIUM'], tags: ['SPECIALISED'], tagsMode: 'ANY' } }))
        .thenThrows('NOTHING_CHANGED');
    });

    it('checks the changes like a publication, at their path', () => {
      given(policyKind, [published]).when(amend({})).thenThrows('FIELD_REQUIRED', { field: 'changes' });
      given(policyKind, [published]).when(amend({ level: 'MUNICIPAL' })).thenThrows('FIELD_INVALID', { field: 'changes.level' });
      given(policyKind, [published]).when(amend({ title: null })).thenThrows('FIELD_REQUIRED', { field: 'changes.title' });
      given(policyKind, [published]).when(amend({ effectiveFrom: '2026-03-01' })).thenThrows('EFFECTIVE_UNTIL_BEFORE_FROM', { field: 'changes.effectiveUntil' });
      given(policyKind, [published]).when(amend({ documentNumber: '12号' })).thenThrows('DOCUMENT_NUMBER_INVALID', { field: 'changes.documentNumber' });
      given(policyKind, [published])
        .when(amend({ eligibility: { regionCodes: [HAIZHU] } }))
        .thenThrows('ELIGIBILITY_REGION_OUTSIDE_ISSUER', { field: 'changes.eligibility.regionCodes.0' });
    });

    it('is for the policy’s authority', () => {
      given(policyKind, [published]).when(amend({ title: '新标题' }, gzBureau)).thenEmits(['PolicyAmended']);
      given(policyKind, [published]).when(amend({ title: '新标题' }, haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED');
      given(policyKind, [published]).when(amend({ title: '新标题' }, gzHub)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('keeps a municipal policy from a district authority, by its level before its region', () => {
      const [municipal] = policyDecider.decide(publish({ level: 'MUNICIPAL', regionCode: GZ }, gzBureau), { status: 'NONE' });
      given(policyKind, [municipal]).when(amend({ title: '新标题' }, tianheAuthority)).thenThrows('POLICY_LEVEL_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(policyKind, [municipal]).when(repeal('2025-01-01', '替代', tianheAuthority)).thenThrows('POLICY_LEVEL_NOT_PERMITTED');
      given(policyKind, [municipal]).when(amend({ title: '新标题' }, szBureau)).thenThrows('REGION_NOT_PERMITTED');
    });

    it('cannot amend a repealed policy', () => {
      given(policyKind, [published, repealed]).when(amend({ title: '新标题' })).thenThrows('POLICY_REPEALED', { kind: 'CONFLICT' });
    });
  });

  describe('RepealPolicy (废止)', () => {
    it('records the day the repeal takes effect', () => {
      given(policyKind, [published])
        .when(repeal('2025-01-01'))
        .then([{ type: 'PolicyRepealed', data: { policyId: POLICY_ID, on: '2025-01-01', reason: '被新政策替代', repealedAt: NOW_ISO } }])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'REPEALED', repealedOn: '2025-01-01', repealReason: '被新政策替代' });
          const tagged = { industryCode: 'SOFTWARE_IT', sizeClass: 'SMALL', regionCode: TIANHE, tags: [{ tag: 'SPECIALISED', validFrom: '2024-01-01' }] } as const;
          expect(state.status === 'REPEALED' && isEligible(state, tagged, '2024-12-31').eligible).toBe(true);
          expect(state.status === 'REPEALED' && isEligible(state, tagged, '2025-01-01').eligible).toBe(false);
        });
    });

    it('may take effect up to the day after the last day in force, not later', () => {
      given(policyKind, [published]).when(repeal('2026-02-28')).thenEmits(['PolicyRepealed']);
      given(policyKind, [published]).when(repeal('2026-03-01')).thenThrows('REPEAL_AFTER_EXPIRY', { kind: 'CONFLICT', field: 'on' });
    });

    it('repeals once', () => {
      given(policyKind, [published, repealed]).when(repeal('2025-02-01')).thenThrows('POLICY_REPEALED');
    });

    it('needs a date and a reason', () => {
      given(policyKind, [published]).when(repeal('2025-1-1')).thenThrows('FIELD_INVALID', { field: 'on' });
      given(policyKind, [published]).when(repeal('2025-01-01', '')).thenThrows('FIELD_REQUIRED', { field: 'reason' });
    });

    it('is for the policy’s authority', () => {
      given(policyKind, [published]).when(repeal('2025-01-01', '替代', haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED');
      given(policyKind, [published]).when(repeal('2025-01-01', '替代', admin)).thenEmits(['PolicyRepealed']);
    });
  });

  it.each<PolicyCommand>([amend({ title: 'x' }), repeal('2025-01-01'), push(['ent-1'])])('$type on a policy that does not exist is POLICY_NOT_FOUND', (command) => {
    given(policyKind, []).when(command).thenThrows('POLICY_NOT_FOUND', { kind: 'NOT_FOUND' });
  });
});
