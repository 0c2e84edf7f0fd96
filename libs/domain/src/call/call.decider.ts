import { recordNotFound, type RecordLabel } from '../shared/record-kind';
import { createdOnce, decideByType } from '../shared/decide-by-type';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { instantMs, isInstant } from '../shared/dates';
import { isDocumentNumber } from '../shared/document-number';
import { formatPlaqueNumber } from '../shared/plaque-number';
import { isWithinCity, requireCityCode } from '../shared/region-code';
import { requireBusinessDate, requireFormat, requireInteger, requireText } from '../shared/validation';
import type { CallCommand, CloseCall, OpenCall, PublishList } from './call.commands';
import type { CallEvent, CallEvents, PublishedListEntry } from './call.events';
import { callYear, type CallSnapshot } from './call.snapshot';

export type CallDetails = CallEvents['CallOpened']['data'];

export type CallState =
  | { status: 'NONE' }
  | ({ status: 'OPEN' } & CallDetails)
  | ({ status: 'CLOSED'; closedAt: string } & CallDetails)
  | ({ status: 'PUBLISHED'; closedAt: string; publishedAt: string; entries: PublishedListEntry[] } & CallDetails);

export type CallStatus = CallState['status'];

export type ExistingCall = Exclude<CallState, { status: 'NONE' }>;

const initialState = (): CallState => ({ status: 'NONE' });

function evolve(state: CallState, event: CallEvent): CallState {
  switch (event.type) {
    case 'CallOpened':
      return { status: 'OPEN', ...event.data };
    case 'CallClosed':
      return state.status === 'NONE' ? state : { ...state, status: 'CLOSED', closedAt: event.data.closedAt };
    case 'CallListPublished':
      return state.status === 'CLOSED'
        ? { ...state, status: 'PUBLISHED', publishedAt: event.data.publishedAt, entries: event.data.entries }
        : state;
    default:
      return assertNever(event);
  }
}

/** How call records are named when one is missing or is created a second time. */
export const CALL_RECORD: RecordLabel = { code: 'CALL', zh: '征集批次', en: 'call' };

const decide = decideByType<CallCommand, CallState, CallEvent, 'OpenCall'>({
  onNew: { OpenCall: createdOnce(CALL_RECORD, openCall) },
  on: { CloseCall: closeCall, PublishList: publishList },
  record: CALL_RECORD,
});

function openCall(command: OpenCall, state: CallState): CallEvent[] {
  const { data, metadata } = command;
  requireCityCode(data.cityCode, 'cityCode');

  const callId = requireText(data.callId, 'callId', { zh: '批次编号', en: 'Call id' });
  const title = requireText(data.title, 'title', { zh: '标题', en: 'Title' });
  const documentNumber = requireText(data.documentNumber, 'documentNumber', { zh: '文号', en: 'Document number' });
  if (!isDocumentNumber(documentNumber)) {
    throw invalid(
      'DOCUMENT_NUMBER_INVALID',
      `文号“${documentNumber}”格式应为“机关代字〔年份〕序号号”，如穗工信函〔2019〕1100号`,
      `Document number "${documentNumber}" must read issuer〔YYYY〕number号, e.g. 穗工信函〔2019〕1100号`,
      'documentNumber',
    );
  }
  const registrationCutoff = requireBusinessDate(data.registrationCutoff, 'registrationCutoff', { zh: '注册截止日期', en: 'Registration cut-off' });
  const districtDeadline = requireFormat(data.districtDeadline, isInstant, 'districtDeadline', { zh: '区受理截止时间', en: 'District deadline' }, '带时区的时间，如2019-06-18T17:00:00+08:00', 'an ISO-8601 instant with offset, e.g. 2019-06-18T17:00:00+08:00');
  const cityDeadline = requireFormat(data.cityDeadline, isInstant, 'cityDeadline', { zh: '报市截止时间', en: 'City deadline' }, '带时区的时间，如2019-06-21T17:00:00+08:00', 'an ISO-8601 instant with offset, e.g. 2019-06-21T17:00:00+08:00');
  if (instantMs(cityDeadline) < instantMs(districtDeadline)) {
    throw invalid(
      'CITY_DEADLINE_BEFORE_DISTRICT_DEADLINE',
      '报市截止时间不得早于区受理截止时间',
      'The city deadline cannot be before the district deadline',
      'cityDeadline',
    );
  }
  if (instantMs(districtDeadline) <= metadata.now.getTime()) {
    throw invalid(
      'DISTRICT_DEADLINE_NOT_IN_FUTURE',
      '区受理截止时间须晚于发布时间',
      'The district deadline must be after the moment the call opens',
      'districtDeadline',
    );
  }
  const targetStationCount = requireInteger(data.targetStationCount, 'targetStationCount', { zh: '建设目标数量', en: 'Target station count' }, 1);

  return [
    {
      type: 'CallOpened',
      data: {
        callId,
        title,
        documentNumber,
        cityCode: data.cityCode,
        registrationCutoff,
        districtDeadline,
        cityDeadline,
        targetStationCount,
        openedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function closeCall(command: CloseCall, state: ExistingCall): CallEvent[] {
  if (state.status !== 'OPEN') {
    throw conflict('CALL_ALREADY_CLOSED', '该征集批次已截止', 'The call is already closed');
  }
  return [{ type: 'CallClosed', data: { callId: state.callId, closedAt: command.metadata.now.toISOString() } }];
}

function publishList(command: PublishList, state: ExistingCall): CallEvent[] {
  if (state.status === 'OPEN') {
    throw conflict('CALL_NOT_CLOSED', '征集批次尚未截止，不能发布名单', 'The call must be closed before its list is published');
  }
  if (state.status === 'PUBLISHED') {
    throw conflict('LIST_ALREADY_PUBLISHED', '该批次名单已发布', "The call's list is already published");
  }
  const entries = command.data.entries;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw conflict('NOTHING_TO_PUBLISH', '没有可发布的审定通过的申请', 'There are no approved applications to publish', 'entries');
  }
  const checked = entries.map((entry, i) => {
    const at = `entries.${i}`;
    const checkedEntry = {
      applicationId: requireText(entry.applicationId, `${at}.applicationId`, { zh: '申请编号', en: 'Application id' }),
      stationId: requireText(entry.stationId, `${at}.stationId`, { zh: '服务站编号', en: 'Station id' }),
      districtCode: entry.districtCode,
      stationName: requireText(entry.stationName, `${at}.stationName`, { zh: '服务站名称', en: 'Station name' }),
    };
    if (!isWithinCity(entry.districtCode, state.cityCode)) {
      throw invalid(
        'ENTRY_OUTSIDE_CITY',
        `第${i + 1}项的区“${entry.districtCode}”不属于本批次所在城市`,
        `Entry ${i + 1}: district "${entry.districtCode}" is not in the call's city`,
        `${at}.districtCode`,
      );
    }
    return checkedEntry;
  });
  rejectDuplicates(checked, 'applicationId');
  rejectDuplicates(checked, 'stationId');

  const year = callYear(state);
  const numbered = [...checked]
    .sort((a, b) => compareCodes(a.districtCode, b.districtCode) || compareCodes(a.applicationId, b.applicationId))
    .map((entry, i) => ({ ...entry, plaqueNumber: formatPlaqueNumber(state.cityCode, year, i + 1) }));
  const published: CallEvents['CallListPublished'] = {
    type: 'CallListPublished',
    data: { callId: state.callId, entries: numbered, publishedAt: command.metadata.now.toISOString() },
  };
  return [published];
}

/** Plain code-unit order, so the numbering does not depend on a locale. */
const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function rejectDuplicates(entries: Array<{ applicationId: string; stationId: string }>, key: 'applicationId' | 'stationId'): void {
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (seen.has(entry[key])) {
      throw invalid(
        'DUPLICATE_LIST_ENTRY',
        `名单中“${entry[key]}”重复出现`,
        `"${entry[key]}" appears more than once in the list`,
        `entries.${i}.${key}`,
      );
    }
    seen.add(entry[key]);
  });
}

/** What application commands need to know about the call; CALL_NOT_FOUND when it does not exist. */
export function toCallSnapshot(state: CallState): CallSnapshot {
  if (state.status === 'NONE') throw recordNotFound(CALL_RECORD);
  const call = state;
  return {
    id: call.callId,
    status: call.status,
    cityCode: call.cityCode,
    documentNumber: call.documentNumber,
    registrationCutoff: call.registrationCutoff,
    districtDeadline: call.districtDeadline,
    cityDeadline: call.cityDeadline,
    targetStationCount: call.targetStationCount,
  };
}

export const callDecider: Decider<CallCommand, CallState, CallEvent> = { initialState, evolve, decide };
