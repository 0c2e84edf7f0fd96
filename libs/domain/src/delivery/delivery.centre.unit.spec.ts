import { CENTRE_ID, CENTRE_USCC, centreStaff, PROVINCE_CENTRE_ID, PROVINCE_CENTRE_USCC } from '../centre/centre.fixtures';
import { anActor, commandsOn, commandWith, GD, given, GZ, SZ } from '../shared/testing';
import type { DeliveryCommand } from './delivery.commands';
import type { DeliveryEvent } from './delivery.events';
import { DELIVERY_ID, registration } from './delivery.fixtures';
import { deliveryKind } from './delivery.kind';

/** A service centre as the serving organisation (服务中心 serving enterprises directly). */
const byCityCentre = {
  ...registration,
  server: { kind: 'CENTRE' as const, id: CENTRE_ID, orgId: CENTRE_USCC, name: '广州市中小企业服务中心', regionCode: GZ },
  steward: { role: 'CITY_AUTHORITY' as const, regionCode: GZ },
};
const byProvinceCentre = {
  ...registration,
  server: { kind: 'CENTRE' as const, id: PROVINCE_CENTRE_ID, orgId: PROVINCE_CENTRE_USCC, name: '广东省中小企业服务中心', regionCode: GD },
  steward: { role: 'ADMIN' as const, regionCode: GD },
};
const provinceStaff = anActor('CENTRE_OPERATOR', GD, 'province-centre-staff', PROVINCE_CENTRE_USCC);
const register = commandWith('RegisterDelivery', byCityCentre, centreStaff, '2026-03-02T09:00:00+08:00');
const cmd = commandsOn<DeliveryCommand>()({ deliveryId: DELIVERY_ID }, centreStaff, '2026-03-03T09:00:00+08:00');
const registeredBy = (data: typeof byCityCentre | typeof byProvinceCentre): DeliveryEvent => {
  const { facts: _, ...rest } = data;
  return { type: 'DeliveryRegistered', data: { ...rest, registeredAt: '2026-03-02T01:00:00.000Z' } };
};

describe('Delivery by a service centre', () => {
  it('a recognised centre registers a delivery as itself (CENTRE_OPERATOR, its operator’s USCC)', () => {
    given(deliveryKind).when(register()).then([registeredBy(byCityCentre)]);
  });

  it('refuses a centre below standard or closed (409 CENTRE_NOT_RECOGNISED)', () => {
    given(deliveryKind).when(register({ facts: { serverMayServe: false } })).thenThrows('CENTRE_NOT_RECOGNISED', { kind: 'CONFLICT' });
  });

  it('lets only the centre’s own staff register, as a centre', () => {
    given(deliveryKind).when(register({}, anActor('CENTRE_OPERATOR', GZ, 'other', '12440300MB2C37851X'))).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
    given(deliveryKind).when(register({}, anActor('PROVIDER', GZ, 'p', CENTRE_USCC))).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });

  it('the centre carries its delivery as the server; its city authority stewards it', () => {
    given(deliveryKind, [registeredBy(byCityCentre)]).when(cmd('StartDelivery', { startedOn: '2026-03-03' })).thenEmits(['DeliveryStarted']);
    given(deliveryKind, [registeredBy(byCityCentre)]).when(cmd('CancelDelivery', { reason: '企业另行委托' }, anActor('CITY_AUTHORITY', GZ))).thenEmits(['DeliveryCancelled']);
    given(deliveryKind, [registeredBy(byCityCentre)]).when(cmd('CancelDelivery', { reason: '企业另行委托' }, anActor('CITY_AUTHORITY', SZ))).thenThrows('REGION_NOT_PERMITTED');
    given(deliveryKind, [registeredBy(byCityCentre)]).when(cmd('CancelDelivery', { reason: '企业另行委托' }, anActor('ADMIN', GD))).thenThrows('ROLE_NOT_PERMITTED');
  });

  it('the province centre’s steward is ADMIN, wherever its token says it sits; no city authority stewards it', () => {
    given(deliveryKind).when(register(byProvinceCentre, provinceStaff)).then([registeredBy(byProvinceCentre)]);
    given(deliveryKind, [registeredBy(byProvinceCentre)]).when(cmd('CancelDelivery', { reason: '企业另行委托' }, anActor('ADMIN', GZ))).thenEmits(['DeliveryCancelled']);
    given(deliveryKind, [registeredBy(byProvinceCentre)]).when(cmd('CancelDelivery', { reason: '企业另行委托' }, anActor('CITY_AUTHORITY', GZ))).thenThrows('ROLE_NOT_PERMITTED');
  });
});
