import type { DomainEvent } from '../shared/decider';

export type CallOpened = DomainEvent<
  'CallOpened',
  {
    callId: string;
    title: string;
    documentNumber: string;
    cityCode: string;
    registrationCutoff: string;
    districtDeadline: string;
    cityDeadline: string;
    targetStationCount: number;
    openedAt: string;
  }
>;

export type CallClosed = DomainEvent<'CallClosed', { callId: string; closedAt: string }>;

export type PublishedListEntry = {
  applicationId: string;
  stationId: string;
  districtCode: string;
  stationName: string;
  /** 授牌编号, `${cityCode}-${year}-${seq}`, e.g. 440100-2019-001. */
  plaqueNumber: string;
};

export type CallListPublished = DomainEvent<
  'CallListPublished',
  { callId: string; entries: PublishedListEntry[]; publishedAt: string }
>;

export type CallEvent = CallOpened | CallClosed | CallListPublished;

/** Current schema version of each event type (the envelope carries it). */
export const CALL_EVENT_SCHEMA_VERSIONS: Record<CallEvent['type'], number> = {
  CallOpened: 1,
  CallClosed: 1,
  CallListPublished: 1,
};
