import { centreLegalForms, centreMeasures } from '@sme/domain/centre/centre.terms';
import { districtsOf, isCityCode, isCityWithoutCounties, isWithinRegion, regionNameZh } from '@sme/domain/shared/region-code';
import type { ActivityView } from '../activity.projection';
import type { CentreView } from '../centre.projection';
import type { DeliveryView } from '../delivery.projection';
import type { ReadModelReader } from '../queries/read-model-reader';
import type { CentreSummaryCentre, CentreSummaryInput } from './centre-summary';

/** 备注: a centre below its standard says where it falls short and by when it is to meet it. */
function noteOf(centre: CentreView): string {
  if (centre.status !== 'BELOW_STANDARD') return '';
  const gaps = centre.shortfalls.map((s) => `${centreMeasures.labels[s.measure].zh}${s.actual}（标准${s.required}）`).join('、');
  return `未达标：${gaps}${centre.remediationDeadline ? `；整改期限${centre.remediationDeadline}` : ''}`;
}

/**
 * The 汇总表 of a city or a district for a year, from the records: its centres (not closed), each with
 * the activities it held that year and 服务人数 — the persons present at them plus the enterprises its
 * deliveries of the year served (one each); the divisions below the region and whether each has a
 * centre. A city's divisions are its districts and counties as the ledger knows them; for a city
 * without counties (东莞, 中山) the towns are those with a centre on record, since the ledger keeps no
 * list of towns.
 */
export async function centreSummaryInput(reader: ReadModelReader, regionCode: string, year: number, filedOn: string): Promise<CentreSummaryInput> {
  const from = `${year}-01-01`;
  const until = `${year}-12-31`;
  const [centres, activities, deliveries] = await Promise.all([
    reader.collection<CentreView>('centres').then((c) => c.find({ status: { $ne: 'CLOSED' } }, { sort: { regionCode: 1, name: 1 } })),
    reader.collection<ActivityView>('activities').then((c) => c.find({ 'organiser.kind': 'CENTRE', status: 'HELD', date: { $gte: from, $lte: until } })),
    reader.collection<DeliveryView>('deliveries').then((c) => c.find({ 'server.kind': 'CENTRE', status: { $ne: 'CANCELLED' }, deliveredOn: { $gte: from, $lte: until } })),
  ]);
  const inRegion = centres.filter((c) => c.level !== 'PROVINCE' && isWithinRegion(c.regionCode, regionCode));
  const ordered = [...inRegion.filter((c) => c.level === 'CITY'), ...inRegion.filter((c) => c.level !== 'CITY')];
  const rows: CentreSummaryCentre[] = ordered.map((centre) => {
    const held = activities.filter((a) => a.organiser.id === centre.id);
    const served = deliveries.filter((d) => d.server.id === centre.id).length;
    return {
      name: centre.name,
      legalForm: centreLegalForms.labels[centre.legalForm].zh,
      fullTimeStaff: centre.fullTimeStaff,
      venueArea: centre.areaSqm,
      providers: centre.providers.map((p) => p.name),
      activities: held.length,
      served: held.reduce((sum, a) => sum + (a.personsPresent ?? 0), 0) + served,
      head: centre.head,
      contact: [centre.contact.phone, centre.contact.email].filter(Boolean).join('；'),
      note: noteOf(centre),
    };
  });
  return { region: { code: regionCode, name: regionNameZh(regionCode) }, year, filedOn, divisions: divisionsOf(regionCode, inRegion), centres: rows };
}

function divisionsOf(regionCode: string, centres: readonly CentreView[]): CentreSummaryInput['divisions'] {
  const below = centres.filter((c) => c.level === 'COUNTY' || c.level === 'TOWN');
  if (!isCityCode(regionCode)) return [{ code: regionCode, name: regionNameZh(regionCode), centres: below.filter((c) => c.regionCode === regionCode).length }];
  if (isCityWithoutCounties(regionCode)) {
    const towns = [...new Set(below.filter((c) => c.town !== null).map((c) => c.town as string))];
    return towns.map((town) => ({ code: `${regionCode}:${town}`, name: town, centres: below.filter((c) => c.town === town).length }));
  }
  const known = districtsOf(regionCode) ?? [];
  const codes = [...new Set([...known.map((d) => d.code), ...below.map((c) => c.regionCode)])].sort();
  return codes.map((code) => ({ code, name: regionNameZh(code), centres: below.filter((c) => c.regionCode === code).length }));
}
