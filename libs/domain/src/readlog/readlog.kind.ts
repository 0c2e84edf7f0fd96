import { defineKind } from '../shared/record-kind';
import { READ_LOG_RECORD, READ_LOG_EVENTS, readLogDecider } from './readlog';
import { readLogAccess } from './readlog.access';

/** 个人信息查阅记录: `readlog-<YYYY-MM-DD>`, one stream per China day. */
export const readLogKind = defineKind({
  name: 'readlog',
  labelZh: '个人信息查阅记录',
  label: READ_LOG_RECORD,
  decider: readLogDecider,
  access: readLogAccess,
  events: READ_LOG_EVENTS,
  publication: {
    unpublished:
      'who read whose personal data is itself personal data: it stays in the ledger for auditors (GET /audit/personal-data-reads) and is not published to integrators',
  },
});
