import type { CentreEvent } from '@sme/domain/centre/centre.events';
import { professionalPercent } from '@sme/domain/centre/centre.standards';
import type { CentreCheck, CentreFacts, CentreLevel, CentreOrigin, CentreShortfall, CentreStanding, LinkedProvider, Remediation } from '@sme/domain/centre/centre.terms';
import { assertNever } from '@sme/domain/shared/decider';
import { cityCodeOf, isProvinceCode, provinceCodeOf } from '@sme/domain/shared/region-code';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

/**
 * A service centre (`centre-<id>`) as a row of the 建设情况汇总表 (附件2): 单位名称, 性质, 全职从业人员数,
 * 服务场地, 联系主要服务机构数量及名称, 负责人, 联系方式 — with its level, region, origin and standing.
 * (服务活动数量 and 服务人数 come from the activity records, not from here.)
 */
export interface CentreView extends ViewVersion {
  id: string;
  name: string;
  orgId: string;
  legalForm: CentreFacts['legalForm'];
  level: CentreLevel;
  regionCode: string;
  /** The city, or null for the province centre. */
  cityCode: string | null;
  provinceCode: string;
  town: string | null;
  origin: CentreOrigin;
  areaSqm: number;
  address: string;
  fullTimeStaff: number;
  professionalStaff: number;
  /** To one decimal (699 of 1000: 69.9). */
  professionalPercent: number;
  head: string;
  contact: CentreFacts['contact'];
  status: CentreStanding;
  standardId: string;
  shortfalls: CentreShortfall[];
  basis: string;
  remediation: Remediation | null;
  /** The deadline of the plan in force (BELOW_STANDARD only), for the overdue list. */
  remediationDeadline: string | null;
  providers: LinkedProvider[];
  providerCount: number;
  recordedAt: string;
  closedAt: string | null;
  closureReason: string | null;
}

type FactFields = Pick<CentreView, 'name' | 'orgId' | 'legalForm' | 'level' | 'regionCode' | 'cityCode' | 'provinceCode' | 'town' | 'origin' | 'areaSqm' | 'address' | 'fullTimeStaff' | 'professionalStaff' | 'professionalPercent' | 'head' | 'contact'>;

function factFields(facts: CentreFacts): FactFields {
  return {
    name: facts.name,
    orgId: facts.orgId,
    legalForm: facts.legalForm,
    level: facts.level,
    regionCode: facts.regionCode,
    cityCode: isProvinceCode(facts.regionCode) ? null : cityCodeOf(facts.regionCode),
    provinceCode: provinceCodeOf(facts.regionCode),
    town: facts.town ?? null,
    origin: facts.origin,
    areaSqm: facts.venue.areaSqm,
    address: facts.venue.address,
    fullTimeStaff: facts.staff.fullTime,
    professionalStaff: facts.staff.professional,
    professionalPercent: professionalPercent(facts.staff),
    head: facts.head,
    contact: facts.contact,
  };
}

const checkFields = (check: CentreCheck) => ({ standardId: check.standardId, shortfalls: check.shortfalls, basis: check.basis });

function recorded(centreId: string, facts: CentreFacts, check: CentreCheck, remediation: Remediation | null, at: string): Omit<CentreView, keyof ViewVersion> & { _id: string } {
  return {
    _id: centreId,
    id: centreId,
    ...factFields(facts),
    status: remediation === null ? 'RECOGNISED' : 'BELOW_STANDARD',
    ...checkFields(check),
    remediation,
    remediationDeadline: remediation?.deadline ?? null,
    providers: [],
    providerCount: 0,
    recordedAt: at,
    closedAt: null,
    closureReason: null,
  };
}

/** Pure: the centre's view after one more of its events. */
export const projectCentre = projectionStep<CentreView, CentreEvent>((view, e, version) => {
  switch (e.type) {
    case 'CentreRecognised':
      return { ...recorded(e.data.centreId, e.data.facts, e.data.check, null, e.data.recognisedAt), ...version };
    case 'CentreRecordedBelowStandard':
      return { ...recorded(e.data.centreId, e.data.facts, e.data.check, e.data.remediation, e.data.recordedAt), ...version };
    case 'CentreFactsUpdated': {
      if (!view) return view;
      const below = e.data.check.shortfalls.length > 0;
      const remediation = below ? (e.data.remediation ?? view.remediation) : null;
      return {
        ...view,
        ...factFields(e.data.facts),
        ...checkFields(e.data.check),
        status: below ? 'BELOW_STANDARD' : 'RECOGNISED',
        remediation,
        remediationDeadline: remediation?.deadline ?? null,
        ...version,
      };
    }
    case 'CentreProvidersLinked': {
      if (!view) return view;
      const providers = [...view.providers, ...e.data.providers];
      return { ...view, providers, providerCount: providers.length, ...version };
    }
    case 'CentreProviderUnlinked': {
      if (!view) return view;
      const providers = view.providers.filter((p) => p.providerId !== e.data.providerId);
      return { ...view, providers, providerCount: providers.length, ...version };
    }
    case 'CentreClosed':
      return view && { ...view, status: 'CLOSED', remediationDeadline: null, closedAt: e.data.closedAt, closureReason: e.data.reason, ...version };
    default:
      return assertNever(e);
  }
});
