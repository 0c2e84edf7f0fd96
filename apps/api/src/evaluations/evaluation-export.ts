import type { OrganisationResult } from '@sme/domain';
import type { ExportColumn } from '@sme/read-models';
import { fieldColumn } from '../read-side/field-column';

type Figures = OrganisationResult['figures'];
const result = fieldColumn<OrganisationResult>;

/** The figures each result carries, with their Chinese headers (docs/evaluation.md). */
const FIGURE_COLUMNS: readonly [keyof Figures & string, string][] = [
  ['activitiesHeld', '服务活动场次'],
  ['serviceVisits', '服务家次'],
  ['enterprisesServed', '服务企业户数'],
  ['deliveriesArchived', '归档服务项目'],
  ['averageRating', '平均满意度'],
  ['satisfiedShare', '满意率'],
  ['followUpsOnTimeRate', '差评跟进按时办结率'],
  ['returnVisitRate', '回访率'],
  ['demandsAcceptedInTimeRate', '需求及时受理率'],
  ['freeServiceShare', '公益服务占比'],
  ['reportOnTime', '按时报送年度总结'],
  ['covenantSigned', '签署服务公约'],
];

/**
 * One row per organisation of the published results: ranks, name, district, total, grade, flags, each
 * indicator's score (a column per indicator of the scheme, `score.<id>`) and the figures.
 */
export function resultColumns(indicators: readonly { id: string; label: string }[]): ExportColumn<OrganisationResult>[] {
  return [
    result('rankInCity', '全市排名'),
    result('rankInDistrict', '区内排名'),
    result('organisationId', '单位编号'),
    result('name', '单位名称'),
    result('districtCode', '所在区'),
    result('total', '总分'),
    result('grade', '等级'),
    { key: 'flags', zh: '优胜劣汰标记', value: (r) => r.flags.join(' ') },
    ...indicators.map(({ id, label }): ExportColumn<OrganisationResult> => ({ key: `score.${id}`, zh: `${label}（得分）`, value: (r) => r.indicators.find((i) => i.id === id)?.score ?? null })),
    ...FIGURE_COLUMNS.map(([key, zh]): ExportColumn<OrganisationResult> => ({ key: `figures.${key}`, zh, value: (r) => (r.figures[key] as string | number | boolean | null | undefined) ?? null })),
  ];
}

/** The results in city rank order, as an export reads them. */
export async function* rankedResults(results: readonly OrganisationResult[]): AsyncGenerator<OrganisationResult> {
  yield* [...results].sort((a, b) => a.rankInCity - b.rankInCity || (a.organisationId < b.organisationId ? -1 : 1));
}
