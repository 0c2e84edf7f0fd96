import { grant, type AccessPolicy } from '../shared/access';
import { asLocalRegionCode, CITY_STEWARD_ROLES } from '../shared/city-scope';
import type { Actor } from '../shared/decider';
import { forbidden } from '../shared/domain-error';
import type { ExpertCommand } from './expert.commands';
import type { ExistingExpert, ExpertState } from './expert.state';

/** NOT_SELF unless the acting expert is the one the record is about: an expert's id is their user id. */
function requireSelf(actor: Actor, expertId: unknown): void {
  if (typeof expertId !== 'string' || actor.id !== expertId.trim()) {
    throw forbidden('NOT_SELF', '专家只能办理本人的事项', 'An expert may act only on their own record');
  }
}

/** The hub or the city authority of the expert's city: those who run the city's 服务专家库. */
const cityStewardOfTheExpert = grant<ExistingExpert, unknown>({
  roles: CITY_STEWARD_ROLES,
  region: { of: (expert) => expert?.regionCode, match: 'sameCity' },
});

/** Who may do what in the 服务专家库. */
export const expertAccess: AccessPolicy<ExpertCommand, ExpertState> = {
  // An expert registers themself; the hub registers anyone of its city. A region code that is not a
  // city or county one is the decider's REGION_CODE_INVALID, checked before the region.
  RegisterExpert: [
    { roles: ['EXPERT'], also: (actor, _, data) => requireSelf(actor, data.expertId) },
    { roles: ['HUB'], region: { of: (_, data) => asLocalRegionCode(data.regionCode), match: 'sameCity' } },
  ],
  // 入库, suspension, reinstatement and 出库 are the city's.
  AdmitExpert: [cityStewardOfTheExpert],
  SuspendExpert: [cityStewardOfTheExpert],
  ReinstateExpert: [cityStewardOfTheExpert],
  RemoveExpert: [cityStewardOfTheExpert],
  UpdateExpertProfile: [
    // A missing record is the decider's 404.
    {
      roles: ['EXPERT'],
      also: (actor, expert) => {
        if (expert !== undefined) requireSelf(actor, expert.expertId);
      },
    },
    cityStewardOfTheExpert,
  ],
};
