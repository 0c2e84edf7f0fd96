import type { CentreCommand } from '@sme/domain/centre/centre.commands';
import { CENTRE_ID, centreAdmin, centreStaff, cityCentreFacts, gzCityAuthority, PROVIDER, provinceCentreFacts, remediation } from '@sme/domain/centre/centre.fixtures';
import { centreKind } from '@sme/domain/centre/centre.kind';
import { centreStandardOn, checkCentre } from '@sme/domain/centre/centre.standards';
import { deliveryKind } from '@sme/domain/delivery/delivery.kind';
import type { Actor } from '@sme/domain/shared/decider';
import { at } from '@sme/domain/shared/testing';
import type { CentreView } from './centre.projection';
import { centresProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { eventLog, givenEvents } from './testing/projection-gwt';

type DataOf<T extends CentreCommand['type']> = Omit<Extract<CentreCommand, { type: T }>['data'], 'centreId'>;

/** A centre's stream, written through the kind (access included). */
function aCentre(centreId = CENTRE_ID, log = eventLog()) {
  const stream = log.stream(centreKind, centreKind.streamId(centreId));
  const one = <T extends CentreCommand['type']>(type: T, data: DataOf<T>, actor: Actor, when: string) =>
    stream.recordOne({ type, data: { centreId, ...data }, metadata: at(when, actor) } as unknown as CentreCommand);
  return {
    log,
    recognise: () => one('RecordCentre', { facts: cityCentreFacts }, gzCityAuthority, '2026-03-02T09:00:00+08:00'),
    recordBelow: () => one('RecordCentre', { facts: { ...cityCentreFacts, staff: { fullTime: 1000, professional: 699 } }, remediation }, gzCityAuthority, '2026-03-02T09:00:00+08:00'),
    update: (data: DataOf<'UpdateCentreFacts'>, when = '2026-04-01T09:00:00+08:00') => one('UpdateCentreFacts', data, centreStaff, when),
    link: () => one('LinkCentreProviders', { providers: [{ ...PROVIDER, inPool: true }] }, centreStaff, '2026-04-02T09:00:00+08:00'),
    unlink: () => one('UnlinkCentreProvider', { providerId: PROVIDER.providerId, reason: '合作到期' }, centreStaff, '2026-04-03T09:00:00+08:00'),
    close: () => one('CloseCentre', { reason: '机构改革' }, gzCityAuthority, '2026-05-01T09:00:00+08:00'),
  };
}

const check = checkCentre(centreStandardOn('2026-03-02'), cityCentreFacts);
const RECOGNISED_VIEW: Omit<CentreView, '_position' | 'revision' | 'updatedAt'> = {
  _id: CENTRE_ID,
  id: CENTRE_ID,
  name: cityCentreFacts.name,
  orgId: cityCentreFacts.orgId,
  legalForm: 'PUBLIC_INSTITUTION',
  level: 'CITY',
  regionCode: '440100',
  cityCode: '440100',
  provinceCode: '440000',
  town: null,
  origin: cityCentreFacts.origin,
  areaSqm: 200,
  address: cityCentreFacts.venue.address,
  fullTimeStaff: 10,
  professionalStaff: 7,
  professionalPercent: 70,
  head: '陈主任',
  contact: cityCentreFacts.contact,
  status: 'RECOGNISED',
  standardId: 'GD-2016-334',
  shortfalls: [],
  basis: check.basis,
  remediation: null,
  remediationDeadline: null,
  providers: [],
  providerCount: 0,
  recordedAt: '2026-03-02T01:00:00.000Z',
  closedAt: null,
  closureReason: null,
};

describe('centres projection (服务中心 / 建设情况汇总表)', () => {
  it('CentreRecognised: the 汇总表 row, RECOGNISED', () => {
    givenEvents(centresProjection).when(aCentre().recognise()).then(RECOGNISED_VIEW);
  });

  it('CentreRecordedBelowStandard: the shortfalls, the plan and its deadline; the share to one decimal', () => {
    const below = checkCentre(centreStandardOn('2026-03-02'), { ...cityCentreFacts, staff: { fullTime: 1000, professional: 699 } });
    givenEvents(centresProjection)
      .when(aCentre().recordBelow())
      .then({
        ...RECOGNISED_VIEW,
        fullTimeStaff: 1000,
        professionalStaff: 699,
        professionalPercent: 69.9,
        status: 'BELOW_STANDARD',
        shortfalls: [{ measure: 'PROFESSIONAL_SHARE', required: 70, actual: 69.9 }],
        basis: below.basis,
        remediation,
        remediationDeadline: '2026-12-31',
      });
  });

  it('CentreFactsUpdated: falling below with a plan, then meeting the standard again clears it', () => {
    const c = aCentre();
    const first = c.recognise();
    const fell = c.update({ changes: { venue: { areaSqm: 150 } as never }, remediation });
    const fallen = givenEvents(centresProjection, [first])
      .when(fell)
      .then((before) => ({
        ...before,
        areaSqm: 150,
        status: 'BELOW_STANDARD',
        shortfalls: [{ measure: 'AREA', required: 200, actual: 150 }],
        basis: (fell.data as { check: { basis: string } }).check.basis,
        remediation,
        remediationDeadline: '2026-12-31',
      }));
    const met = c.update({ changes: { venue: { areaSqm: 260 } as never, head: '王主任' } }, '2026-06-01T09:00:00+08:00');
    expect(fallen.status).toBe('BELOW_STANDARD');
    givenEvents(centresProjection, [first, fell])
      .when(met)
      .then((before) => ({ ...before, areaSqm: 260, head: '王主任', status: 'RECOGNISED', shortfalls: [], basis: (met.data as { check: { basis: string } }).check.basis, remediation: null, remediationDeadline: null }));
  });

  it('CentreProvidersLinked and CentreProviderUnlinked: the providers and their count', () => {
    const c = aCentre();
    const first = c.recognise();
    const linked = c.link();
    givenEvents(centresProjection, [first]).when(linked).then((before) => ({ ...before, providers: [PROVIDER], providerCount: 1 }));
    givenEvents(centresProjection, [first, linked]).when(c.unlink()).then((before) => ({ ...before, providers: [], providerCount: 0 }));
  });

  it('CentreClosed: CLOSED with the reason; no longer overdue', () => {
    const c = aCentre();
    const first = c.recordBelow();
    givenEvents(centresProjection, [first]).when(c.close()).then((before) => ({ ...before, status: 'CLOSED', remediationDeadline: null, closedAt: '2026-05-01T01:00:00.000Z', closureReason: '机构改革' }));
  });

  it('a province centre has no city', () => {
    const stream = eventLog().stream(centreKind, centreKind.streamId(CENTRE_ID));
    const event = stream.recordOne({ type: 'RecordCentre', data: { centreId: CENTRE_ID, facts: provinceCentreFacts }, metadata: at('2026-03-02T09:00:00+08:00', centreAdmin) } as CentreCommand);
    const { name, orgId, origin, head, contact } = provinceCentreFacts;
    givenEvents(centresProjection)
      .when(event)
      .then({
        ...RECOGNISED_VIEW,
        name,
        orgId,
        origin,
        head,
        contact,
        level: 'PROVINCE',
        regionCode: '440000',
        cityCode: null,
        areaSqm: 1000,
        address: provinceCentreFacts.venue.address,
        fullTimeStaff: 35,
        professionalStaff: 28,
        professionalPercent: 80,
        basis: checkCentre(centreStandardOn('2026-03-02'), provinceCentreFacts).basis,
      });
  });

  describeNoViewWithoutStart(centresProjection, 'an event for a centre the view never saw recorded makes no view', () => {
    const c = aCentre();
    c.recognise();
    return {
      CentreFactsUpdated: c.update({ changes: { head: '王主任' } }),
      CentreProvidersLinked: c.link(),
      CentreProviderUnlinked: c.unlink(),
      CentreClosed: c.close(),
    };
  });

  describeDelivery(centresProjection, {
    of: aCentre,
    firstTwo: (c) => [c.recognise(), c.link()],
    olderBecause: 'a recognition replayed does not drop the providers',
    anotherKind: deliveryKind,
  });
});
