import type { DomainCommand } from '../shared/decider';
import type { ServiceDomain } from '../provider/service-domains';

/** A field of expertise: one of the service domains, with free text (required for OTHER), e.g. IP / 专利布局. */
export type ExpertSpecialty = { domain: ServiceDomain; detail?: string };

/** The organisation the expert works for: its id (a USCC for legal persons) and name. */
export type ExpertOrganisation = { id: string; name: string };

/** 服务专家库 registration, by the EXPERT themself (actor.id is the expertId) or the HUB of the expert's city. */
export type RegisterExpert = DomainCommand<
  'RegisterExpert',
  {
    expertId: string;
    name: string;
    specialties: ExpertSpecialty[];
    organisation: ExpertOrganisation;
    /** City- or county-level GB/T 2260 code. */
    regionCode: string;
    /** 职称或资格, e.g. 高级经济师, 执业律师. */
    title: string;
  }
>;

/** 入库 by the HUB or CITY_AUTHORITY of the expert's city. */
export type AdmitExpert = DomainCommand<'AdmitExpert', { expertId: string; opinion: string }>;

/** Off panels from now until the end of `until` ('YYYY-MM-DD', China calendar), or until reinstated. */
export type SuspendExpert = DomainCommand<'SuspendExpert', { expertId: string; reason: string; until?: string }>;

export type ReinstateExpert = DomainCommand<'ReinstateExpert', { expertId: string; opinion: string }>;

export type RemoveExpert = DomainCommand<'RemoveExpert', { expertId: string; reason: string }>;

/** By the expert or the city's HUB / CITY_AUTHORITY; only the fields given change. */
export type UpdateExpertProfile = DomainCommand<
  'UpdateExpertProfile',
  {
    expertId: string;
    name?: string;
    specialties?: ExpertSpecialty[];
    organisation?: ExpertOrganisation;
    regionCode?: string;
    title?: string;
  }
>;

export type ExpertCommand = RegisterExpert | AdmitExpert | SuspendExpert | ReinstateExpert | RemoveExpert | UpdateExpertProfile;
