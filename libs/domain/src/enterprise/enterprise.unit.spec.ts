import { classifySize, MIIT_2011_300, type IndustryCode, type SizeClass } from '../shared/size-class';
import { anActor, commandsOn, commandWith, given, HAIZHU, TIANHE, type CommandData } from '../shared/testing';
import type { EnterpriseCommand, EnterpriseFigures, RegisterEnterprise } from './enterprise.commands';
import { enterpriseKind } from './enterprise.kind';
import { tagsValidOn } from './enterprise.state';
import type { EnterpriseEvent } from './enterprise.events';
import { effectiveTagPeriod } from './enterprise-tags';
import { usccReservationKind } from './uscc-reservation.kind';

const USCC = '91440106MA59C3PL24';
const OTHER_USCC = '91440105MA5CXY123P';
const ENTERPRISE_ID = 'ent-001';

const itself = anActor('ENTERPRISE', HAIZHU, 'ent-user-1', USCC);
const otherEnterprise = anActor('ENTERPRISE', TIANHE, 'ent-user-2', OTHER_USCC);
const tianheOperator = anActor('STATION_OPERATOR', TIANHE);
const haizhuOperator = anActor('STATION_OPERATOR', HAIZHU);
const hub = anActor('HUB', '440100');
const shenzhenHub = anActor('HUB', '440300');
const tianheAuthority = anActor('DISTRICT_AUTHORITY', TIANHE);
const haizhuAuthority = anActor('DISTRICT_AUTHORITY', HAIZHU);
const cityBureau = anActor('CITY_AUTHORITY', '440100');
const shenzhenBureau = anActor('CITY_AUTHORITY', '440300');

const NOW = '2024-03-01T10:00:00+08:00';
const NOW_ISO = new Date(NOW).toISOString();
const EARLIER = '2023-05-01T02:00:00.000Z';

/** 软件和信息技术服务业 with 45 staff and 1800 万元 revenue: 小型. */
const figures2023: EnterpriseFigures = { year: 2023, employees: 45, revenue: 1800, assets: 2600 };
const registration: RegisterEnterprise['data'] = {
  enterpriseId: ENTERPRISE_ID,
  uscc: USCC,
  name: '广州粤信软件科技有限公司',
  industryCode: 'SOFTWARE_IT',
  regionCode: TIANHE,
  foundedOn: '2015-04-20',
  figures: figures2023,
  usccAlreadyRegistered: false,
};

const basisOf = (industry: IndustryCode, figures: EnterpriseFigures) => classifySize(MIIT_2011_300, industry, figures).basis;

type DataOf<T extends EnterpriseCommand['type']> = CommandData<EnterpriseCommand, T, 'enterpriseId'>;
const cmd = commandsOn<EnterpriseCommand>()({ enterpriseId: ENTERPRISE_ID }, itself, NOW);
const register = commandWith('RegisterEnterprise', registration, itself, NOW);
const report = (figures: Partial<EnterpriseFigures>, actor = itself, now = NOW) => cmd('ReportEnterpriseFigures', { figures: figures as EnterpriseFigures }, actor, now);
const update = (data: DataOf<'UpdateEnterpriseProfile'>, actor = itself) => cmd('UpdateEnterpriseProfile', data, actor);
const grant = (data: Partial<DataOf<'GrantEnterpriseTag'>> = {}, actor = tianheAuthority, now = NOW) =>
  cmd('GrantEnterpriseTag', { tag: 'SPECIALISED', issuedBy: '广东省工业和信息化厅', validFrom: '2023-01-01', validUntil: '2025-12-31', ...data }, actor, now);
const revoke = (tag = 'SPECIALISED', actor = tianheAuthority, reason = '发现申报材料弄虚作假') => cmd('RevokeEnterpriseTag', { tag, reason } as never, actor);

const registered: EnterpriseEvent = {
  type: 'EnterpriseRegistered',
  data: { enterpriseId: ENTERPRISE_ID, uscc: USCC, name: registration.name, industryCode: 'SOFTWARE_IT', regionCode: TIANHE, foundedOn: '2015-04-20', registeredAt: EARLIER },
};
const reported = (figures: EnterpriseFigures, reportedAt = EARLIER): EnterpriseEvent => ({
  type: 'EnterpriseFiguresReported',
  data: { enterpriseId: ENTERPRISE_ID, figures, reportedAt },
});
const classChanged = (
  from: SizeClass | null,
  to: SizeClass,
  figures: EnterpriseFigures,
  industryCode: IndustryCode = 'SOFTWARE_IT',
  changedAt = EARLIER,
): EnterpriseEvent => ({
  type: 'EnterpriseSizeClassChanged',
  data: { enterpriseId: ENTERPRISE_ID, from, to, standardId: 'MIIT-2011-300', industryCode, figuresYear: figures.year, basis: basisOf(industryCode, figures), changedAt },
});
const SMALL_ENTERPRISE = [registered, reported(figures2023), classChanged(null, 'SMALL', figures2023)];
const tagGranted = (validFrom: string, validUntil: string, grantedAt = EARLIER): EnterpriseEvent => ({
  type: 'EnterpriseTagGranted',
  data: { enterpriseId: ENTERPRISE_ID, tag: 'SPECIALISED', issuedBy: '广东省工业和信息化厅', validFrom, validUntil, grantedAt },
});
const tagRevoked = (revokedOn: string): EnterpriseEvent => ({
  type: 'EnterpriseTagRevoked',
  data: { enterpriseId: ENTERPRISE_ID, tag: 'SPECIALISED', reason: '撤销', revokedOn, revokedAt: `${revokedOn}T02:00:00.000Z` },
});

describe('Enterprise (中小企业数据库)', () => {
  describe('RegisterEnterprise (入库)', () => {
    it('registers the enterprise with its figures and its initial size class', () => {
      given(enterpriseKind, [])
        .when(register())
        .then([
          { type: 'EnterpriseRegistered', data: { enterpriseId: ENTERPRISE_ID, uscc: USCC, name: registration.name, industryCode: 'SOFTWARE_IT', regionCode: TIANHE, foundedOn: '2015-04-20', registeredAt: NOW_ISO } },
          { type: 'EnterpriseFiguresReported', data: { enterpriseId: ENTERPRISE_ID, figures: figures2023, reportedAt: NOW_ISO } },
          classChanged(null, 'SMALL', figures2023, 'SOFTWARE_IT', NOW_ISO),
        ])
        .andState((state) => {
          expect(state).toMatchObject({
            status: 'REGISTERED',
            uscc: USCC,
            name: registration.name,
            industryCode: 'SOFTWARE_IT',
            regionCode: TIANHE,
            figures: [figures2023],
            latestFigures: figures2023,
            sizeClass: 'SMALL',
            sizeClassBasis: { standardId: 'MIIT-2011-300', industryCode: 'SOFTWARE_IT', figuresYear: 2023, since: NOW_ISO },
            tags: [],
          });
          expect(state.status === 'REGISTERED' && state.sizeClassBasis?.basis).toContain('为小型企业');
        });
    });

    it('emits the initial class whatever it is', () => {
      const { state } = given(enterpriseKind, [])
        .when(register({ figures: { year: 2023, employees: 400, revenue: 12000, assets: 9000 } }))
        .thenEmits(['EnterpriseRegistered', 'EnterpriseFiguresReported', 'EnterpriseSizeClassChanged']);
      expect(state).toMatchObject({ sizeClass: 'LARGE' });
    });

    it('registers once', () => {
      given(enterpriseKind, SMALL_ENTERPRISE).when(register()).thenThrows('ENTERPRISE_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });

    it('refuses a USCC already registered to another record', () => {
      given(enterpriseKind, []).when(register({ usccAlreadyRegistered: true })).thenThrows('USCC_ALREADY_REGISTERED', { kind: 'CONFLICT', field: 'uscc' });
      given(enterpriseKind, []).when(register({ usccAlreadyRegistered: undefined })).thenThrows('FIELD_INVALID', { field: 'usccAlreadyRegistered' });
    });

    it('lets an enterprise register itself only', () => {
      given(enterpriseKind, []).when(register({}, otherEnterprise)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
    });

    it('lets the station operator, hub or district authority register on its behalf inside their region', () => {
      for (const actor of [tianheOperator, hub, tianheAuthority, anActor('HUB', '440000')]) {
        given(enterpriseKind, []).when(register({}, actor)).thenEmits(['EnterpriseRegistered', 'EnterpriseFiguresReported', 'EnterpriseSizeClassChanged']);
      }
      for (const actor of [haizhuOperator, haizhuAuthority, shenzhenHub, anActor('HUB', '450000')]) {
        given(enterpriseKind, []).when(register({}, actor)).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      }
    });

    it('is not for other roles', () => {
      for (const actor of [cityBureau, anActor('EXPERT', TIANHE), anActor('PROVIDER', TIANHE)]) {
        given(enterpriseKind, []).when(register({}, actor)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      }
    });

    it('validates the USCC (GB 32100) and keeps it in canonical form', () => {
      given(enterpriseKind, []).when(register({ uscc: '91440106MA59C3PL25' })).thenThrows('USCC_INVALID', { kind: 'VALIDATION', field: 'uscc' });
      given(enterpriseKind, []).when(register({ uscc: '91440106MA59C3PL25' }, tianheOperator)).thenThrows('USCC_INVALID', { field: 'uscc' });
      const { state } = given(enterpriseKind, []).when(register({ uscc: ' 91440106ma59c3pl24 ' }, tianheOperator)).thenEmits([
        'EnterpriseRegistered',
        'EnterpriseFiguresReported',
        'EnterpriseSizeClassChanged',
      ]);
      expect(state).toMatchObject({ uscc: USCC });
    });

    it('takes an individual business (个体工商户) by the same table', () => {
      const soleTrader = '92440106MA5D0E7F8G';
      const { state } = given(enterpriseKind, [])
        .when(register({ uscc: soleTrader, industryCode: 'CATERING', figures: { year: 2023, employees: 4, revenue: 60, assets: 20 } }, anActor('ENTERPRISE', TIANHE, 'u', soleTrader)))
        .thenEmits(['EnterpriseRegistered', 'EnterpriseFiguresReported', 'EnterpriseSizeClassChanged']);
      expect(state).toMatchObject({ sizeClass: 'MICRO' });
    });

    it('checks the region code before the region', () => {
      given(enterpriseKind, []).when(register({ regionCode: '44010' }, tianheOperator)).thenThrows('REGION_CODE_INVALID', { kind: 'VALIDATION', field: 'regionCode' });
      given(enterpriseKind, []).when(register({ regionCode: 'abcdef' })).thenThrows('REGION_CODE_INVALID', { field: 'regionCode' });
    });

    it('checks the region on the code as the decider reads it', () => {
      given(enterpriseKind, []).when(register({ regionCode: ` ${TIANHE} ` }, haizhuOperator)).thenThrows('REGION_NOT_PERMITTED');
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ regionCode: ` ${HAIZHU} ` }, tianheAuthority)).thenThrows('REGION_NOT_PERMITTED');
      given(enterpriseKind, []).when(register({ regionCode: ` ${TIANHE} ` }, tianheOperator)).thenEmits(['EnterpriseRegistered', 'EnterpriseFiguresReported', 'EnterpriseSizeClassChanged']);
    });

    it('needs an industry of the size standard', () => {
      given(enterpriseKind, []).when(register({ industryCode: 'MINING' as IndustryCode })).thenThrows('INDUSTRY_CODE_INVALID', { kind: 'VALIDATION', field: 'industryCode' });
    });

    it.each(['enterpriseId', 'name'] as const)('needs %s', (field) => {
      given(enterpriseKind, []).when(register({ [field]: ' ' })).thenThrows('FIELD_REQUIRED', { field });
    });

    it('needs a founding date, not after today in China', () => {
      given(enterpriseKind, []).when(register({ foundedOn: '2024-03-02' })).thenThrows('FOUNDED_ON_IN_FUTURE', { kind: 'VALIDATION', field: 'foundedOn' });
      given(enterpriseKind, []).when(register({ foundedOn: '2024-03-01', figures: { ...figures2023, year: 2024 } })).thenEmits([
        'EnterpriseRegistered',
        'EnterpriseFiguresReported',
        'EnterpriseSizeClassChanged',
      ]);
      // 00:30 in Guangzhou is still the previous day in UTC.
      given(enterpriseKind, []).when(register({ foundedOn: '2024-03-01', figures: { ...figures2023, year: 2024 } }, itself, '2024-03-01T00:30:00+08:00')).thenEmits([
        'EnterpriseRegistered',
        'EnterpriseFiguresReported',
        'EnterpriseSizeClassChanged',
      ]);
      given(enterpriseKind, []).when(register({ foundedOn: '2023-02-29' })).thenThrows('FIELD_INVALID', { field: 'foundedOn' });
      given(enterpriseKind, []).when(register({ foundedOn: '' })).thenThrows('FIELD_REQUIRED', { field: 'foundedOn' });
    });

    it('checks the figures', () => {
      const withFigures = (figures: Partial<EnterpriseFigures>) => register({ figures: { ...figures2023, ...figures } });
      given(enterpriseKind, []).when(withFigures({ year: 2025 })).thenThrows('FIELD_INVALID', { field: 'figures.year' });
      given(enterpriseKind, []).when(withFigures({ year: 2014 })).thenThrows('FIELD_INVALID', { field: 'figures.year' });
      given(enterpriseKind, []).when(withFigures({ year: 2015 })).thenEmits(['EnterpriseRegistered', 'EnterpriseFiguresReported', 'EnterpriseSizeClassChanged']);
      given(enterpriseKind, []).when(withFigures({ employees: 45.5 })).thenThrows('FIELD_INVALID', { field: 'figures.employees' });
      given(enterpriseKind, []).when(withFigures({ employees: -1 })).thenThrows('FIELD_INVALID', { field: 'figures.employees' });
      given(enterpriseKind, []).when(withFigures({ revenue: -0.01 })).thenThrows('FIELD_INVALID', { field: 'figures.revenue' });
      given(enterpriseKind, []).when(withFigures({ assets: '2600' as never })).thenThrows('FIELD_INVALID', { field: 'figures.assets' });
      given(enterpriseKind, []).when(withFigures({ assets: undefined })).thenThrows('FIELD_REQUIRED', { field: 'figures.assets' });
      given(enterpriseKind, []).when(register({ figures: undefined as never })).thenThrows('FIELD_REQUIRED', { field: 'figures' });
      given(enterpriseKind, []).when(withFigures({ employees: 0, revenue: 0, assets: 0 })).thenEmits(['EnterpriseRegistered', 'EnterpriseFiguresReported', 'EnterpriseSizeClassChanged']);
    });

    it('classifies by the standard in force on the day', () => {
      const backdated = (now: string) => register({ foundedOn: '2005-01-01', figures: { ...figures2023, year: 2010 } }, itself, now);
      given(enterpriseKind, []).when(backdated('2011-06-17T23:30:00+08:00')).thenThrows('NO_SIZE_STANDARD_IN_FORCE', { kind: 'CONFLICT' });
      given(enterpriseKind, []).when(backdated('2011-06-18T00:30:00+08:00')).thenEmits(['EnterpriseRegistered', 'EnterpriseFiguresReported', 'EnterpriseSizeClassChanged']);
    });
  });

  describe('ReportEnterpriseFigures (yearly figures)', () => {
    const figures2024Medium: EnterpriseFigures = { year: 2024, employees: 120, revenue: 1500, assets: 3000 };

    it('records a new year; the class follows the most recent year', () => {
      given(enterpriseKind, SMALL_ENTERPRISE)
        .when(report(figures2024Medium))
        .then([
          { type: 'EnterpriseFiguresReported', data: { enterpriseId: ENTERPRISE_ID, figures: figures2024Medium, reportedAt: NOW_ISO } },
          classChanged('SMALL', 'MEDIUM', figures2024Medium, 'SOFTWARE_IT', NOW_ISO),
        ])
        .andState((state) =>
          expect(state).toMatchObject({
            figures: [figures2023, figures2024Medium],
            latestFigures: figures2024Medium,
            sizeClass: 'MEDIUM',
            sizeClassBasis: { figuresYear: 2024, since: NOW_ISO },
          }),
        );
    });

    it('emits no class change when the class stays the same', () => {
      const stillSmall = { ...figures2023, year: 2024, employees: 60 };
      given(enterpriseKind, SMALL_ENTERPRISE)
        .when(report(stillSmall))
        .then([{ type: 'EnterpriseFiguresReported', data: { enterpriseId: ENTERPRISE_ID, figures: stillSmall, reportedAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ latestFigures: stillSmall, sizeClass: 'SMALL', sizeClassBasis: { figuresYear: 2023 } }));
    });

    it('replaces a year’s figures with a later report for that year and reclassifies', () => {
      const corrected = { ...figures2023, employees: 8 };
      given(enterpriseKind, SMALL_ENTERPRISE)
        .when(report(corrected))
        .then([
          { type: 'EnterpriseFiguresReported', data: { enterpriseId: ENTERPRISE_ID, figures: corrected, reportedAt: NOW_ISO } },
          classChanged('SMALL', 'MICRO', corrected, 'SOFTWARE_IT', NOW_ISO),
        ])
        .andState((state) => expect(state).toMatchObject({ figures: [corrected], latestFigures: corrected, sizeClass: 'MICRO' }));
    });

    it('can correct a class back', () => {
      const history = [...SMALL_ENTERPRISE, reported(figures2024Medium), classChanged('SMALL', 'MEDIUM', figures2024Medium)];
      const { state } = given(enterpriseKind, history)
        .when(report({ ...figures2024Medium, employees: 90 }))
        .thenEmits(['EnterpriseFiguresReported', 'EnterpriseSizeClassChanged']);
      expect(state).toMatchObject({ sizeClass: 'SMALL' });
    });

    it('leaves the class alone when an earlier year is reported', () => {
      const tiny2022 = { year: 2022, employees: 3, revenue: 10, assets: 50 };
      given(enterpriseKind, SMALL_ENTERPRISE)
        .when(report(tiny2022))
        .then([{ type: 'EnterpriseFiguresReported', data: { enterpriseId: ENTERPRISE_ID, figures: tiny2022, reportedAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ figures: [tiny2022, figures2023], latestFigures: figures2023, sizeClass: 'SMALL' }));
    });

    it('refuses a report that changes nothing', () => {
      given(enterpriseKind, SMALL_ENTERPRISE).when(report(figures2023)).thenThrows('FIGURES_UNCHANGED', { kind: 'CONFLICT', field: 'figures' });
    });

    it('checks the year against the founding year and today', () => {
      given(enterpriseKind, SMALL_ENTERPRISE).when(report({ ...figures2023, year: 2025 })).thenThrows('FIELD_INVALID', { field: 'figures.year' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(report({ ...figures2023, year: 2014 })).thenThrows('FIELD_INVALID', { field: 'figures.year' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(report({ ...figures2023, revenue: undefined })).thenThrows('FIELD_REQUIRED', { field: 'figures.revenue' });
    });

    it('is for the enterprise itself, or the hub and authorities of its region', () => {
      const changed = { ...figures2023, assets: 2700 };
      for (const actor of [itself, hub, tianheAuthority, cityBureau]) {
        given(enterpriseKind, SMALL_ENTERPRISE).when(report(changed, actor)).thenEmits(['EnterpriseFiguresReported']);
      }
      given(enterpriseKind, SMALL_ENTERPRISE).when(report(changed, otherEnterprise)).thenThrows('NOT_OWNER');
      given(enterpriseKind, SMALL_ENTERPRISE).when(report(changed, haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED');
      given(enterpriseKind, SMALL_ENTERPRISE).when(report(changed, shenzhenBureau)).thenThrows('REGION_NOT_PERMITTED');
      given(enterpriseKind, SMALL_ENTERPRISE).when(report(changed, tianheOperator)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('knows the enterprise by its USCC however its organisation id is typed', () => {
      const typedLoosely = anActor('ENTERPRISE', TIANHE, 'ent-user-3', ` ${USCC.toLowerCase()} `);
      given(enterpriseKind, SMALL_ENTERPRISE).when(report({ ...figures2023, assets: 2700 }, typedLoosely)).thenEmits(['EnterpriseFiguresReported']);
    });
  });

  describe('UpdateEnterpriseProfile', () => {
    it('records only what changed', () => {
      given(enterpriseKind, SMALL_ENTERPRISE)
        .when(update({ name: '广州粤信数字科技有限公司', industryCode: 'SOFTWARE_IT', regionCode: TIANHE }))
        .then([{ type: 'EnterpriseProfileUpdated', data: { enterpriseId: ENTERPRISE_ID, changes: { name: '广州粤信数字科技有限公司' }, updatedAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ name: '广州粤信数字科技有限公司', industryCode: 'SOFTWARE_IT' }));
    });

    it('reclassifies on the latest figures when the industry changes the class', () => {
      // 1800 万元 revenue is 中型 for 农、林、牧、渔业 (500 万元 and above).
      given(enterpriseKind, SMALL_ENTERPRISE)
        .when(update({ industryCode: 'AGRICULTURE' }))
        .then([
          { type: 'EnterpriseProfileUpdated', data: { enterpriseId: ENTERPRISE_ID, changes: { industryCode: 'AGRICULTURE' }, updatedAt: NOW_ISO } },
          classChanged('SMALL', 'MEDIUM', figures2023, 'AGRICULTURE', NOW_ISO),
        ])
        .andState((state) => expect(state).toMatchObject({ industryCode: 'AGRICULTURE', sizeClass: 'MEDIUM', sizeClassBasis: { industryCode: 'AGRICULTURE' } }));
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ industryCode: 'OTHER' })).thenEmits(['EnterpriseProfileUpdated']);
    });

    it('refuses an update that changes nothing', () => {
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({})).thenThrows('PROFILE_UNCHANGED', { kind: 'CONFLICT' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ name: ` ${registration.name}` })).thenThrows('PROFILE_UNCHANGED');
    });

    it('checks what it is given', () => {
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ name: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'name' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ industryCode: 'FISHING' as IndustryCode })).thenThrows('INDUSTRY_CODE_INVALID', { field: 'industryCode' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ regionCode: '4401' })).thenThrows('REGION_CODE_INVALID', { field: 'regionCode' });
    });

    it('lets the enterprise move anywhere, others only inside their region', () => {
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ regionCode: HAIZHU })).thenEmits(['EnterpriseProfileUpdated']);
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ regionCode: '440305' })).thenEmits(['EnterpriseProfileUpdated']);
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ regionCode: HAIZHU }, cityBureau)).thenEmits(['EnterpriseProfileUpdated']);
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ regionCode: HAIZHU }, tianheAuthority)).thenThrows('REGION_NOT_PERMITTED');
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ regionCode: '440305' }, hub)).thenThrows('REGION_NOT_PERMITTED');
    });

    it('hands the record to the new region’s authorities once moved', () => {
      const moved: EnterpriseEvent = { type: 'EnterpriseProfileUpdated', data: { enterpriseId: ENTERPRISE_ID, changes: { regionCode: HAIZHU }, updatedAt: EARLIER } };
      const changed = { ...figures2023, assets: 2700 };
      given(enterpriseKind, [...SMALL_ENTERPRISE, moved]).when(report(changed, tianheAuthority)).thenThrows('REGION_NOT_PERMITTED');
      given(enterpriseKind, [...SMALL_ENTERPRISE, moved]).when(report(changed, haizhuAuthority)).thenEmits(['EnterpriseFiguresReported']);
    });

    it('is for the enterprise itself, or the hub and authorities of its region', () => {
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ name: '新名称' }, hub)).thenEmits(['EnterpriseProfileUpdated']);
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ name: '新名称' }, otherEnterprise)).thenThrows('NOT_OWNER');
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ name: '新名称' }, haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED');
      given(enterpriseKind, SMALL_ENTERPRISE).when(update({ name: '新名称' }, tianheOperator)).thenThrows('ROLE_NOT_PERMITTED');
    });
  });

  describe('GrantEnterpriseTag', () => {
    it('records the tag with its issuer, document and validity', () => {
      given(enterpriseKind, SMALL_ENTERPRISE)
        .when(grant({ documentNumber: '粤工信融资函〔2023〕12号' }))
        .then([
          {
            type: 'EnterpriseTagGranted',
            data: {
              enterpriseId: ENTERPRISE_ID,
              tag: 'SPECIALISED',
              issuedBy: '广东省工业和信息化厅',
              documentNumber: '粤工信融资函〔2023〕12号',
              validFrom: '2023-01-01',
              validUntil: '2025-12-31',
              grantedAt: NOW_ISO,
            },
          },
        ])
        .andState((state) => {
          expect(state.status === 'REGISTERED' && state.tags).toEqual([
            { tag: 'SPECIALISED', issuedBy: '广东省工业和信息化厅', documentNumber: '粤工信融资函〔2023〕12号', validFrom: '2023-01-01', validUntil: '2025-12-31', grantedAt: NOW_ISO },
          ]);
          expect(tagsValidOn(state, '2022-12-31')).toEqual([]);
          expect(tagsValidOn(state, '2023-01-01')).toEqual(['SPECIALISED']);
          expect(tagsValidOn(state, '2025-12-31')).toEqual(['SPECIALISED']);
          expect(tagsValidOn(state, '2026-01-01')).toEqual([]);
        });
    });

    it('leaves the document number out when none is given', () => {
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant()).then([tagGranted('2023-01-01', '2025-12-31', NOW_ISO)]);
    });

    it('refuses a grant of a tag already valid over an overlapping period', () => {
      const held = [...SMALL_ENTERPRISE, tagGranted('2023-01-01', '2025-12-31')];
      given(enterpriseKind, held).when(grant({ validFrom: '2025-12-31', validUntil: '2028-12-31' })).thenThrows('TAG_ALREADY_GRANTED', { kind: 'CONFLICT', field: 'validFrom' });
      given(enterpriseKind, held).when(grant({ validFrom: '2020-01-01', validUntil: '2023-01-01' })).thenThrows('TAG_ALREADY_GRANTED');
      given(enterpriseKind, held).when(grant({ validFrom: '2024-01-01', validUntil: '2024-06-30' })).thenThrows('TAG_ALREADY_GRANTED');
      given(enterpriseKind, held).when(grant({ validFrom: '2026-01-01', validUntil: '2028-12-31' })).thenEmits(['EnterpriseTagGranted']);
      given(enterpriseKind, held).when(grant({ validFrom: '2020-01-01', validUntil: '2022-12-31' })).thenEmits(['EnterpriseTagGranted']);
      given(enterpriseKind, held).when(grant({ tag: 'LITTLE_GIANT' })).thenEmits(['EnterpriseTagGranted']);
    });

    it('may grant again from the day a revocation took effect', () => {
      const revoked = [...SMALL_ENTERPRISE, tagGranted('2023-01-01', '2025-12-31'), tagRevoked('2024-03-01')];
      given(enterpriseKind, revoked).when(grant({ validFrom: '2024-03-01', validUntil: '2026-12-31' })).thenEmits(['EnterpriseTagGranted']);
      given(enterpriseKind, revoked).when(grant({ validFrom: '2024-02-29', validUntil: '2026-12-31' })).thenThrows('TAG_ALREADY_GRANTED');
      const revokedBeforeStart = [...SMALL_ENTERPRISE, tagGranted('2026-01-01', '2028-12-31'), tagRevoked('2024-03-01')];
      given(enterpriseKind, revokedBeforeStart).when(grant({ validFrom: '2023-01-01', validUntil: '2030-12-31' })).thenEmits(['EnterpriseTagGranted']);
    });

    it('checks the tag, issuer, document number and period', () => {
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant({ tag: 'GAZELLE' as never })).thenThrows('FIELD_INVALID', { field: 'tag' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant({ issuedBy: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'issuedBy' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant({ documentNumber: '2023-12' })).thenThrows('DOCUMENT_NUMBER_INVALID', { kind: 'VALIDATION', field: 'documentNumber' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant({ documentNumber: ' ' })).thenThrows('DOCUMENT_NUMBER_INVALID', { field: 'documentNumber' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant({ validFrom: '2023/01/01' })).thenThrows('FIELD_INVALID', { field: 'validFrom' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant({ validUntil: '' })).thenThrows('FIELD_REQUIRED', { field: 'validUntil' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant({ validUntil: '2022-12-31' })).thenThrows('VALIDITY_PERIOD_INVALID', { kind: 'VALIDATION', field: 'validUntil' });
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant({ validUntil: '2023-01-01' })).thenEmits(['EnterpriseTagGranted']);
    });

    it('is for the city or district authority of the enterprise’s region', () => {
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant({}, cityBureau)).thenEmits(['EnterpriseTagGranted']);
      for (const actor of [hub, itself, tianheOperator]) {
        given(enterpriseKind, SMALL_ENTERPRISE).when(grant({}, actor)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      }
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant({}, haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED');
      given(enterpriseKind, SMALL_ENTERPRISE).when(grant({}, shenzhenBureau)).thenThrows('REGION_NOT_PERMITTED');
    });
  });

  describe('RevokeEnterpriseTag', () => {
    it('ends the tag from the day of the revocation', () => {
      given(enterpriseKind, [...SMALL_ENTERPRISE, tagGranted('2023-01-01', '2025-12-31')])
        .when(revoke())
        .then([
          {
            type: 'EnterpriseTagRevoked',
            data: { enterpriseId: ENTERPRISE_ID, tag: 'SPECIALISED', reason: '发现申报材料弄虚作假', revokedOn: '2024-03-01', revokedAt: NOW_ISO },
          },
        ])
        .andState((state) => {
          expect(tagsValidOn(state, '2024-02-29')).toEqual(['SPECIALISED']);
          expect(tagsValidOn(state, '2024-03-01')).toEqual([]);
          expect(state.status === 'REGISTERED' && state.tags[0].revocation).toEqual({ revokedOn: '2024-03-01', reason: '发现申报材料弄虚作假', revokedAt: NOW_ISO });
          expect(state.status === 'REGISTERED' && effectiveTagPeriod(state.tags[0])).toEqual({ tag: 'SPECIALISED', validFrom: '2023-01-01', validUntil: '2024-02-29' });
        });
    });

    it('takes away grants still to come but not those already over', () => {
      const history = [...SMALL_ENTERPRISE, tagGranted('2020-01-01', '2022-12-31'), tagGranted('2023-01-01', '2025-12-31'), tagGranted('2026-01-01', '2028-12-31')];
      const { state } = given(enterpriseKind, history).when(revoke()).thenEmits(['EnterpriseTagRevoked']);
      expect(state.status === 'REGISTERED' && state.tags.map((g) => g.revocation?.revokedOn)).toEqual([undefined, '2024-03-01', '2024-03-01']);
      expect(tagsValidOn(state, '2021-06-01')).toEqual(['SPECIALISED']);
      expect(tagsValidOn(state, '2027-01-01')).toEqual([]);
      expect(state.status === 'REGISTERED' && state.tags.map(effectiveTagPeriod)).toEqual([
        { tag: 'SPECIALISED', validFrom: '2020-01-01', validUntil: '2022-12-31' },
        { tag: 'SPECIALISED', validFrom: '2023-01-01', validUntil: '2024-02-29' },
        undefined,
      ]);
    });

    it('needs a grant of that tag still valid or to come', () => {
      given(enterpriseKind, SMALL_ENTERPRISE).when(revoke()).thenThrows('TAG_NOT_HELD', { kind: 'CONFLICT', field: 'tag' });
      given(enterpriseKind, [...SMALL_ENTERPRISE, tagGranted('2020-01-01', '2022-12-31')]).when(revoke()).thenThrows('TAG_NOT_HELD');
      given(enterpriseKind, [...SMALL_ENTERPRISE, tagGranted('2023-01-01', '2025-12-31'), tagRevoked('2024-01-01')]).when(revoke()).thenThrows('TAG_NOT_HELD');
      given(enterpriseKind, [...SMALL_ENTERPRISE, tagGranted('2023-01-01', '2025-12-31')]).when(revoke('HIGH_TECH')).thenThrows('TAG_NOT_HELD');
    });

    it('needs a known tag and a reason', () => {
      const held = [...SMALL_ENTERPRISE, tagGranted('2023-01-01', '2025-12-31')];
      given(enterpriseKind, held).when(revoke('GAZELLE')).thenThrows('FIELD_INVALID', { field: 'tag' });
      given(enterpriseKind, held).when(revoke('SPECIALISED', tianheAuthority, '')).thenThrows('FIELD_REQUIRED', { field: 'reason' });
    });

    it('is for the city or district authority of the enterprise’s region', () => {
      const held = [...SMALL_ENTERPRISE, tagGranted('2023-01-01', '2025-12-31')];
      given(enterpriseKind, held).when(revoke('SPECIALISED', cityBureau)).thenEmits(['EnterpriseTagRevoked']);
      given(enterpriseKind, held).when(revoke('SPECIALISED', hub)).thenThrows('ROLE_NOT_PERMITTED');
      given(enterpriseKind, held).when(revoke('SPECIALISED', itself)).thenThrows('ROLE_NOT_PERMITTED');
      given(enterpriseKind, held).when(revoke('SPECIALISED', haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED');
    });
  });

  it.each<EnterpriseCommand>([report(figures2023), update({ name: '新名称' }), grant(), revoke()])('$type on an enterprise that does not exist is ENTERPRISE_NOT_FOUND', (command) => {
    given(enterpriseKind, []).when(command).thenThrows('ENTERPRISE_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it('tagsValidOn an unregistered enterprise is empty', () => {
    expect(tagsValidOn(enterpriseKind.decider.initialState(), '2024-01-01')).toEqual([]);
  });

  describe('RecordEnterpriseTies (法定代表人与股东)', () => {
    const ties = { legalRepresentative: ' 张伟 ', shareholders: [{ name: '张伟' }, { name: '广州某投资有限公司', uscc: '91440101ma5ckj8q7l' }] };
    const record = (changes: Record<string, unknown> = {}, actor = itself) => cmd('RecordEnterpriseTies', { ties: { ...ties, ...changes } as never }, actor);
    const recorded: EnterpriseEvent = {
      type: 'EnterpriseTiesRecorded',
      data: { enterpriseId: ENTERPRISE_ID, ties: { legalRepresentative: '张伟', shareholders: [{ name: '张伟' }, { name: '广州某投资有限公司', uscc: '91440101MA5CKJ8Q7L' }] }, recordedAt: NOW_ISO },
    };

    it('records them whole, names trimmed and USCCs checked and upper-cased; the state holds them', () => {
      given(enterpriseKind, [registered]).when(record()).then([recorded]).andState((state) => expect(state.status === 'REGISTERED' && state.ties?.legalRepresentative).toBe('张伟'));
      given(enterpriseKind, [registered]).when(record({}, tianheAuthority)).thenEmits(['EnterpriseTiesRecorded']);
    });

    it.each([
      [{ legalRepresentative: ' ' }, 'FIELD_REQUIRED', 'ties.legalRepresentative'],
      [{ shareholders: [{ name: 'X', uscc: '91440101MA5CKJ8Q70' }] }, 'USCC_INVALID', 'ties.shareholders.0.uscc'],
      [{ shareholders: [{ name: '' }] }, 'FIELD_REQUIRED', 'ties.shareholders.0.name'],
      [{ shareholders: [{ name: '张伟' }, { name: '张伟' }] }, 'FIELD_INVALID', 'ties.shareholders.1'],
      [{ shareholders: [{ name: '本企业', uscc: USCC }] }, 'SHAREHOLDER_IS_ITSELF', 'ties.shareholders'],
    ])('refuses %j with %s naming %s', (changes, code, field) => {
      given(enterpriseKind, [registered]).when(record(changes)).thenThrows(code, { field });
    });

    it('refuses the same ties again, another enterprise and a district outside (403)', () => {
      given(enterpriseKind, [registered, recorded]).when(record()).thenThrows('TIES_UNCHANGED');
      given(enterpriseKind, [registered]).when(record({}, otherEnterprise)).thenThrows('NOT_OWNER');
      given(enterpriseKind, [registered]).when(record({}, haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED');
      given(enterpriseKind, [registered]).when(record({}, tianheOperator)).thenThrows('ROLE_NOT_PERMITTED');
    });
  });

  it('names its streams and versions its events', () => {
    expect(enterpriseKind.streamId(ENTERPRISE_ID)).toBe('enterprise-ent-001');
    expect(usccReservationKind.streamId(USCC)).toBe('uscc-91440106MA59C3PL24');
    expect(Object.keys(enterpriseKind.schemaVersions).sort()).toEqual(
      ['EnterpriseFiguresReported', 'EnterpriseProfileUpdated', 'EnterpriseRegistered', 'EnterpriseSizeClassChanged', 'EnterpriseTagGranted', 'EnterpriseTagRevoked', 'EnterpriseTiesRecorded'],
    );
  });
});
