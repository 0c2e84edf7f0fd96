import { commandWith, given, GZ, gzHub, szHub, anActor } from '../shared/testing';
import type { ThemePlanEvent } from './themeplan.events';
import { themePlanKind } from './themeplan.kind';

const PLAN_ID = '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081';
const months: { month: number; theme: 'FINANCING' | 'POLICY'; title?: string }[] = [
  { month: 3, theme: 'FINANCING', title: '融资服务月' },
  { month: 1, theme: 'POLICY' },
];
const adopt = commandWith('AdoptThemePlan', { themePlanId: PLAN_ID, cityCode: GZ, year: 2026, months }, gzHub, '2025-12-20T10:00:00+08:00');
const adopted: ThemePlanEvent = {
  type: 'ThemePlanAdopted',
  data: { themePlanId: PLAN_ID, cityCode: GZ, year: 2026, months: [{ month: 1, theme: 'POLICY' }, { month: 3, theme: 'FINANCING', title: '融资服务月' }], adoptedAt: '2025-12-20T02:00:00.000Z' },
};
const revise = commandWith('ReviseThemePlan', { themePlanId: PLAN_ID, months: [{ month: 4, theme: 'IP' as const }], reason: '配合知识产权宣传周' }, gzHub, '2026-02-01T10:00:00+08:00');

describe('Theme-month plan (主题月计划)', () => {
  it('the city’s hub adopts the year’s months, in calendar order', () => {
    given(themePlanKind).when(adopt()).then([adopted]);
  });

  it('only the hub of the city (403)', () => {
    given(themePlanKind).when(adopt({}, szHub)).thenThrows('REGION_NOT_PERMITTED');
    given(themePlanKind).when(adopt({}, anActor('CITY_AUTHORITY', GZ))).thenThrows('ROLE_NOT_PERMITTED');
    given(themePlanKind, [adopted]).when(revise({}, szHub)).thenThrows('REGION_NOT_PERMITTED');
  });

  it.each([
    [{ months: [] }, 'months'],
    [{ months: [{ month: 13, theme: 'IP' }] }, 'months.0.month'],
    [{ months: [{ month: 2, theme: 'PARTY' }] }, 'months.0.theme'],
    [{ months: [{ month: 2, theme: 'IP' }, { month: 2, theme: 'LEGAL' }] }, 'months.1.month'],
    [{ year: 1999 }, 'year'],
  ])('refuses %j naming %s (400)', (changes, field) => {
    given(themePlanKind).when(adopt(changes)).thenThrows('FIELD_INVALID', { kind: 'VALIDATION', field });
  });

  it('one plan per city and year; revised with a reason', () => {
    given(themePlanKind, [adopted]).when(adopt()).thenThrows('THEME_PLAN_ALREADY_EXISTS');
    given(themePlanKind, [adopted])
      .when(revise())
      .then([{ type: 'ThemePlanRevised', data: { themePlanId: PLAN_ID, months: [{ month: 4, theme: 'IP' }], reason: '配合知识产权宣传周', revisedAt: '2026-02-01T02:00:00.000Z' } }])
      .andState((s) => expect(s).toMatchObject({ revisions: 1, months: [{ month: 4 }] }));
    given(themePlanKind, [adopted]).when(revise({ reason: '' })).thenThrows('FIELD_REQUIRED', { field: 'reason' });
    given(themePlanKind).when(revise()).thenThrows('THEME_PLAN_NOT_FOUND');
  });
});
