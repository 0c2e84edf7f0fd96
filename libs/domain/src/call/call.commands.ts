import type { DomainCommand } from '../shared/decider';
import type { CallEvents, PublishedListEntry } from './call.events';

/** 征集批次: the city authority opens a call, e.g. 穗工信函〔2019〕1100号 (the fields as CallOpened records them). */
export type OpenCall = DomainCommand<'OpenCall', Omit<CallEvents['CallOpened']['data'], 'openedAt'>>;

export type CloseCall = DomainCommand<'CloseCall', Omit<CallEvents['CallClosed']['data'], 'closedAt'>>;

/** One approved application as gathered by the handler for the published list (the decider numbers its plaque). */
export type ListEntryInput = Omit<PublishedListEntry, 'plaqueNumber'>;

/** 发布名单: the city authority publishes the approved stations; the decider numbers the plaques. */
export type PublishList = DomainCommand<'PublishList', { callId: string; entries: ListEntryInput[] }>;

export type CallCommand = OpenCall | CloseCall | PublishList;
