import { anActor, given, TIANHE } from '../shared/testing';
import { applicationKind } from './application.kind';
import type { ApplicationForm, OperatorType } from './application.form';
import { aForm, callSnapshot, command, HAIZHU, material, OPERATOR_USCC } from './application.fixtures';

/** Drafting a form that differs from the valid one by `change`. */
const draft = (change: (form: ApplicationForm) => void, call = callSnapshot) => {
  const form = aForm();
  change(form);
  return given(applicationKind, []).when(command('CreateApplication', { call, form }));
};
const accepted = (change: (form: ApplicationForm) => void) => draft(change).thenEmits(['ApplicationDrafted']);

describe('Application form (申请表) rules at drafting', () => {
  describe('申报主体 — the operator', () => {
    it('needs a valid unified social credit code', () => {
      draft((f) => (f.operator.uscc = '91440106MA59C3PL25')).thenThrows('USCC_INVALID', { kind: 'VALIDATION', field: 'form.operator.uscc' });
    });

    it('is a 法人单位: a 个体工商户 (category 92) may not run a station', () => {
      const soleTrader = '92440106MA5D0E7F8G';
      const form = aForm();
      form.operator.uscc = soleTrader;
      const actor = anActor('STATION_OPERATOR', TIANHE, 'op-sole', soleTrader);
      given(applicationKind, []).when(command('CreateApplication', { call: callSnapshot, form }, actor)).thenThrows('NOT_LEGAL_PERSON', { kind: 'VALIDATION', field: 'form.operator.uscc', message: /个体工商户/ });
    });

    it('stores the code in upper case', () => {
      const { state } = draft((f) => (f.operator.uscc = OPERATOR_USCC.toLowerCase())).thenEmits(['ApplicationDrafted']);
      expect(state.status !== 'NONE' && state.form.operator.uscc).toBe(OPERATOR_USCC);
    });

    it('must have been registered before the cut-off (2018-01-01 in 2019)', () => {
      draft((f) => (f.operator.registrationDate = '2018-01-01')).thenThrows('OPERATOR_REGISTERED_TOO_LATE', {
        field: 'form.operator.registrationDate',
        message: /2018-01-01/,
      });
      accepted((f) => (f.operator.registrationDate = '2017-12-31'));
    });

    it('must be registered in the call’s city, at city or district level', () => {
      draft((f) => (f.operator.registrationRegionCode = '440305')).thenThrows('OPERATOR_OUTSIDE_CITY', {
        field: 'form.operator.registrationRegionCode',
      });
      accepted((f) => (f.operator.registrationRegionCode = '440100'));
      accepted((f) => (f.operator.registrationRegionCode = HAIZHU));
    });

    it('gives the park opening month for parks, and only for parks', () => {
      draft((f) => delete f.operator.parkOpenedOn).thenThrows('FIELD_REQUIRED', { field: 'form.operator.parkOpenedOn' });
      draft((f) => (f.operator.parkOpenedOn = '2015/06')).thenThrows('FIELD_INVALID', { field: 'form.operator.parkOpenedOn' });
      draft((f) => (f.operator.type = 'BUSINESS_ASSOCIATION')).thenThrows('FIELD_INVALID', { field: 'form.operator.parkOpenedOn' });
      accepted((f) => {
        f.operator.type = 'BUSINESS_ASSOCIATION';
        delete f.operator.parkOpenedOn;
      });
    });

    it('is one of the nine types', () => {
      draft((f) => (f.operator.type = 'BANK' as OperatorType)).thenThrows('FIELD_INVALID', { field: 'form.operator.type' });
    });
  });

  describe('近两年运营情况 — operations of the two years before the call', () => {
    it.each([
      ['2018 and 2019', [2018, 2019]],
      ['only 2017', [2017]],
      ['2017 twice', [2017, 2017]],
      ['three years', [2016, 2017, 2018]],
    ])('refuses %s', (_, years) => {
      draft((f) => {
        f.operations = years.map((year) => ({ ...f.operations[0], year }));
      }).thenThrows('OPERATIONS_YEARS_INVALID', { field: 'form.operations', message: /2017.*2018/ });
    });

    it('puts the years in order', () => {
      const { state } = draft((f) => f.operations.reverse()).thenEmits(['ApplicationDrafted']);
      expect(state.status !== 'NONE' && state.form.operations.map((o) => o.year)).toEqual([2017, 2018]);
    });

    it('follows the call’s year', () => {
      const call2020 = { ...callSnapshot, districtDeadline: '2020-06-18T17:00:00+08:00', cityDeadline: '2020-06-21T17:00:00+08:00' };
      draft(() => undefined, call2020).thenThrows('OPERATIONS_YEARS_INVALID', { message: /2018.*2019/ });
      draft((f) => f.operations.forEach((o) => (o.year += 1)), call2020).thenEmits(['ApplicationDrafted']);
    });

    it('has the service revenue within the revenue', () => {
      draft((f) => (f.operations[1].serviceRevenue = 1500.01)).thenThrows('SERVICE_REVENUE_EXCEEDS_REVENUE', {
        field: 'form.operations.1.serviceRevenue',
      });
      accepted((f) => (f.operations[1].serviceRevenue = 1500));
    });

    it('allows a loss but no negative revenue, assets or tax', () => {
      accepted((f) => (f.operations[0].totalProfit = -300));
      draft((f) => (f.operations[0].revenue = -1)).thenThrows('FIELD_INVALID', { field: 'form.operations.0.revenue' });
    });
  });

  describe('服务站 — the station', () => {
    it.each(['440100', '440305', '440101'])('must lie in a district of the city, not %s', (districtCode) => {
      draft((f) => (f.station.districtCode = districtCode)).thenThrows('STATION_OUTSIDE_CITY', { field: 'form.station.districtCode' });
    });

    it.each([0, 4, 1.5])('needs 1–3 full-time staff, not %s', (fullTimeStaff) => {
      draft((f) => {
        f.station.fullTimeStaff = fullTimeStaff;
        f.station.qualifiedFullTimeStaff = 0;
      }).thenThrows('FULL_TIME_STAFF_OUT_OF_RANGE', { field: 'form.station.fullTimeStaff' });
    });

    it('accepts one full-time staff member', () => {
      accepted((f) => {
        f.station.fullTimeStaff = 1;
        f.station.qualifiedFullTimeStaff = 1;
      });
    });

    it('cannot have more qualified staff than full-time staff', () => {
      draft((f) => {
        f.station.fullTimeStaff = 2;
        f.station.qualifiedFullTimeStaff = 3;
      }).thenThrows('QUALIFIED_STAFF_EXCEEDS_FULL_TIME', { field: 'form.station.qualifiedFullTimeStaff' });
    });
  });

  describe('申报材料 — materials', () => {
    it('may be incomplete in a draft', () => {
      accepted((f) => (f.materials = [material('APPLICATION_FORM')]));
      accepted((f) => (f.materials = []));
    });

    it('lists each kind once', () => {
      draft((f) => f.materials.push(material('VENUE_PROOF'))).thenThrows('MATERIAL_KIND_DUPLICATED', { field: 'form.materials.6.kind' });
    });

    it('come as a list', () => {
      draft((f) => (f.materials = 'all of them' as never)).thenThrows('FIELD_INVALID', { field: 'form.materials' });
    });

    it('carries a SHA-256 digest', () => {
      draft((f) => (f.materials[2].sha256 = 'abc')).thenThrows('FIELD_INVALID', { field: 'form.materials.2.sha256' });
    });
  });

  it.each<[string, string, (f: ApplicationForm) => void]>([
    ['FIELD_REQUIRED', 'form.operator.name', (f) => (f.operator.name = ' ')],
    ['FIELD_REQUIRED', 'form.operator.industry', (f) => (f.operator.industry = '')],
    ['FIELD_INVALID', 'form.operator.registrationDate', (f) => (f.operator.registrationDate = '2015-02-30')],
    ['FIELD_REQUIRED', 'form.operator.legalRepresentative', (f) => (f.operator.legalRepresentative = '')],
    ['FIELD_REQUIRED', 'form.operator.nature', (f) => (f.operator.nature = '')],
    ['FIELD_REQUIRED', 'form.operator.registeredAddress', (f) => (f.operator.registeredAddress = '')],
    ['FIELD_INVALID', 'form.operator.postcode', (f) => (f.operator.postcode = '51066')],
    ['FIELD_REQUIRED', 'form.operator.officeAddress', (f) => (f.operator.officeAddress = '')],
    ['FIELD_REQUIRED', 'form.operator.contact.name', (f) => (f.operator.contact.name = '')],
    ['FIELD_INVALID', 'form.operator.contact.phone', (f) => (f.operator.contact.phone = 'none')],
    ['FIELD_INVALID', 'form.operator.contact.email', (f) => (f.operator.contact.email = 'contact@')],
    ['FIELD_INVALID', 'form.operator.enterprisesServed', (f) => (f.operator.enterprisesServed = -1)],
    ['FIELD_INVALID', 'form.operations.0.serviceRevenue', (f) => (f.operations[0].serviceRevenue = -1)],
    ['FIELD_INVALID', 'form.operations.0.totalAssets', (f) => (f.operations[0].totalAssets = -1)],
    ['FIELD_INVALID', 'form.operations.0.totalProfit', (f) => (f.operations[0].totalProfit = Number.NaN)],
    ['FIELD_INVALID', 'form.operations.0.taxPaid', (f) => (f.operations[0].taxPaid = -1)],
    ['FIELD_INVALID', 'form.operations.1.smesServed', (f) => (f.operations[1].smesServed = 2.5)],
    ['FIELD_REQUIRED', 'form.station.name', (f) => (f.station.name = '')],
    ['FIELD_REQUIRED', 'form.station.address', (f) => (f.station.address = '')],
    ['FIELD_INVALID', 'form.station.areaSqm', (f) => (f.station.areaSqm = 0)],
    ['FIELD_INVALID', 'form.station.qualifiedFullTimeStaff', (f) => (f.station.qualifiedFullTimeStaff = -1)],
    ['FIELD_INVALID', 'form.station.partTimeStaff', (f) => (f.station.partTimeStaff = -1)],
    ['FIELD_REQUIRED', 'form.station.head.name', (f) => (f.station.head.name = '')],
    ['FIELD_INVALID', 'form.station.head.phone', (f) => (f.station.head.phone = '123')],
    ['FIELD_INVALID', 'form.station.head.email', (f) => (f.station.head.email = 'head')],
    ['FIELD_INVALID', 'form.station.head.education', (f) => (f.station.head.education = 'PHD' as never)],
    ['FIELD_INVALID', 'form.materials.0.kind', (f) => (f.materials[0].kind = 'PHOTO' as never)],
    ['FIELD_REQUIRED', 'form.materials.0.fileName', (f) => (f.materials[0].fileName = '')],
  ])('%s at %s', (code, field, change) => {
    draft(change).thenThrows(code, { kind: 'VALIDATION', field });
  });

  it('needs an application id', () => {
    given(applicationKind, [])
      .when(command('CreateApplication', { applicationId: ' ', call: callSnapshot, form: aForm() }))
      .thenThrows('FIELD_REQUIRED', { field: 'applicationId' });
  });
});
