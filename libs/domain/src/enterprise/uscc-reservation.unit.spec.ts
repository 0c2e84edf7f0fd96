import { anActor, at, given } from '../shared/testing';
import { usccReservationStreamId } from './enterprise.decider';
import {
  USCC_RESERVATION_EVENT_SCHEMA_VERSIONS,
  usccHeldByAnother,
  usccReservationDecider,
  type ReserveUscc,
  type UsccReserved,
} from './uscc-reservation';

const USCC = '91440106MA59C3PL24';
const NOW = '2024-03-01T10:00:00+08:00';
const registrar = anActor('DISTRICT_AUTHORITY', '440106');

const reserve = (data: Partial<ReserveUscc['data']> = {}): ReserveUscc => ({
  type: 'ReserveUscc',
  data: { uscc: USCC, enterpriseId: 'ent-1', ...data },
  metadata: at(NOW, registrar),
});
const reserved = (enterpriseId = 'ent-1'): UsccReserved => ({
  type: 'UsccReserved',
  data: { uscc: USCC, enterpriseId, reservedAt: '2024-03-01T02:00:00.000Z' },
});

describe('USCC reservation (uniqueness of 统一社会信用代码 across enterprise records)', () => {
  it('reserves a free code for the enterprise, in the stream uscc-<USCC>', () => {
    given(usccReservationDecider).when(reserve()).then([reserved()]);
    expect(usccReservationStreamId(USCC)).toBe(`uscc-${USCC}`);
  });

  it('stores the code as checked: trimmed and upper-cased', () => {
    given(usccReservationDecider).when(reserve({ uscc: ` ${USCC.toLowerCase()} ` })).then([reserved()]);
  });

  it('a retry for the same enterprise writes nothing and passes', () => {
    given(usccReservationDecider, [reserved()]).when(reserve()).then([]);
  });

  it('another enterprise with the same code: 409 USCC_ALREADY_REGISTERED on the uscc field', () => {
    given(usccReservationDecider, [reserved('ent-1')]).when(reserve({ enterpriseId: 'ent-2' })).thenThrows('USCC_ALREADY_REGISTERED', {
      kind: 'CONFLICT',
      field: 'uscc',
    });
  });

  it('refuses a code that is not a valid USCC, and a missing enterprise id', () => {
    given(usccReservationDecider).when(reserve({ uscc: '91440106MA59C3PL25' })).thenThrows('USCC_INVALID', { field: 'uscc' });
    given(usccReservationDecider).when(reserve({ enterpriseId: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'enterpriseId' });
  });

  it('says whether the code is held by another record', () => {
    const free = given(usccReservationDecider).state;
    const ours = given(usccReservationDecider, [reserved('ent-1')]).state;
    expect(usccHeldByAnother(free, 'ent-1')).toBe(false);
    expect(usccHeldByAnother(ours, 'ent-1')).toBe(false);
    expect(usccHeldByAnother(ours, 'ent-2')).toBe(true);
  });

  it('the first reservation holds even if a fold ever met a second one', () => {
    const state = given(usccReservationDecider, [reserved('ent-1'), reserved('ent-2')]).state;
    expect(state).toMatchObject({ status: 'RESERVED', enterpriseId: 'ent-1' });
  });

  it('has a schema version for its event', () => {
    expect(USCC_RESERVATION_EVENT_SCHEMA_VERSIONS).toEqual({ UsccReserved: 1 });
  });
});
