import type { DomainEvent } from '../shared/decider';
import type { ExpertOrganisation, ExpertSpecialty } from './expert.commands';

export type ExpertRegistered = DomainEvent<
  'ExpertRegistered',
  {
    expertId: string;
    name: string;
    specialties: ExpertSpecialty[];
    organisation: ExpertOrganisation;
    regionCode: string;
    cityCode: string;
    title: string;
    registeredBy: 'SELF' | 'HUB';
    registeredAt: string;
  }
>;

export type ExpertAdmitted = DomainEvent<'ExpertAdmitted', { expertId: string; opinion: string; admittedAt: string }>;

export type ExpertSuspended = DomainEvent<'ExpertSuspended', { expertId: string; reason: string; until?: string; suspendedAt: string }>;

export type ExpertReinstated = DomainEvent<'ExpertReinstated', { expertId: string; opinion: string; reinstatedAt: string }>;

export type ExpertRemoved = DomainEvent<'ExpertRemoved', { expertId: string; reason: string; removedAt: string }>;

/** The changed profile fields other than the organisation (which has its own event). */
export type ExpertProfileUpdated = DomainEvent<
  'ExpertProfileUpdated',
  {
    expertId: string;
    changes: { name?: string; specialties?: ExpertSpecialty[]; regionCode?: string; cityCode?: string; title?: string };
    updatedAt: string;
  }
>;

/** A move to another organisation: conflict-of-interest checks use the organisation at the time. */
export type ExpertOrganisationChanged = DomainEvent<
  'ExpertOrganisationChanged',
  { expertId: string; from: ExpertOrganisation; to: ExpertOrganisation; changedAt: string }
>;

export type ExpertEvent =
  | ExpertRegistered
  | ExpertAdmitted
  | ExpertSuspended
  | ExpertReinstated
  | ExpertRemoved
  | ExpertProfileUpdated
  | ExpertOrganisationChanged;

/** Current schema version of each event type (the envelope carries it). */
export const EXPERT_EVENT_SCHEMA_VERSIONS: Record<ExpertEvent['type'], number> = {
  ExpertRegistered: 1,
  ExpertAdmitted: 1,
  ExpertSuspended: 1,
  ExpertReinstated: 1,
  ExpertRemoved: 1,
  ExpertProfileUpdated: 1,
  ExpertOrganisationChanged: 1,
};
