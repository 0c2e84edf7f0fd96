import {
  arrayOf,
  at,
  businessDate,
  cityCode,
  closed,
  deadline,
  districtCode,
  documentNumber,
  integer,
  plaqueNumber,
  recordId,
  text,
  type Static,
} from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';

export const PublishedListEntrySchema = closed(
  {
    applicationId: recordId('The approved application'),
    stationId: recordId('The station the application becomes'),
    districtCode: districtCode(),
    stationName: text('Station name'),
    plaqueNumber: plaqueNumber(),
  },
  { $id: 'PublishedListEntry', description: 'One designated station on the published list' },
);
export type PublishedListEntry = Static<typeof PublishedListEntrySchema>;

/** 征集批次: every event of a call's record. */
export const CALL_EVENTS = recordEvents({ callId: recordId('The call') }, {
  CallOpened: {
    action: 'opened',
    title: 'Call opened (征集批次发布)',
    summary: 'The city authority opened a call for station applications.',
    payload: {
      title: text('Title of the call'),
      documentNumber: documentNumber('发文字号: issuer〔year〕number号, e.g. 穗工信函〔2019〕1100号'),
      cityCode: cityCode(),
      registrationCutoff: businessDate('Operators must have been registered before this day'),
      districtDeadline: deadline('Applications reach the district by then (逾期不予受理)'),
      cityDeadline: deadline('Districts forward their reviews to the city by then; not before districtDeadline'),
      targetStationCount: integer(1, undefined, '建设目标: how many stations the call aims for'),
      openedAt: at('When the call opened'),
    },
  },
  CallClosed: {
    action: 'closed',
    title: 'Call closed (征集截止)',
    summary: 'The call takes no more submissions.',
    payload: { closedAt: at('When the call closed') },
  },
  CallListPublished: {
    action: 'list-published',
    title: 'List published (发布名单)',
    summary: 'The city published the list of designated stations, with their plaque numbers.',
    description:
      'Plaque numbers are numbered by district code, then application id. Each entry is followed by ApplicationDesignated ' +
      '(applications topic) and StationDesignated (stations topic) whose ce_causationid is this event’s ce_id.',
    payload: {
      entries: arrayOf(PublishedListEntrySchema, { minItems: 1, description: 'The designated stations' }),
      publishedAt: at('When the list was published'),
    },
  },
});

export type CallEvent = EventOf<typeof CALL_EVENTS>;
export type CallEvents = EventsByType<typeof CALL_EVENTS>;
