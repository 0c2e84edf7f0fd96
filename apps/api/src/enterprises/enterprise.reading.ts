import { chinaDateOf, chinaTimeOf, enterpriseTags, enterpriseKind, isTagGrantValidOn, notFound, type EnterpriseTagCode, recordNotFound } from '@sme/domain';
import { projectEnterprise, toPublicView, type EnterpriseView, type PublicView } from '@sme/read-models';
import type { RecordReading } from '../records/record-query';
import { enterpriseReadForbidden, mayReadEnterprise } from './enterprise-access';

/** An enterprise as read: with the tags valid on the day read. */
export type ShownEnterprise = PublicView<EnterpriseView> & { tagsValid: { on: string; tags: EnterpriseTagCode[] } };

/** An enterprise (as of a business time, when asked), with the tags valid on that day. */
export const enterpriseReading: RecordReading<EnterpriseView, ShownEnterprise> = {
  kind: enterpriseKind,
  project: projectEnterprise,
  missing: () => recordNotFound(enterpriseKind.label),
  notYet: (asOf) =>
    notFound('ENTERPRISE_NOT_YET_REGISTERED', `企业在 ${chinaTimeOf(asOf)} 时尚未入库`, `The enterprise had not been registered at ${chinaTimeOf(asOf)}`),
  mayRead: mayReadEnterprise,
  // 法定代表人与股东: people's names, once recorded.
  personalData: { kind: 'enterprise', fields: ['ties'], regionOf: (view) => view.regionCode, holds: (view) => view.ties !== null },
  forbidden: enterpriseReadForbidden,
  show(view, { asOf }) {
    const on = chinaDateOf(asOf ?? new Date());
    const valid = enterpriseTags.codes.filter((tag) => view.tags.some((grant) => grant.tag === tag && isTagGrantValidOn(grant, on)));
    return { ...toPublicView(view), tagsValid: { on, tags: valid } };
  },
};
