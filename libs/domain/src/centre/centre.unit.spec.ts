import { anActor, commandsOn, commandWith, given, GZ, HAIZHU, SZ, TIANHE } from '../shared/testing';
import type { CentreCommand } from './centre.commands';
import {
  CENTRE_ID,
  centreAdmin,
  centreStaff,
  cityCentreFacts,
  gzCityAuthority,
  PROVIDER,
  providersLinked,
  provinceCentreFacts,
  recognised,
  recordCity,
  recordedBelow,
  remediation,
  tianheAuthority,
} from './centre.fixtures';
import { centreKind } from './centre.kind';
import { CENTRE_STANDARDS, centreStandardOn, checkCentre, professionalPercent } from './centre.standards';
import type { CentreFacts } from './centre.terms';

const NOW = '2026-03-02T09:00:00+08:00';
const record = commandWith('RecordCentre', recordCity, gzCityAuthority, NOW);
const cmd = commandsOn<CentreCommand>()({ centreId: CENTRE_ID }, gzCityAuthority, NOW);
const withFacts = (changes: Partial<CentreFacts>) => ({ facts: { ...cityCentreFacts, ...changes } });
const staff = (fullTime: number, professional: number) => ({ fullTime, professional });
const shortfallsOf = (facts: CentreFacts) => checkCentre(centreStandardOn('2026-03-02'), facts).shortfalls.map((s) => s.measure);

describe('Centre (服务中心)', () => {
  describe('the standards, on every boundary', () => {
    const city = (areaSqm: number, s = staff(10, 7)): CentreFacts => ({ ...cityCentreFacts, venue: { ...cityCentreFacts.venue, areaSqm }, staff: s });
    const province = (areaSqm: number, s = staff(35, 28)): CentreFacts => ({ ...provinceCentreFacts, venue: { ...provinceCentreFacts.venue, areaSqm }, staff: s });
    const county = (areaSqm: number, fullTime: number): CentreFacts => ({ ...cityCentreFacts, level: 'COUNTY', regionCode: TIANHE, venue: { ...cityCentreFacts.venue, areaSqm }, staff: staff(fullTime, 0) });

    it.each([
      ['city 200 ㎡, 6 staff, 70 % (7/10)', city(200, staff(10, 7)), []],
      ['city 199 ㎡', city(199), ['AREA']],
      ['city 6 staff', city(200, staff(6, 5)), []],
      ['city 5 staff', city(200, staff(5, 5)), ['FULL_TIME_STAFF']],
      ['city 69.9 % (699/1000)', city(200, staff(1000, 699)), ['PROFESSIONAL_SHARE']],
      ['city 70 % (700/1000)', city(200, staff(1000, 700)), []],
      ['province 1000 ㎡, 35 staff, 80 %', province(1000), []],
      ['province 999 ㎡', province(999), ['AREA']],
      ['province 34 staff', province(1000, staff(34, 34)), ['FULL_TIME_STAFF']],
      ['province 79.9 % (799/1000)', province(1000, staff(1000, 799)), ['PROFESSIONAL_SHARE']],
      ['province 80 % (800/1000)', province(1000, staff(1000, 800)), []],
      ['county with a venue and one full-time person', county(1, 1), []],
      ['county without a venue', county(0, 3), ['AREA']],
      ['county without full-time staff', county(50, 0), ['FULL_TIME_STAFF']],
      ['city with no staff at all', city(200, staff(0, 0)), ['FULL_TIME_STAFF', 'PROFESSIONAL_SHARE']],
    ])('%s', (_, facts, shortfalls) => {
      expect(shortfallsOf(facts)).toEqual(shortfalls);
    });

    it('names the document, clause, figures and bounds; shows the share to one decimal', () => {
      const check = checkCentre(CENTRE_STANDARDS[0], { ...cityCentreFacts, staff: staff(1000, 699) });
      expect(check.basis).toMatch(/粤经信服务〔2016〕334号.*三（三）1.*专业人员占比69.9%（70%以上）未达标/);
      expect(check.shortfalls).toEqual([{ measure: 'PROFESSIONAL_SHARE', required: 70, actual: 69.9 }]);
      expect(professionalPercent(staff(3, 2))).toBe(66.6);
    });

    it('judges by the standard in force on the day, the first before any', () => {
      expect(centreStandardOn('2026-01-01').id).toBe('GD-2016-334');
      expect(centreStandardOn('2010-01-01').id).toBe('GD-2016-334');
    });
  });

  describe('RecordCentre', () => {
    it('records a centre meeting its standard as RECOGNISED, with the check', () => {
      given(centreKind).when(record()).then([recognised]).andState((s) => expect(s).toMatchObject({ status: 'RECOGNISED', providers: [] }));
    });

    it('refuses a centre below standard without a plan, naming the shortfalls (409)', () => {
      given(centreKind).when(record(withFacts({ venue: { areaSqm: 199, address: '示例路' }, staff: staff(5, 4) }))).thenThrows('CENTRE_BELOW_STANDARD', {
        kind: 'CONFLICT',
        message: /办公和服务场所面积199（标准200）、全职从业人员数5（标准6）.*venue area 199/,
      });
    });

    it('records it as below standard with a plan and a deadline after the day', () => {
      given(centreKind)
        .when(record({ ...withFacts({ venue: { areaSqm: 199, address: '广州市天河区示例路1号' } }), remediation }))
        .then([recordedBelow])
        .andState((s) => expect(s).toMatchObject({ status: 'BELOW_STANDARD', remediation }));
      given(centreKind)
        .when(record({ ...withFacts({ venue: { areaSqm: 199, address: '示例路' } }), remediation: { plan: '整改', deadline: '2026-03-02' } }))
        .thenThrows('FIELD_INVALID', { kind: 'VALIDATION', field: 'remediation.deadline' });
      given(centreKind).when(record({ ...withFacts({ venue: { areaSqm: 199, address: '示例路' } }), remediation: { deadline: '2026-12-31' } })).thenThrows('FIELD_REQUIRED', { field: 'remediation.plan' });
    });

    it('refuses a plan for a centre that meets the standard', () => {
      given(centreKind).when(record({ remediation })).thenThrows('REMEDIATION_NOT_NEEDED', { field: 'remediation' });
    });

    it.each([
      [{ name: ' ' }, 'facts.name'],
      [{ orgId: '91440101MA5CXXXX1A' }, 'facts.orgId'],
      [{ legalForm: 'COOPERATIVE' }, 'facts.legalForm'],
      [{ level: 'STREET' }, 'facts.level'],
      [{ regionCode: TIANHE }, 'facts.regionCode'],
      [{ venue: { areaSqm: -1, address: '示例路' } }, 'facts.venue.areaSqm'],
      [{ venue: { areaSqm: '200', address: '示例路' } }, 'facts.venue.areaSqm'],
      [{ staff: { fullTime: 6.5, professional: 5 } }, 'facts.staff.fullTime'],
      [{ staff: { fullTime: 6, professional: 7 } }, 'facts.staff.professional'],
      [{ origin: { ...cityCentreFacts.origin, documentNumber: '穗工信函2017-88' } }, 'facts.origin.documentNumber'],
      [{ origin: { ...cityCentreFacts.origin, kind: 'BOUGHT' } }, 'facts.origin.kind'],
      [{ origin: { ...cityCentreFacts.origin, on: '2027-01-01' } }, 'facts.origin.on'],
      [{ contact: { phone: 'abc' } }, 'facts.contact.phone'],
      [{ head: '' }, 'facts.head'],
      [{ town: '虎门镇' }, 'facts.town'],
    ])('refuses %j at %s (400)', (changes, field) => {
      given(centreKind).when(record(withFacts(changes as Partial<CentreFacts>), centreAdmin)).thenThrows(expect.any(String) as never, { kind: 'VALIDATION', field });
    });

    it('is run by a 法人单位: a 个体工商户 (category 92) cannot be a centre', () => {
      given(centreKind).when(record(withFacts({ orgId: '92440106MA5D0E7F8G' }), centreAdmin)).thenThrows('NOT_LEGAL_PERSON', { field: 'facts.orgId' });
    });

    it('takes a town centre only in a city without counties, with the town named', () => {
      const dongguan = anActor('CITY_AUTHORITY', '441900', 'dg-official');
      const town = { ...cityCentreFacts, level: 'TOWN' as const, regionCode: '441900', town: '虎门镇', venue: { areaSqm: 120, address: '东莞市虎门镇示例路' }, staff: staff(3, 1) };
      given(centreKind).when(record({ facts: town }, dongguan)).thenEmits(['CentreRecognised']);
      const { town: _, ...unnamed } = town;
      given(centreKind).when(record({ facts: unnamed }, dongguan)).thenThrows('FIELD_REQUIRED', { field: 'facts.town' });
      given(centreKind).when(record({ facts: { ...town, regionCode: GZ } })).thenThrows('TOWN_LEVEL_NOT_ALLOWED', { field: 'facts.level' });
    });

    it('lets ADMIN record the province centre, and no local authority', () => {
      given(centreKind).when(record({ facts: provinceCentreFacts }, centreAdmin)).thenEmits(['CentreRecognised']);
      given(centreKind).when(record({ facts: provinceCentreFacts })).thenThrows('CENTRE_LEVEL_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    });

    it('lets the city authority record its city and county centres; a district authority its county only', () => {
      const tianhe = { ...cityCentreFacts, level: 'COUNTY' as const, regionCode: TIANHE };
      given(centreKind).when(record({ facts: tianhe })).thenEmits(['CentreRecognised']);
      given(centreKind).when(record({ facts: tianhe }, tianheAuthority)).thenEmits(['CentreRecognised']);
      given(centreKind).when(record({ facts: { ...tianhe, regionCode: HAIZHU } }, tianheAuthority)).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(centreKind).when(record({}, tianheAuthority)).thenThrows('CENTRE_LEVEL_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(centreKind).when(record({}, anActor('CITY_AUTHORITY', SZ))).thenThrows('REGION_NOT_PERMITTED');
      given(centreKind).when(record({}, centreStaff)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('records a centre once', () => {
      given(centreKind, [recognised]).when(record()).thenThrows('CENTRE_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });
  });

  describe('UpdateCentreFacts (re-checked)', () => {
    it('keeps a centre that still meets the standard RECOGNISED, naming what changed', () => {
      const { state } = given(centreKind, [recognised]).when(cmd('UpdateCentreFacts', { changes: { staff: staff(12, 9), head: '王主任' } }, centreStaff)).thenEmits(['CentreFactsUpdated']);
      expect(state).toMatchObject({ status: 'RECOGNISED', facts: { head: '王主任', staff: staff(12, 9) } });
    });

    it('refuses a fall below the standard without a plan, naming the shortfall (409)', () => {
      given(centreKind, [recognised]).when(cmd('UpdateCentreFacts', { changes: { staff: staff(5, 4) } })).thenThrows('CENTRE_BELOW_STANDARD', { message: /全职从业人员数5/ });
    });

    it('turns a recognised centre BELOW_STANDARD with a plan given in the same command', () => {
      const { state } = given(centreKind, [recognised]).when(cmd('UpdateCentreFacts', { changes: { venue: { areaSqm: 150 } as never }, remediation })).thenEmits(['CentreFactsUpdated']);
      expect(state).toMatchObject({ status: 'BELOW_STANDARD', remediation, facts: { venue: { areaSqm: 150, address: cityCentreFacts.venue.address } } });
    });

    it('keeps the plan in force while still below; meeting the standard again makes it RECOGNISED and clears the plan', () => {
      const still = given(centreKind, [recordedBelow]).when(cmd('UpdateCentreFacts', { changes: { head: '王主任' } })).thenEmits(['CentreFactsUpdated']);
      expect(still.state).toMatchObject({ status: 'BELOW_STANDARD', remediation });
      const met = given(centreKind, [recordedBelow]).when(cmd('UpdateCentreFacts', { changes: { venue: { areaSqm: 200 } as never } }, centreStaff)).thenEmits(['CentreFactsUpdated']);
      expect(met.state).toMatchObject({ status: 'RECOGNISED' });
      expect((met.state as { remediation?: unknown }).remediation).toBeUndefined();
    });

    it('refuses a change that changes nothing, and bad figures (400)', () => {
      given(centreKind, [recognised]).when(cmd('UpdateCentreFacts', { changes: { head: cityCentreFacts.head } })).thenThrows('NOTHING_CHANGED', { kind: 'VALIDATION' });
      given(centreKind, [recognised]).when(cmd('UpdateCentreFacts', { changes: { staff: { professional: 11 } as never } })).thenThrows('FIELD_INVALID', { field: 'changes.staff.professional' });
    });

    it('lets the centre’s own staff and its authorities change it; not another centre’s staff', () => {
      const other = anActor('CENTRE_OPERATOR', GZ, 'other', '12440300MB2C37851X');
      given(centreKind, [recognised]).when(cmd('UpdateCentreFacts', { changes: { head: '王主任' } }, other)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(centreKind, [recognised]).when(cmd('UpdateCentreFacts', { changes: { head: '王主任' } }, anActor('CITY_AUTHORITY', SZ))).thenThrows('REGION_NOT_PERMITTED');
      given(centreKind, [recognised]).when(cmd('UpdateCentreFacts', { changes: { head: '王主任' } }, centreAdmin)).thenEmits(['CentreFactsUpdated']);
    });

    it('refuses an unknown centre (404)', () => {
      given(centreKind).when(cmd('UpdateCentreFacts', { changes: { head: '王主任' } })).thenThrows('CENTRE_NOT_FOUND', { kind: 'NOT_FOUND' });
    });
  });

  describe('providers', () => {
    const link = (providers: unknown[], by = centreStaff) => cmd('LinkCentreProviders', { providers } as never, by);

    it('links providers of the 库 as their records stood', () => {
      given(centreKind, [recognised]).when(link([{ ...PROVIDER, inPool: true }])).then([{ ...providersLinked, data: { ...providersLinked.data, linkedAt: '2026-03-02T01:00:00.000Z' } } as never]);
    });

    it('refuses a provider outside the 库, one linked already, one named twice, none', () => {
      given(centreKind, [recognised]).when(link([{ ...PROVIDER, inPool: false }])).thenThrows('PROVIDER_NOT_IN_POOL', { kind: 'CONFLICT', field: 'providerIds.0' });
      given(centreKind, [recognised, providersLinked]).when(link([{ ...PROVIDER, inPool: true }])).thenThrows('PROVIDER_ALREADY_LINKED');
      given(centreKind, [recognised]).when(link([{ ...PROVIDER, inPool: true }, { ...PROVIDER, inPool: true }])).thenThrows('FIELD_INVALID', { field: 'providerIds.1' });
      given(centreKind, [recognised]).when(link([])).thenThrows('PROVIDERS_REQUIRED', { kind: 'VALIDATION' });
    });

    it('unlinks a linked provider with a reason', () => {
      const { state } = given(centreKind, [recognised, providersLinked]).when(cmd('UnlinkCentreProvider', { providerId: PROVIDER.providerId, reason: '合作到期' }, centreStaff)).thenEmits(['CentreProviderUnlinked']);
      expect(state).toMatchObject({ providers: [] });
      given(centreKind, [recognised]).when(cmd('UnlinkCentreProvider', { providerId: PROVIDER.providerId, reason: '合作到期' })).thenThrows('PROVIDER_NOT_LINKED');
      given(centreKind, [recognised, providersLinked]).when(cmd('UnlinkCentreProvider', { providerId: PROVIDER.providerId, reason: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'reason' });
    });
  });

  describe('CloseCentre', () => {
    it('closes with a reason, by an authority only; nothing changes it afterwards', () => {
      const { state } = given(centreKind, [recognised]).when(cmd('CloseCentre', { reason: '机构改革，职能并入市服务总站' })).thenEmits(['CentreClosed']);
      expect(state).toMatchObject({ status: 'CLOSED' });
      given(centreKind, [recognised]).when(cmd('CloseCentre', { reason: '撤销' }, centreStaff)).thenThrows('ROLE_NOT_PERMITTED');
      given(centreKind, [recognised]).when(cmd('CloseCentre', { reason: '' })).thenThrows('FIELD_REQUIRED', { field: 'reason' });
      const closed = { type: 'CentreClosed' as const, data: { centreId: CENTRE_ID, reason: '撤销', closedAt: '2026-03-02T01:00:00.000Z' } };
      given(centreKind, [recognised, closed]).when(cmd('UpdateCentreFacts', { changes: { head: '王主任' } })).thenThrows('CENTRE_CLOSED', { kind: 'CONFLICT' });
    });
  });

  it('tells a Tianhe district authority it may not close Guangzhou’s city centre (level before region)', () => {
    given(centreKind, [recognised]).when(cmd('CloseCentre', { reason: '撤销' }, tianheAuthority)).thenThrows('CENTRE_LEVEL_NOT_PERMITTED');
    expect(GZ).toBe('440100');
  });
});
