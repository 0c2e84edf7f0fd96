import { chinaDateOf, chinaYearOf, isBusinessDate } from '../shared/dates';
import { assertNever, type Actor, type Decider } from '../shared/decider';
import { isDocumentNumber } from '../shared/document-number';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { classifySize, requireIndustryCode, sizeStandardOn, type IndustryCode, type SizeClass } from '../shared/size-class';
import { parseUscc } from '../shared/uscc';
import { fieldRequired, isNonBlank, requireAmount, requireBoolean, requireFormat, requireInteger, requireOneOf, requireText, type Label } from '../shared/validation';
import {
  ENTERPRISE_MAINTAINER_ROLES,
  ENTERPRISE_REGISTRAR_ROLES,
  ENTERPRISE_TAG_AUTHORITY_ROLES,
  requireEnterpriseItself,
  requireRegionCode,
  requireRoleAmong,
  requireWithinRegion,
} from './enterprise.access';
import type {
  EnterpriseCommand,
  EnterpriseFigures,
  GrantEnterpriseTag,
  RegisterEnterprise,
  ReportEnterpriseFigures,
  RevokeEnterpriseTag,
  UpdateEnterpriseProfile,
} from './enterprise.commands';
import type { EnterpriseEvent, EnterpriseProfileChanges, EnterpriseRegistered, EnterpriseSizeClassChanged } from './enterprise.events';
import {
  ENTERPRISE_TAG_LABELS,
  ENTERPRISE_TAGS,
  isTagGrantOutstandingOn,
  isTagGrantValidOn,
  tagGrantOverlaps,
  type EnterpriseTagCode,
  type EnterpriseTagGrant,
} from './enterprise-tags';

/** The USCC reservation that RegisterEnterprise's `usccAlreadyRegistered` is read from. */
export * from './uscc-reservation';

export const enterpriseStreamId = (enterpriseId: string): string => `enterprise-${enterpriseId}`;
/** The stream whose existence reserves a USCC for one enterprise (see RegisterEnterprise below). */
export const usccReservationStreamId = (uscc: string): string => `uscc-${uscc}`;

/** How the current size class came about. */
export type SizeClassBasis = {
  standardId: string;
  industryCode: IndustryCode;
  /** The year whose figures gave this class. */
  figuresYear: number;
  basis: string;
  since: string;
};

export type EnterpriseRecord = EnterpriseRegistered['data'] & {
  /** One entry per year (the latest report for that year), oldest year first. */
  figures: EnterpriseFigures[];
  /** The most recent year's figures, the ones the size class is decided on. */
  latestFigures: EnterpriseFigures | null;
  /** Null only between the events of one registration. */
  sizeClass: SizeClass | null;
  sizeClassBasis: SizeClassBasis | null;
  /** Every grant, in the order granted, revoked ones included. */
  tags: EnterpriseTagGrant[];
};

export type EnterpriseState = { status: 'NONE' } | ({ status: 'REGISTERED' } & EnterpriseRecord);
export type ExistingEnterprise = Extract<EnterpriseState, { status: 'REGISTERED' }>;

/** The tags that count on a business date, in the order of ENTERPRISE_TAGS. */
export function tagsValidOn(state: EnterpriseState, date: string): EnterpriseTagCode[] {
  if (state.status === 'NONE') return [];
  return ENTERPRISE_TAGS.filter((tag) => state.tags.some((grant) => grant.tag === tag && isTagGrantValidOn(grant, date)));
}

const initialState = (): EnterpriseState => ({ status: 'NONE' });

function withFigures(figures: readonly EnterpriseFigures[], reported: EnterpriseFigures): EnterpriseFigures[] {
  return [...figures.filter((f) => f.year !== reported.year), reported].sort((a, b) => a.year - b.year);
}

function evolve(state: EnterpriseState, event: EnterpriseEvent): EnterpriseState {
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
    default:
      return assertNever(event);
  }
}

function decide(command: EnterpriseCommand, state: EnterpriseState): EnterpriseEvent[] {
  if (command.type === 'RegisterEnterprise') return register(command, state);
  const enterprise = existing(state);
  switch (command.type) {
    case 'ReportEnterpriseFigures':
      return reportFigures(command, enterprise);
    case 'UpdateEnterpriseProfile':
      return updateProfile(command, enterprise);
    case 'GrantEnterpriseTag':
      return grantTag(command, enterprise);
    case 'RevokeEnterpriseTag':
      return revokeTag(command, enterprise);
    default:
      return assertNever(command);
  }
}

function existing(state: EnterpriseState): ExistingEnterprise {
  if (state.status === 'NONE') throw notFound('ENTERPRISE_NOT_FOUND', '企业不存在', 'The enterprise does not exist');
  return state;
}

function requireUscc(value: unknown): string {
  const uscc = parseUscc(value, 'uscc');
  if (!uscc.ok) throw uscc.error;
  return uscc.value;
}

/** The enterprise itself, or the hub or an SME authority whose region holds it. */
function requireMaintainer(actor: Actor, enterprise: ExistingEnterprise): void {
  requireRoleAmong(actor, ['ENTERPRISE', ...ENTERPRISE_MAINTAINER_ROLES], {
    zh: '企业本身、服务总站或市、区中小企业主管部门',
    en: `the enterprise itself, ${ENTERPRISE_MAINTAINER_ROLES.join(', ')}`,
  });
  if (actor.role === 'ENTERPRISE') requireEnterpriseItself(actor, enterprise.uscc);
  else requireWithinRegion(actor, enterprise.regionCode);
}

function requireTagAuthority(actor: Actor, enterprise: ExistingEnterprise): void {
  requireRoleAmong(actor, ENTERPRISE_TAG_AUTHORITY_ROLES, { zh: '市、区中小企业主管部门', en: ENTERPRISE_TAG_AUTHORITY_ROLES.join(' or ') });
  requireWithinRegion(actor, enterprise.regionCode);
}

const FIGURE_LABELS: Record<keyof EnterpriseFigures, Label> = {
  year: { zh: '数据年度', en: 'Year' },
  employees: { zh: '从业人员', en: 'Employees' },
  revenue: { zh: '营业收入（万元）', en: 'Revenue (×10,000 CNY)' },
  assets: { zh: '资产总额（万元）', en: 'Total assets (×10,000 CNY)' },
};

/** A year from the founding year to the current one; employees a whole number; amounts not negative. */
function checkFigures(input: unknown, foundedOn: string, now: Date): EnterpriseFigures {
  if (typeof input !== 'object' || input === null) throw fieldRequired('figures', { zh: '企业经营数据', en: 'Figures' });
  const figures = input as Partial<Record<keyof EnterpriseFigures, unknown>>;
  const present = (key: keyof EnterpriseFigures): unknown => {
    if (figures[key] === undefined || figures[key] === null) throw fieldRequired(`figures.${key}`, FIGURE_LABELS[key]);
    return figures[key];
  };
  return {
    year: requireInteger(present('year'), 'figures.year', FIGURE_LABELS.year, Number(foundedOn.slice(0, 4)), chinaYearOf(now)),
    employees: requireInteger(present('employees'), 'figures.employees', FIGURE_LABELS.employees, 0),
    revenue: requireAmount(present('revenue'), 'figures.revenue', FIGURE_LABELS.revenue, 0),
    assets: requireAmount(present('assets'), 'figures.assets', FIGURE_LABELS.assets, 0),
  };
}

/** The class change, if any, that `figures` under `industryCode` bring, by the standard in force at `now`. */
function reclassify(enterprise: { enterpriseId: string; sizeClass: SizeClass | null }, industryCode: IndustryCode, figures: EnterpriseFigures, now: Date): EnterpriseSizeClassChanged[] {
  const today = chinaDateOf(now);
  const standard = sizeStandardOn(today);
  if (standard === undefined) {
    throw conflict('NO_SIZE_STANDARD_IN_FORCE', `${today}无有效的中小企业划型标准`, `No enterprise size standard was in force on ${today}`);
  }
  const { sizeClass, standardId, basis } = classifySize(standard, industryCode, figures);
  if (sizeClass === enterprise.sizeClass) return [];
  return [
    {
      type: 'EnterpriseSizeClassChanged',
      data: {
        enterpriseId: enterprise.enterpriseId,
        from: enterprise.sizeClass,
        to: sizeClass,
        standardId,
        industryCode,
        figuresYear: figures.year,
        basis,
        changedAt: now.toISOString(),
      },
    },
  ];
}

/**
 * 入库. A USCC is registered once across all enterprise records, which no single stream can see. The
 * API handler therefore:
 *   1. fills `usccAlreadyRegistered` from the reservation stream below (held by another enterpriseId, see
 *      `usccHeldByAnother`) and decides once without writing — every refusal comes before anything is written;
 *   2. on success first appends a reservation event (`UsccReserved`, carrying enterpriseId) to `usccReservationStreamId(uscc)`,
 *      i.e. `uscc-<USCC>`, with expected revision 'no_stream' — the store lets only one writer create that
 *      stream, so two registrations racing past a stale index cannot both win; the loser answers
 *      409 USCC_ALREADY_REGISTERED. If that stream exists and names this same enterpriseId, it is a retry of
 *      ours and counts as reserved;
 *   3. then appends these events to `enterprise-<enterpriseId>` with expected revision 'no_stream'.
 */
function register(command: RegisterEnterprise, state: EnterpriseState): EnterpriseEvent[] {
  if (state.status !== 'NONE') throw conflict('ENTERPRISE_ALREADY_EXISTS', '该企业记录已存在', 'The enterprise record already exists');
  const { data, metadata } = command;
  const { actor, now } = metadata;
  requireRoleAmong(actor, ['ENTERPRISE', ...ENTERPRISE_REGISTRAR_ROLES], {
    zh: '企业本身，或辖区内的服务站运营主体、服务总站、区中小企业主管部门',
    en: `the enterprise itself, or ${ENTERPRISE_REGISTRAR_ROLES.join(', ')} of its region`,
  });
  if (actor.role === 'ENTERPRISE') {
    requireEnterpriseItself(actor, requireUscc(data.uscc));
  } else {
    requireWithinRegion(actor, requireRegionCode(data.regionCode, 'regionCode'));
  }

  const uscc = requireUscc(data.uscc);
  const enterpriseId = requireText(data.enterpriseId, 'enterpriseId', { zh: '企业编号', en: 'Enterprise id' });
  const name = requireText(data.name, 'name', { zh: '企业名称', en: 'Enterprise name' });
  const industryCode = requireIndustryCode(data.industryCode);
  const regionCode = requireRegionCode(data.regionCode, 'regionCode');
  const foundedOn = requireFormat(data.foundedOn, isBusinessDate, 'foundedOn', { zh: '成立日期', en: 'Founding date' }, 'YYYY-MM-DD', 'a date YYYY-MM-DD');
  if (foundedOn > chinaDateOf(now)) {
    throw invalid('FOUNDED_ON_IN_FUTURE', `成立日期${foundedOn}晚于今天`, `The founding date ${foundedOn} is in the future`, 'foundedOn');
  }
  const figures = checkFigures(data.figures, foundedOn, now);
  const alreadyRegistered = requireBoolean(data.usccAlreadyRegistered, 'usccAlreadyRegistered', { zh: '统一社会信用代码是否已登记', en: 'USCC already registered' });

  if (alreadyRegistered) {
    throw conflict('USCC_ALREADY_REGISTERED', `统一社会信用代码${uscc}已登记入库`, `An enterprise with USCC ${uscc} is already registered`, 'uscc');
  }
  const at = now.toISOString();
  return [
    { type: 'EnterpriseRegistered', data: { enterpriseId, uscc, name, industryCode, regionCode, foundedOn, registeredAt: at } },
    { type: 'EnterpriseFiguresReported', data: { enterpriseId, figures, reportedAt: at } },
    ...reclassify({ enterpriseId, sizeClass: null }, industryCode, figures, now),
  ];
}

const sameFigures = (a: EnterpriseFigures, b: EnterpriseFigures): boolean =>
  a.year === b.year && a.employees === b.employees && a.revenue === b.revenue && a.assets === b.assets;

function reportFigures(command: ReportEnterpriseFigures, enterprise: ExistingEnterprise): EnterpriseEvent[] {
  const { data, metadata } = command;
  requireMaintainer(metadata.actor, enterprise);
  const figures = checkFigures(data.figures, enterprise.foundedOn, metadata.now);
  const earlier = enterprise.figures.find((f) => f.year === figures.year);
  if (earlier !== undefined && sameFigures(earlier, figures)) {
    throw conflict('FIGURES_UNCHANGED', `${figures.year}年度数据与已报送的相同`, `The ${figures.year} figures are the same as already reported`, 'figures');
  }
  const latest = enterprise.latestFigures === null || figures.year >= enterprise.latestFigures.year;
  return [
    { type: 'EnterpriseFiguresReported', data: { enterpriseId: enterprise.enterpriseId, figures, reportedAt: metadata.now.toISOString() } },
    ...(latest ? reclassify(enterprise, enterprise.industryCode, figures, metadata.now) : []),
  ];
}

/**
 * Anyone but the enterprise itself may move it only between regions they both hold: a district
 * authority cannot send a record out of its district, nor pull one in from outside.
 */
function updateProfile(command: UpdateEnterpriseProfile, enterprise: ExistingEnterprise): EnterpriseEvent[] {
  const { data, metadata } = command;
  const { actor, now } = metadata;
  requireMaintainer(actor, enterprise);
  const regionCode = data.regionCode === undefined ? undefined : requireRegionCode(data.regionCode, 'regionCode');
  if (regionCode !== undefined && actor.role !== 'ENTERPRISE') requireWithinRegion(actor, regionCode);
  const name = data.name === undefined ? undefined : requireText(data.name, 'name', { zh: '企业名称', en: 'Enterprise name' });
  const industryCode = data.industryCode === undefined ? undefined : requireIndustryCode(data.industryCode);

  const changes: EnterpriseProfileChanges = {
    ...(name !== undefined && name !== enterprise.name ? { name } : {}),
    ...(industryCode !== undefined && industryCode !== enterprise.industryCode ? { industryCode } : {}),
    ...(regionCode !== undefined && regionCode !== enterprise.regionCode ? { regionCode } : {}),
  };
  if (Object.keys(changes).length === 0) {
    throw conflict('PROFILE_UNCHANGED', '未提供与现有信息不同的企业名称、行业或所在地区', 'Nothing differs from the current name, industry and region');
  }
  return [
    { type: 'EnterpriseProfileUpdated', data: { enterpriseId: enterprise.enterpriseId, changes, updatedAt: now.toISOString() } },
    ...(changes.industryCode !== undefined && enterprise.latestFigures !== null ? reclassify(enterprise, changes.industryCode, enterprise.latestFigures, now) : []),
  ];
}

const TAG_LABEL: Label = { zh: '企业称号', en: 'Tag' };
const dateField = (value: unknown, field: string, label: Label) => requireFormat(value, isBusinessDate, field, label, 'YYYY-MM-DD', 'a date YYYY-MM-DD');

function grantTag(command: GrantEnterpriseTag, enterprise: ExistingEnterprise): EnterpriseEvent[] {
  const { data, metadata } = command;
  requireTagAuthority(metadata.actor, enterprise);
  const tag = requireOneOf(data.tag, ENTERPRISE_TAGS, 'tag', TAG_LABEL);
  const issuedBy = requireText(data.issuedBy, 'issuedBy', { zh: '认定机关', en: 'Issuing authority' });
  let documentNumber: string | undefined;
  if (data.documentNumber !== undefined) {
    documentNumber = isNonBlank(data.documentNumber) ? data.documentNumber.trim() : '';
    if (!isDocumentNumber(documentNumber)) {
      throw invalid(
        'DOCUMENT_NUMBER_INVALID',
        `文号“${String(data.documentNumber)}”格式应为“机关代字〔年份〕序号号”`,
        `Document number "${String(data.documentNumber)}" must read issuer〔YYYY〕number号`,
        'documentNumber',
      );
    }
  }
  const validFrom = dateField(data.validFrom, 'validFrom', { zh: '有效期起始日', en: 'Start of validity' });
  const validUntil = dateField(data.validUntil, 'validUntil', { zh: '有效期截止日', en: 'End of validity' });
  if (validUntil < validFrom) {
    throw invalid('VALIDITY_PERIOD_INVALID', `有效期截止日${validUntil}早于起始日${validFrom}`, `Valid until ${validUntil} is before valid from ${validFrom}`, 'validUntil');
  }

  const clash = enterprise.tags.find((grant) => grant.tag === tag && tagGrantOverlaps(grant, validFrom, validUntil));
  if (clash !== undefined) {
    throw conflict(
      'TAG_ALREADY_GRANTED',
      `该企业已有${clash.validFrom}至${clash.validUntil}有效的“${ENTERPRISE_TAG_LABELS[tag].zh}”称号，与所给有效期重叠`,
      `The enterprise already holds ${tag} valid ${clash.validFrom} to ${clash.validUntil}, overlapping the period given`,
      'validFrom',
    );
  }
  return [
    {
      type: 'EnterpriseTagGranted',
      data: {
        enterpriseId: enterprise.enterpriseId,
        tag,
        issuedBy,
        ...(documentNumber === undefined ? {} : { documentNumber }),
        validFrom,
        validUntil,
        grantedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function revokeTag(command: RevokeEnterpriseTag, enterprise: ExistingEnterprise): EnterpriseEvent[] {
  const { data, metadata } = command;
  requireTagAuthority(metadata.actor, enterprise);
  const tag = requireOneOf(data.tag, ENTERPRISE_TAGS, 'tag', TAG_LABEL);
  const reason = requireText(data.reason, 'reason', { zh: '撤销理由', en: 'Reason' });
  const revokedOn = chinaDateOf(metadata.now);
  if (!enterprise.tags.some((grant) => grant.tag === tag && isTagGrantOutstandingOn(grant, revokedOn))) {
    throw conflict(
      'TAG_NOT_HELD',
      `该企业没有${revokedOn}仍有效或尚待生效的“${ENTERPRISE_TAG_LABELS[tag].zh}”称号`,
      `The enterprise holds no ${tag} still valid or yet to start on ${revokedOn}`,
      'tag',
    );
  }
  return [
    {
      type: 'EnterpriseTagRevoked',
      data: { enterpriseId: enterprise.enterpriseId, tag, reason, revokedOn, revokedAt: metadata.now.toISOString() },
    },
  ];
}

export const enterpriseDecider: Decider<EnterpriseCommand, EnterpriseState, EnterpriseEvent> = { initialState, evolve, decide };
