import { anActor, commandWith, given } from '../shared/testing';
import { usccHeldByAnother, type ReserveUscc, type UsccReservationEvents } from './uscc-reservation';
import { usccReservationKind } from './uscc-reservation.kind';

const USCC = '91440106MA59C3PL24';
const NOW = '2024-03-01T10:00:00+08:00';
const registrar = anActor('DISTRICT_AUTHORITY', '440106');

const reserve = commandWith('ReserveUscc', { uscc: USCC, enterpriseId: 'ent-1' } satisfies ReserveUscc['data'], registrar, NOW);
const reserved = (enterpriseId = 'ent-1'): UsccReservationEvents['UsccReserved'] => ({
  type: 'UsccReserved',
  data: { uscc: USCC, enterpriseId, reservedAt: '2024-03-01T02:00:00.000Z' },
});

describe('USCC reservation (uniqueness of 统一社会信用代码 across enterprise records)', () => {
  it('reserves a free code for the enterprise, in the stream uscc-<USCC>', () => {
    given(usccReservationKind).when(reserve()).then([reserved()]);
    expect(usccReservationKind.streamId(USCC)).toBe(`uscc-${USCC}`);
  });

  it('stores the code as checked: trimmed and upper-cased', () => {
    given(usccReservationKind).when(reserve({ uscc: ` ${USCC.toLowerCase()} ` })).then([reserved()]);
  });

  it('a retry for the same enterprise writes nothing and passes', () => {
    given(usccReservationKind, [reserved()]).when(reserve()).then([]);
  });

  it('another enterprise with the same code: 409 USCC_ALREADY_REGISTERED on the uscc field', () => {
    given(usccReservationKind, [reserved('ent-1')]).when(reserve({ enterpriseId: 'ent-2' })).thenThrows('USCC_ALREADY_REGISTERED', {
      kind: 'CONFLICT',
      field: 'uscc',
    });
  });

  it('refuses a code that is not a valid USCC, and a missing enterprise id', () => {
    given(usccReservationKind).when(reserve({ uscc: '91440106MA59C3PL25' })).thenThrows('USCC_INVALID', { field: 'uscc' });
    given(usccReservationKind).when(reserve({ enterpriseId: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'enterpriseId' });
  });

  it('says whether the code is held by another record', () => {
    const free = given(usccReservationKind).state;
    const ours = given(usccReservationKind, [reserved('ent-1')]).state;
    expect(usccHeldByAnother(free, 'ent-1')).toBe(false);
    expect(usccHeldByAnother(ours, 'ent-1')).toBe(false);
    expect(usccHeldByAnother(ours, 'ent-2')).toBe(true);
  });

  it('the first reservation holds even if a fold ever met a second one', () => {
    const state = given(usccReservationKind, [reserved('ent-1'), reserved('ent-2')]).state;
    expect(state).toMatchObject({ status: 'RESERVED', enterpriseId: 'ent-1' });
  });

  it('is for whoever may register the enterprise that holds the code: the enterprise itself or a registrar', () => {
    given(usccReservationKind).when(reserve({}, anActor('ENTERPRISE', '440106', 'ent-user', USCC.toLowerCase()))).then([reserved()]);
    given(usccReservationKind).when(reserve({}, anActor('ENTERPRISE', '440106', 'ent-user', '91440105MA5CXY123P'))).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
    given(usccReservationKind).when(reserve({}, anActor('CITY_AUTHORITY', '440100'))).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    given(usccReservationKind).when(reserve({ uscc: '91440106MA59C3PL25' }, anActor('ENTERPRISE', '440106', 'ent-user', USCC))).thenThrows('USCC_INVALID');
  });

  it('has a schema version for its event', () => {
    expect(usccReservationKind.schemaVersions).toEqual({ UsccReserved: 1 });
  });
});
