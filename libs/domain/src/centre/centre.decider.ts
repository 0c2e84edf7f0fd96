import type { RecordLabel } from '../shared/record-kind';
import { createdOnce, decideByType, guardedBy } from '../shared/decide-by-type';
import type { Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { L, requireText } from '../shared/validation';
import type { CentreCommand, CloseCentre, LinkCentreProviders, RecordCentre, UnlinkCentreProvider, UpdateCentreFacts } from './centre.commands';
import type { CentreEvent } from './centre.events';
import { applyFactChanges, belowStandard, requireCentreFacts, requireRemediation, todayOf } from './centre.rules';
import { centreStandardOn, checkCentre } from './centre.standards';
import { evolveCentre, initialCentreState, type CentreState, type ExistingCentre } from './centre.state';

const whileOpen = guardedBy((c: ExistingCentre) => {
  if (c.status === 'CLOSED') throw conflict('CENTRE_CLOSED', '服务中心已撤销或关闭', 'The centre is closed');
});

/** How centre records are named when one is missing or is created a second time. */
export const CENTRE_RECORD: RecordLabel = { code: 'CENTRE', zh: '服务中心', en: 'centre' };

/**
 * What a centre's steps decide: the standard of its level, checked on recording and on every change;
 * below it only with a remediation plan and deadline. Who may take each step is centre.access.ts's.
 */
const decide = decideByType<CentreCommand, CentreState, CentreEvent, 'RecordCentre'>({
  onNew: { RecordCentre: createdOnce(CENTRE_RECORD, record) },
  on: {
    UpdateCentreFacts: whileOpen(update),
    LinkCentreProviders: whileOpen(link),
    UnlinkCentreProvider: whileOpen(unlink),
    CloseCentre: whileOpen(close),
  },
  record: CENTRE_RECORD,
});

function record(command: RecordCentre, state: CentreState): CentreEvent[] {
  const { data, metadata } = command;
  const today = todayOf(metadata.now);
  const facts = requireCentreFacts(data.facts, today);
  const check = checkCentre(centreStandardOn(today), facts);
  const at = metadata.now.toISOString();
  if (check.shortfalls.length === 0) {
    if (data.remediation !== undefined) throw invalid('REMEDIATION_NOT_NEEDED', '该服务中心已达标，无需整改计划', 'The centre meets the standard; no remediation plan is needed', 'remediation');
    return [{ type: 'CentreRecognised', data: { centreId: data.centreId, facts, check, recognisedAt: at } }];
  }
  if (data.remediation === undefined) throw belowStandard(check, facts.level);
  const remediation = requireRemediation(data.remediation, today);
  return [{ type: 'CentreRecordedBelowStandard', data: { centreId: data.centreId, facts, check, remediation, recordedAt: at } }];
}

/**
 * A change is checked again. Falling below (or staying below) needs a plan: given now, or the one in
 * force while still BELOW_STANDARD; meeting the standard again clears it.
 */
function update(command: UpdateCentreFacts, c: ExistingCentre): CentreEvent[] {
  const { data, metadata } = command;
  const today = todayOf(metadata.now);
  const { facts, changed } = applyFactChanges(c.facts, data.changes);
  const check = checkCentre(centreStandardOn(today), facts);
  const base = { centreId: c.centreId, changed, facts, check, updatedAt: metadata.now.toISOString() };
  if (check.shortfalls.length === 0) {
    if (data.remediation !== undefined) throw invalid('REMEDIATION_NOT_NEEDED', '变更后服务中心达标，无需整改计划', 'After the change the centre meets the standard; no remediation plan is needed', 'remediation');
    return [{ type: 'CentreFactsUpdated', data: base }];
  }
  if (data.remediation !== undefined) return [{ type: 'CentreFactsUpdated', data: { ...base, remediation: requireRemediation(data.remediation, today) } }];
  if (c.status !== 'BELOW_STANDARD') throw belowStandard(check, facts.level);
  return [{ type: 'CentreFactsUpdated', data: base }];
}

function link(command: LinkCentreProviders, c: ExistingCentre): CentreEvent[] {
  const given = command.data.providers ?? [];
  if (given.length === 0) throw invalid('PROVIDERS_REQUIRED', '须至少联系一家服务机构', 'Name at least one provider', 'providerIds');
  const seen = new Set<string>();
  const providers = given.map(({ inPool, ...provider }, i) => {
    if (seen.has(provider.providerId)) throw invalid('FIELD_INVALID', '服务机构重复', 'A provider is named twice', `providerIds.${i}`);
    seen.add(provider.providerId);
    if (c.providers.some((p) => p.providerId === provider.providerId)) {
      throw conflict('PROVIDER_ALREADY_LINKED', `已联系${provider.name}`, `The centre already works with ${provider.name}`, `providerIds.${i}`);
    }
    if (!inPool) throw conflict('PROVIDER_NOT_IN_POOL', `${provider.name}不在优质服务机构库内`, `${provider.name} is not in the quality pool`, `providerIds.${i}`);
    return provider;
  });
  return [{ type: 'CentreProvidersLinked', data: { centreId: c.centreId, providers, linkedAt: command.metadata.now.toISOString() } }];
}

function unlink(command: UnlinkCentreProvider, c: ExistingCentre): CentreEvent[] {
  const { providerId } = command.data;
  if (!c.providers.some((p) => p.providerId === providerId)) {
    throw conflict('PROVIDER_NOT_LINKED', '该服务中心未联系此服务机构', 'The centre does not work with this provider', 'providerId');
  }
  const reason = requireText(command.data.reason, 'reason', L('原因', 'Reason'));
  return [{ type: 'CentreProviderUnlinked', data: { centreId: c.centreId, providerId, reason, unlinkedAt: command.metadata.now.toISOString() } }];
}

function close(command: CloseCentre, c: ExistingCentre): CentreEvent[] {
  const reason = requireText(command.data.reason, 'reason', L('撤销或关闭原因', 'Reason'));
  return [{ type: 'CentreClosed', data: { centreId: c.centreId, reason, closedAt: command.metadata.now.toISOString() } }];
}

export const centreDecider: Decider<CentreCommand, CentreState, CentreEvent> = { initialState: initialCentreState, evolve: evolveCentre, decide };
