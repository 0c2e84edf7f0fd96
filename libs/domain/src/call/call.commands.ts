import type { DomainCommand } from '../shared/decider';

/** 征集批次: the city authority opens a call, e.g. 穗工信函〔2019〕1100号. */
export type OpenCall = DomainCommand<
  'OpenCall',
  {
    callId: string;
    title: string;
    /** Issuer, 〔YYYY〕, number, 号 — e.g. 穗工信函〔2019〕1100号. */
    documentNumber: string;
    /** GB/T 2260 city code, e.g. 440100. */
    cityCode: string;
    /** 'YYYY-MM-DD'; operators must have been registered before it. */
    registrationCutoff: string;
    /** ISO-8601 instant with offset, e.g. 2019-06-18T17:00:00+08:00. */
    districtDeadline: string;
    /** ISO-8601 instant with offset, not before districtDeadline. */
    cityDeadline: string;
    targetStationCount: number;
  }
>;

export type CloseCall = DomainCommand<'CloseCall', { callId: string }>;

/** One approved application as gathered by the handler for the published list. */
export type ListEntryInput = {
  applicationId: string;
  stationId: string;
  districtCode: string;
  stationName: string;
};

/** 发布名单: the city authority publishes the approved stations; the decider numbers the plaques. */
export type PublishList = DomainCommand<'PublishList', { callId: string; entries: ListEntryInput[] }>;

export type CallCommand = OpenCall | CloseCall | PublishList;
