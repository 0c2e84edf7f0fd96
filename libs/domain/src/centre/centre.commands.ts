import type { DomainCommand } from '../shared/decider';
import type { CentreFacts, LinkedProvider, Remediation } from './centre.terms';

/** The facts a change may set: not the level, region, operator or origin, which make another centre. */
export const UPDATABLE_FACTS = ['name', 'legalForm', 'venue', 'staff', 'head', 'contact'] as const;
export type UpdatableFact = (typeof UPDATABLE_FACTS)[number];

/** By the authority of the centre's region; a centre below standard needs `remediation`. */
export type RecordCentre = DomainCommand<'RecordCentre', { centreId: string; facts: CentreFacts; remediation?: Remediation }>;
/** Re-checked: falling below the standard needs `remediation` in the same command. */
export type UpdateCentreFacts = DomainCommand<'UpdateCentreFacts', { centreId: string; changes: Partial<Pick<CentreFacts, UpdatableFact>>; remediation?: Remediation }>;
/** The handler reads each provider's record: as it stands, and whether it is in the 库 now. */
export type LinkCentreProviders = DomainCommand<'LinkCentreProviders', { centreId: string; providers: (LinkedProvider & { inPool: boolean })[] }>;
export type UnlinkCentreProvider = DomainCommand<'UnlinkCentreProvider', { centreId: string; providerId: string; reason: string }>;
export type CloseCentre = DomainCommand<'CloseCentre', { centreId: string; reason: string }>;

export type CentreCommand = RecordCentre | UpdateCentreFacts | LinkCentreProviders | UnlinkCentreProvider | CloseCentre;
