import type { PanelCandidate } from '../application/application.commands';
import { expertOrganisationAt, isAvailableForPanel, type ExpertState } from './expert.state';

/**
 * What the expert registry says of an expert proposed for a panel at the panel's business time: the
 * name, the organisation held then and whether the expert could sit then. An expert not yet
 * registered at that time has no registry entry.
 */
export function panelCandidateOf(expertId: string, state: ExpertState, at: Date | string): PanelCandidate {
  const organisation = expertOrganisationAt(state, at);
  if (state.status === 'NONE' || organisation === undefined) return { expertId };
  return { expertId, registry: { name: state.name, organisation: organisation.id, available: isAvailableForPanel(state, at) } };
}
