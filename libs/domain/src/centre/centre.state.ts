import { assertNever } from '../shared/decider';
import type { CentreEvent } from './centre.events';
import type { CentreCheck, CentreFacts, CentreStanding, LinkedProvider, Remediation } from './centre.terms';

export type CentreRecord = {
  centreId: string;
  facts: CentreFacts;
  check: CentreCheck;
  /** The plan in force while BELOW_STANDARD. */
  remediation?: Remediation;
  providers: LinkedProvider[];
  recordedAt: string;
  closure?: { reason: string; closedAt: string };
};

export type CentreState = { status: 'NONE' } | ({ status: CentreStanding } & CentreRecord);
export type ExistingCentre = Exclude<CentreState, { status: 'NONE' }>;

export const initialCentreState = (): CentreState => ({ status: 'NONE' });

export function evolveCentre(state: CentreState, event: CentreEvent): CentreState {
  switch (event.type) {
    case 'CentreRecognised': {
      const { centreId, facts, check, recognisedAt } = event.data;
      return { status: 'RECOGNISED', centreId, facts, check, providers: [], recordedAt: recognisedAt };
    }
    case 'CentreRecordedBelowStandard': {
      const { centreId, facts, check, remediation, recordedAt } = event.data;
      return { status: 'BELOW_STANDARD', centreId, facts, check, remediation, providers: [], recordedAt };
    }
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'CentreFactsUpdated': {
      const { facts, check, remediation } = event.data;
      const { remediation: _, ...rest } = state;
      return check.shortfalls.length === 0
        ? { ...rest, status: 'RECOGNISED', facts, check }
        : { ...rest, status: 'BELOW_STANDARD', facts, check, remediation: remediation ?? state.remediation };
    }
    case 'CentreProvidersLinked':
      return { ...state, providers: [...state.providers, ...event.data.providers] };
    case 'CentreProviderUnlinked':
      return { ...state, providers: state.providers.filter((p) => p.providerId !== event.data.providerId) };
    case 'CentreClosed':
      return { ...state, status: 'CLOSED', closure: { reason: event.data.reason, closedAt: event.data.closedAt } };
    default:
      return assertNever(event);
  }
}
