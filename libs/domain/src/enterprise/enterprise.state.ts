import { assertNever } from '../shared/decider';
import type { OrganisationTies } from '../shared/organisation-ties';
import type { IndustryCode, SizeClass } from '../shared/size-class';
import type { EnterpriseFigures } from './enterprise.commands';
import type { EnterpriseEvent, EnterpriseEvents } from './enterprise.events';
import { enterpriseTags, isTagGrantOutstandingOn, isTagGrantValidOn, type EnterpriseTagCode, type EnterpriseTagGrant } from './enterprise-tags';

/** How the current size class came about. */
export type SizeClassBasis = {
  standardId: string;
  industryCode: IndustryCode;
  /** The year whose figures gave this class. */
  figuresYear: number;
  basis: string;
  since: string;
};

export type EnterpriseRecord = EnterpriseEvents['EnterpriseRegistered']['data'] & {
  /** One entry per year (the latest report for that year), oldest year first. */
  figures: EnterpriseFigures[];
  /** The most recent year's figures, the ones the size class is decided on. */
  latestFigures: EnterpriseFigures | null;
  /** Null only between the events of one registration. */
  sizeClass: SizeClass | null;
  sizeClassBasis: SizeClassBasis | null;
  /** Every grant, in the order granted, revoked ones included. */
  tags: EnterpriseTagGrant[];
  /** 法定代表人与股东 as last recorded; undefined until they are. */
  ties?: OrganisationTies;
};

export type EnterpriseState = { status: 'NONE' } | ({ status: 'REGISTERED' } & EnterpriseRecord);
export type ExistingEnterprise = Extract<EnterpriseState, { status: 'REGISTERED' }>;

/** The tags that count on a business date, in the order of enterpriseTags.codes. */
export function tagsValidOn(state: EnterpriseState, date: string): EnterpriseTagCode[] {
  if (state.status === 'NONE') return [];
  return enterpriseTags.codes.filter((tag) => state.tags.some((grant) => grant.tag === tag && isTagGrantValidOn(grant, date)));
}

export const initialEnterpriseState = (): EnterpriseState => ({ status: 'NONE' });

function withFigures(figures: readonly EnterpriseFigures[], reported: EnterpriseFigures): EnterpriseFigures[] {
  return [...figures.filter((f) => f.year !== reported.year), reported].sort((a, b) => a.year - b.year);
}

export function evolveEnterprise(state: EnterpriseState, event: EnterpriseEvent): EnterpriseState {
  switch (event.type) {
    case 'EnterpriseRegistered':
      return { status: 'REGISTERED', ...event.data, figures: [], latestFigures: null, sizeClass: null, sizeClassBasis: null, tags: [] };
    case 'EnterpriseFiguresReported': {
      if (state.status === 'NONE') return state;
      const figures = withFigures(state.figures, event.data.figures);
      return { ...state, figures, latestFigures: figures[figures.length - 1] };
    }
    case 'EnterpriseProfileUpdated':
      return state.status === 'NONE' ? state : { ...state, ...event.data.changes };
    case 'EnterpriseSizeClassChanged': {
      if (state.status === 'NONE') return state;
      const { to, standardId, industryCode, figuresYear, basis, changedAt } = event.data;
      return { ...state, sizeClass: to, sizeClassBasis: { standardId, industryCode, figuresYear, basis, since: changedAt } };
    }
    case 'EnterpriseTagGranted': {
      if (state.status === 'NONE') return state;
      const { enterpriseId: _, ...grant } = event.data;
      return { ...state, tags: [...state.tags, grant] };
    }
    case 'EnterpriseTagRevoked': {
      if (state.status === 'NONE') return state;
      const { tag, reason, revokedOn, revokedAt } = event.data;
      const tags = state.tags.map((grant) =>
        grant.tag === tag && isTagGrantOutstandingOn(grant, revokedOn) ? { ...grant, revocation: { revokedOn, reason, revokedAt } } : grant,
      );
      return { ...state, tags };
    }
    case 'EnterpriseTiesRecorded':
      return state.status === 'NONE' ? state : { ...state, ties: event.data.ties };
    default:
      return assertNever(event);
  }
}
