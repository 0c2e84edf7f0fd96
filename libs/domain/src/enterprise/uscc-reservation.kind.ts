import { defineKind } from '../shared/record-kind';
import { USCC_RESERVATION_RECORD, USCC_RESERVATION_EVENTS, usccReservationDecider } from './uscc-reservation';
import { usccReservationAccess } from './uscc-reservation.access';

/** The USCC uniqueness index: `uscc-<USCC>`, whose one event names the enterprise record that holds the code. */
export const usccReservationKind = defineKind({
  name: 'uscc',
  labelZh: '统一社会信用代码占用',
  label: USCC_RESERVATION_RECORD,
  decider: usccReservationDecider,
  access: usccReservationAccess,
  events: USCC_RESERVATION_EVENTS,
  publication: {
    unpublished:
      'uscc-<USCC> only reserves a USCC for one enterprise (a uniqueness guard the API writes before EnterpriseRegistered); ' +
      'the USCC and the enterprise id are already in EnterpriseRegistered',
  },
});
