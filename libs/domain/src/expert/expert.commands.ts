import type { DomainCommand } from '../shared/decider';
import type { ExpertEvents, ExpertOrganisation, ExpertSpecialty } from './expert.events';

export type { ExpertOrganisation, ExpertSpecialty };

/**
 * 服务专家库 registration, by the EXPERT themself (actor.id is the expertId) or the HUB of the expert's city.
 * The city follows from the city- or county-level `regionCode`; who registered from the actor.
 */
export type RegisterExpert = DomainCommand<'RegisterExpert', Omit<ExpertEvents['ExpertRegistered']['data'], 'cityCode' | 'registeredBy' | 'registeredAt'>>;

/** 入库 by the HUB or CITY_AUTHORITY of the expert's city. */
export type AdmitExpert = DomainCommand<'AdmitExpert', Omit<ExpertEvents['ExpertAdmitted']['data'], 'admittedAt'>>;

/** Off panels from now until the end of `until` ('YYYY-MM-DD', China calendar), or until reinstated. */
export type SuspendExpert = DomainCommand<'SuspendExpert', Omit<ExpertEvents['ExpertSuspended']['data'], 'suspendedAt'>>;

export type ReinstateExpert = DomainCommand<'ReinstateExpert', Omit<ExpertEvents['ExpertReinstated']['data'], 'reinstatedAt'>>;

export type RemoveExpert = DomainCommand<'RemoveExpert', Omit<ExpertEvents['ExpertRemoved']['data'], 'removedAt'>>;

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
