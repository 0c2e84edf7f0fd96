import { defineKind } from '../shared/record-kind';
import { annualReportAccess } from './annualreport.access';
import { annualReportDecider, ANNUAL_REPORT_RECORD } from './annualreport.decider';
import { ANNUAL_REPORT_EVENTS } from './annualreport.events';

/** 年度服务总结: one organisation's year and next year's plan, or the city's consolidated report. */
export const annualReportKind = defineKind({
  name: 'annualreport',
  labelZh: '年度服务总结',
  label: ANNUAL_REPORT_RECORD,
  decider: annualReportDecider,
  access: annualReportAccess,
  events: ANNUAL_REPORT_EVENTS,
  publication: { topic: 'annualreports.v1', typeNamespace: 'cn.sme-ledger.annualreport' },
});
