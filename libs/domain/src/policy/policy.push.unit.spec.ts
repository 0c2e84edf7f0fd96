import { anActor, given } from '../shared/testing';
import { policyDecider } from './policy.decider';
import { policyKind } from './policy.kind';
import {
  tianheAuthority,
  haizhuAuthority,
  gzBureau,
  gzHub,
  szHub,
  admin,
  provider,
  NOW_ISO,
  POLICY_ID,
  publish,
  push,
  published,
  amended,
  repealed,
  pushed,
} from './policy.fixtures';

describe('Policy (基础信息库 · 法律政策)', () => {
  describe('PushPolicy (政策推送)', () => {
    it('is one event per enterprise', () => {
      given(policyKind, [published])
        .when(push(['ent-1', 'ent-2']))
        .then([
          { type: 'PolicyPushed', data: { policyId: POLICY_ID, pushId: 'push-1', enterpriseId: 'ent-1', version: 1, pushedAt: NOW_ISO } },
          { type: 'PolicyPushed', data: { policyId: POLICY_ID, pushId: 'push-1', enterpriseId: 'ent-2', version: 1, pushedAt: NOW_ISO } },
        ])
        .andState((state) => {
          expect(state.status === 'PUBLISHED' && state.pushIds).toEqual(['push-1']);
          expect(state.status === 'PUBLISHED' && state.pushedVersions).toEqual({ 'ent-1': 1, 'ent-2': 1 });
        });
    });

    it('does not push the same version to an enterprise twice, but does push a new version', () => {
      given(policyKind, [published, pushed('ent-1')]).when(push(['ent-1', 'ent-2'])).thenEmits(['PolicyPushed']);
      given(policyKind, [published, pushed('ent-1'), pushed('ent-2')]).when(push(['ent-1', 'ent-2'])).thenThrows('NOTHING_TO_PUSH', { kind: 'CONFLICT', field: 'enterpriseIds' });
      given(policyKind, [published, pushed('ent-1'), amended]).when(push(['ent-1'])).thenEmits(['PolicyPushed']);
    });

    it('uses a push id once', () => {
      given(policyKind, [published, pushed('ent-1')]).when(push(['ent-2'], 'push-0')).thenThrows('PUSH_ID_ALREADY_USED', { kind: 'CONFLICT', field: 'pushId' });
    });

    it('needs enterprises, each once', () => {
      given(policyKind, [published]).when(push([])).thenThrows('FIELD_INVALID', { field: 'enterpriseIds' });
      given(policyKind, [published]).when(push(['ent-1', ' '])).thenThrows('FIELD_REQUIRED', { field: 'enterpriseIds.1' });
      given(policyKind, [published]).when(push(['ent-1', 'ent-1'])).thenThrows('FIELD_INVALID', { field: 'enterpriseIds.1' });
      given(policyKind, [published]).when(push(['ent-1'], '')).thenThrows('FIELD_REQUIRED', { field: 'pushId' });
    });

    it('may announce a policy before it takes effect, and push on its last day, not after', () => {
      given(policyKind, [published]).when(push(['ent-1'], 'push-1', gzHub, '2024-02-01T10:00:00+08:00')).thenEmits(['PolicyPushed']);
      given(policyKind, [published]).when(push(['ent-1'], 'push-1', gzHub, '2026-02-28T23:59:00+08:00')).thenEmits(['PolicyPushed']);
      // 2026-02-28T16:30Z is already 1 March in China.
      given(policyKind, [published]).when(push(['ent-1'], 'push-1', gzHub, '2026-02-28T16:30:00Z')).thenThrows('POLICY_EXPIRED', { kind: 'CONFLICT' });
    });

    it('does not push a repealed policy', () => {
      given(policyKind, [published, repealed]).when(push(['ent-1'])).thenThrows('POLICY_REPEALED');
    });

    it('is for the hub and authorities whose region overlaps the policy’s', () => {
      given(policyKind, [published]).when(push(['ent-1'], 'push-1', tianheAuthority)).thenEmits(['PolicyPushed']);
      given(policyKind, [published]).when(push(['ent-1'], 'push-1', gzBureau)).thenEmits(['PolicyPushed']);
      given(policyKind, [published]).when(push(['ent-1'], 'push-1', admin)).thenEmits(['PolicyPushed']);
      given(policyKind, [published]).when(push(['ent-1'], 'push-1', haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(policyKind, [published]).when(push(['ent-1'], 'push-1', szHub)).thenThrows('REGION_NOT_PERMITTED');
      given(policyKind, [published]).when(push(['ent-1'], 'push-1', provider)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('lets a district push a provincial policy to its own enterprises', () => {
      const provincial = publish({ level: 'PROVINCIAL', regionCode: '440000' }, admin);
      const [event] = policyDecider.decide(provincial, { status: 'NONE' });
      given(policyKind, [event]).when(push(['ent-1'], 'push-1', haizhuAuthority)).thenEmits(['PolicyPushed']);
      given(policyKind, [event]).when(push(['ent-1'], 'push-1', anActor('HUB', '450100'))).thenThrows('REGION_NOT_PERMITTED');
    });

    it('lets any hub or authority push a national policy', () => {
      const national = publish({ level: 'NATIONAL', regionCode: undefined, documentNumber: '工信部企业〔2023〕213号' }, admin);
      const [event] = policyDecider.decide(national, { status: 'NONE' });
      given(policyKind, [event]).when(push(['ent-1'], 'push-1', szHub)).thenEmits(['PolicyPushed']);
      given(policyKind, [event]).when(push(['ent-1'], 'push-1', haizhuAuthority)).thenEmits(['PolicyPushed']);
    });
  });

});
