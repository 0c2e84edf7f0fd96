import { cityCodeOf, isWithinRegion, sameOrganisation, voucherKind, type Actor, type Role } from '@sme/domain';
import { projectVoucherProgramme, type VoucherProgrammeView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { readingOf } from '../records/record-query';

/** Who sees a programme's enterprises: ADMIN, and these roles for programmes inside their region. */
const READS_HOLDERS: readonly Role[] = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'SUPERVISOR', 'AUDITOR', 'HUB', 'EVALUATOR'];

export const overseesIt = (actor: Actor, issuerRegion: string) => actor.role === 'ADMIN' || (READS_HOLDERS.includes(actor.role) && isWithinRegion(issuerRegion, actor.regionCode));

/** A programme is public to everyone its terms cover (an enterprise, a provider, a station in its region) and to those who oversee it. */
export const mayReadProgramme = (actor: Actor, issuerRegion: string): boolean => overseesIt(actor, issuerRegion) || isWithinRegion(actor.regionCode, issuerRegion);

/** What a reader is shown: everything to those who oversee it; to anyone else the terms, the budget, its own standing and its own orders (as enterprise or provider) only. */
export function shownTo<V extends Omit<VoucherProgrammeView, '_id' | '_position'>>(view: V, actor: Actor): V {
  if (overseesIt(actor, view.issuer.regionCode)) return view;
  const own = view.holders.filter((h) => sameOrganisation(h.uscc, actor.orgId));
  const orders = view.orders.filter((o) => sameOrganisation(o.enterpriseUscc, actor.orgId) || sameOrganisation(o.provider.uscc, actor.orgId));
  return { ...view, holders: own, holderUsccs: own.map((h) => h.uscc), orders, providerUsccs: [...new Set(orders.map((o) => o.provider.uscc))] };
}

export const voucherProgrammeReading = readingOf<VoucherProgrammeView>(voucherKind, projectVoucherProgramme, {
  // A provider from outside a district's programme reads it once it has an order in it.
  mayRead: (actor, view) => mayReadProgramme(actor, view.issuer.regionCode) || view.providerUsccs.some((uscc) => sameOrganisation(uscc, actor.orgId)),
  forbidden: () => ApiError.forbidden('VOUCHER_PROGRAMME_READ_FORBIDDEN', '无权查看该服务券计划', 'You may not read this voucher programme'),
});

/** The city a list reads: the one asked (it must overlap the reader's region), else the reader's own. */
export function cityOfListReader(actor: Actor, asked: string | undefined): string | undefined {
  if (actor.role === 'ADMIN') return asked;
  const city = asked ?? cityCodeOf(actor.regionCode);
  if (!isWithinRegion(city, actor.regionCode) && !isWithinRegion(actor.regionCode, city)) {
    throw ApiError.forbidden('REGION_NOT_PERMITTED', `无权查看 ${city} 的服务券计划（您的辖区：${actor.regionCode}）`, `You may not read the voucher programmes of ${city} (your region: ${actor.regionCode})`);
  }
  return city;
}
