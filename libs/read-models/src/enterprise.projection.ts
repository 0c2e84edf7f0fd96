import type { EnterpriseEvent } from '@sme/domain/enterprise/enterprise.events';
import type { OrganisationTies } from '@sme/domain/shared/organisation-ties';
import type { EnterpriseFigures } from '@sme/domain/enterprise/enterprise.commands';
import { effectiveTagPeriod, isTagGrantOutstandingOn, type EnterpriseTagCode, type EnterpriseTagGrant } from '@sme/domain/enterprise/enterprise-tags';
import { assertNever } from '@sme/domain/shared/decider';
import { cityCodeOf, provinceCodeOf } from '@sme/domain/shared/region-code';
import type { IndustryCode, SizeClass } from '@sme/domain/shared/size-class';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

/** One change of the size class: `from` is null at registration; `at` is the business time of the act. */
export interface SizeClassChange {
  from: SizeClass | null;
  to: SizeClass;
  at: string;
  standardId: string;
  industryCode: IndustryCode;
  figuresYear: number;
  basis: string;
}

/** A grant as recorded, with the days it actually counts (null when a revocation left none). */
export interface EnterpriseTagEntry extends EnterpriseTagGrant {
  effective: { validFrom: string; validUntil: string } | null;
}

export interface EnterpriseView extends ViewVersion {
  id: string;
  uscc: string;
  name: string;
  industryCode: IndustryCode;
  /** Where the enterprise is (usually a district), and the city and province that hold it, for region filters. */
  regionCode: string;
  cityCode: string;
  provinceCode: string;
  foundedOn: string;
  registeredAt: string;
  /** One entry per year (the latest report for it), oldest first. */
  figures: EnterpriseFigures[];
  latestFigures: EnterpriseFigures | null;
  sizeClass: SizeClass | null;
  sizeClassBasis: Omit<SizeClassChange, 'from' | 'to'> | null;
  sizeClassHistory: SizeClassChange[];
  /** Every grant in the order granted, revoked ones included. */
  tags: EnterpriseTagEntry[];
  /** The days each grant counts, one entry per grant with any (for the "tag valid on" filter). */
  tagPeriods: { tag: EnterpriseTagCode; validFrom: string; validUntil: string }[];
  /** tagPeriods.length, so a query knows how many entries to look at (no $elemMatch on FerretDB). */
  tagPeriodCount: number;
  /** 法定代表人与股东 as last recorded, and when; null until recorded. */
  ties: (OrganisationTies & { recordedAt: string }) | null;
}

/** The city (first four digits) and province (first two) of a GB/T 2260 code. */

const regionFields = (regionCode: string) => ({ regionCode, cityCode: cityCodeOf(regionCode), provinceCode: provinceCodeOf(regionCode) });

function withTags(view: EnterpriseView, grants: EnterpriseTagGrant[]): EnterpriseView {
  const tags = grants.map((grant) => {
    const period = effectiveTagPeriod(grant);
    return { ...grant, effective: period ? { validFrom: period.validFrom, validUntil: period.validUntil } : null };
  });
  const tagPeriods = tags.flatMap((t) => (t.effective === null ? [] : [{ tag: t.tag, ...t.effective }]));
  return { ...view, tags, tagPeriods, tagPeriodCount: tagPeriods.length };
}

const grantOf = ({ effective: _, ...grant }: EnterpriseTagEntry): EnterpriseTagGrant => grant;

/** Pure: the enterprise's document after one more of its events. */
export const projectEnterprise = projectionStep<EnterpriseView, EnterpriseEvent>((view, event, version) => {
  switch (event.type) {
    case 'EnterpriseRegistered': {
      const { enterpriseId, uscc, name, industryCode, regionCode, foundedOn, registeredAt } = event.data;
      return {
        _id: enterpriseId,
        id: enterpriseId,
        uscc,
        name,
        industryCode,
        ...regionFields(regionCode),
        foundedOn,
        registeredAt,
        figures: [],
        latestFigures: null,
        sizeClass: null,
        sizeClassBasis: null,
        sizeClassHistory: [],
        tags: [],
        tagPeriods: [],
        tagPeriodCount: 0,
        ties: null,
        ...version,
      };
    }
    case 'EnterpriseFiguresReported': {
      if (!view) return view;
      const reported = event.data.figures;
      const figures = [...view.figures.filter((f) => f.year !== reported.year), reported].sort((a, b) => a.year - b.year);
      return { ...view, figures, latestFigures: figures[figures.length - 1], ...version };
    }
    case 'EnterpriseProfileUpdated': {
      if (!view) return view;
      const { name, industryCode, regionCode } = event.data.changes;
      return {
        ...view,
        ...(name !== undefined ? { name } : {}),
        ...(industryCode !== undefined ? { industryCode } : {}),
        ...(regionCode !== undefined ? regionFields(regionCode) : {}),
        ...version,
      };
    }
    case 'EnterpriseSizeClassChanged': {
      if (!view) return view;
      const { from, to, standardId, industryCode, figuresYear, basis, changedAt } = event.data;
      const change: SizeClassChange = { from, to, at: changedAt, standardId, industryCode, figuresYear, basis };
      return {
        ...view,
        sizeClass: to,
        sizeClassBasis: { at: changedAt, standardId, industryCode, figuresYear, basis },
        sizeClassHistory: [...view.sizeClassHistory, change],
        ...version,
      };
    }
    case 'EnterpriseTagGranted': {
      if (!view) return view;
      const { enterpriseId: _, ...grant } = event.data;
      return { ...withTags(view, [...view.tags.map(grantOf), grant]), ...version };
    }
    case 'EnterpriseTagRevoked': {
      if (!view) return view;
      const { tag, reason, revokedOn, revokedAt } = event.data;
      // The same grants the decider's revocation reaches: this tag's, not yet over and not revoked.
      const grants = view.tags.map(grantOf).map((grant) =>
        grant.tag === tag && isTagGrantOutstandingOn(grant, revokedOn) ? { ...grant, revocation: { revokedOn, reason, revokedAt } } : grant,
      );
      return { ...withTags(view, grants), ...version };
    }
    case 'EnterpriseTiesRecorded':
      return view && { ...view, ties: { ...event.data.ties, recordedAt: event.data.recordedAt }, ...version };
    default:
      return assertNever(event);
  }
});
