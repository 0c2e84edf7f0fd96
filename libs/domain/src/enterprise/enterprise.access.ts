import { grant, regionNotPermitted, type AccessPolicy } from '../shared/access';
import type { Role } from '../shared/decider';
import { isWithinRegion } from '../shared/region-code';
import { parseUscc } from '../shared/uscc';
import type { EnterpriseCommand } from './enterprise.commands';
import { asRegionCode } from '../shared/region-code';
import type { EnterpriseState, ExistingEnterprise } from './enterprise.state';

/**
 * The USCC a registration names, in canonical form. An invalid one is left to the decider, whose
 * USCC_INVALID answers first: nothing is written either way.
 */
function validUscc(value: unknown): string | undefined {
  const uscc = parseUscc(value);
  return uscc.ok ? uscc.value : undefined;
}

/** Besides the enterprise itself, who may register an enterprise on its behalf (inside their region). */
export const ENTERPRISE_REGISTRAR_ROLES: readonly Role[] = ['STATION_OPERATOR', 'HUB', 'DISTRICT_AUTHORITY'];

/** The enterprise registering itself: its organisation is the USCC the registration names. */
export const enterpriseRegisteringItself = grant<unknown, { uscc: string }>({ roles: ['ENTERPRISE'], owner: (_, data) => validUscc(data.uscc) });

/** The enterprise acting on its own record: its organisation is the record's USCC. */
const itself = grant<ExistingEnterprise, unknown>({ roles: ['ENTERPRISE'], owner: (enterprise) => enterprise?.uscc });

/** The hub and the SME authorities report figures and keep the profile of the enterprises inside their region. */
const maintainer = grant<ExistingEnterprise, unknown>({
  roles: ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB'],
  region: { of: (enterprise) => enterprise?.regionCode, match: 'within' },
});

/**
 * Who records and revokes tags (inside their region). The recognition itself is often issued higher
 * up (province, MIIT, the 高新技术企业 认定机构); the ledger names that issuer in `issuedBy`, and the
 * city or district SME authority answers for recording it.
 */
const tagAuthority = grant<ExistingEnterprise, unknown>({
  roles: ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY'],
  region: { of: (enterprise) => enterprise?.regionCode, match: 'within' },
});

/** Who may do what in the 中小企业数据库. */
export const enterpriseAccess: AccessPolicy<EnterpriseCommand, EnterpriseState> = {
  // 入库: by the enterprise itself, or on its behalf by a registrar whose region holds it. An invalid
  // region code is the decider's REGION_CODE_INVALID, checked before the region.
  RegisterEnterprise: [
    enterpriseRegisteringItself,
    { roles: ENTERPRISE_REGISTRAR_ROLES, region: { of: (_, data) => asRegionCode(data.regionCode), match: 'within' } },
  ],
  ReportEnterpriseFigures: [itself, maintainer],
  UpdateEnterpriseProfile: [
    // The enterprise may move anywhere; anyone else only between regions they hold: a district authority
    // cannot send a record out of its district, nor pull one in from outside.
    itself,
    {
      ...maintainer,
      also: (actor, _, data) => {
        const to = asRegionCode(data.regionCode);
        if (to !== undefined && !isWithinRegion(to, actor.regionCode)) throw regionNotPermitted(actor, to);
      },
    },
  ],
  RecordEnterpriseTies: [itself, maintainer],
  GrantEnterpriseTag: [tagAuthority],
  RevokeEnterpriseTag: [tagAuthority],
};

