import type { RecordLabel } from '../shared/record-kind';
import { chinaDateOf } from '../shared/dates';
import { createdOnce, decideByType } from '../shared/decide-by-type';
import type { Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { requireIndustryCode } from '../shared/size-class';
import { checkTies } from '../shared/organisation-ties';
import { requireUscc } from '../shared/uscc';
import { requireBoolean, requireBusinessDate, requireOneOf, requireText } from '../shared/validation';
import type {
  EnterpriseCommand,
  GrantEnterpriseTag,
  RecordEnterpriseTies,
  RegisterEnterprise,
  ReportEnterpriseFigures,
  RevokeEnterpriseTag,
  UpdateEnterpriseProfile,
} from './enterprise.commands';
import type { EnterpriseEvent, EnterpriseProfileChanges } from './enterprise.events';
import { evolveEnterprise, initialEnterpriseState, type EnterpriseState, type ExistingEnterprise } from './enterprise.state';
import {
  checkDocumentNumber,
  checkFigures,
  LABEL,
  reclassify,
  sameFigures,
} from './enterprise.rules';
import { requireRegionCode } from '../shared/region-code';
import { usccAlreadyRegistered } from './uscc-reservation';
import { enterpriseTags, isTagGrantOutstandingOn, tagGrantOverlaps } from './enterprise-tags';

/** How enterprise records are named when one is missing or is created a second time. */
export const ENTERPRISE_RECORD: RecordLabel = { code: 'ENTERPRISE', zh: '企业', en: 'enterprise' };

const decide = decideByType<EnterpriseCommand, EnterpriseState, EnterpriseEvent, 'RegisterEnterprise'>({
  onNew: { RegisterEnterprise: createdOnce(ENTERPRISE_RECORD, register) },
  on: { ReportEnterpriseFigures: reportFigures, UpdateEnterpriseProfile: updateProfile, GrantEnterpriseTag: grantTag, RevokeEnterpriseTag: revokeTag, RecordEnterpriseTies: recordTies },
  record: ENTERPRISE_RECORD,
});

/**
 * 入库. A USCC is registered once across all enterprise records, which no single stream can see. The
 * API handler therefore:
 *   1. fills `usccAlreadyRegistered` from the reservation stream below (held by another enterpriseId, see
 *      `usccHeldByAnother`) and runs the gate and the decider once without writing — every refusal comes
 *      before anything is written;
 *   2. on success first appends a reservation event (`UsccReserved`, carrying enterpriseId) to
 *      `usccReservationKind.streamId(uscc)`, i.e. `uscc-<USCC>`, with expected revision 'no_stream' — the store lets only one writer create that
 *      stream, so two registrations racing past a stale index cannot both win; the loser answers
 *      409 USCC_ALREADY_REGISTERED. If that stream exists and names this same enterpriseId, it is a retry of
 *      ours and counts as reserved;
 *   3. then appends these events to `enterprise-<enterpriseId>` with expected revision 'no_stream'.
 */
function register(command: RegisterEnterprise, state: EnterpriseState): EnterpriseEvent[] {
  const { data, metadata } = command;
  const { now } = metadata;
  const uscc = requireUscc(data.uscc, 'uscc');
  const enterpriseId = requireText(data.enterpriseId, 'enterpriseId', LABEL.enterpriseId);
  const name = requireText(data.name, 'name', LABEL.name);
  const industryCode = requireIndustryCode(data.industryCode);
  const regionCode = requireRegionCode(data.regionCode, 'regionCode');
  const foundedOn = requireBusinessDate(data.foundedOn, 'foundedOn', LABEL.foundedOn);
  if (foundedOn > chinaDateOf(now)) {
    throw invalid('FOUNDED_ON_IN_FUTURE', `成立日期${foundedOn}晚于今天`, `The founding date ${foundedOn} is in the future`, 'foundedOn');
  }
  const figures = checkFigures(data.figures, foundedOn, now);
  const alreadyRegistered = requireBoolean(data.usccAlreadyRegistered, 'usccAlreadyRegistered', LABEL.usccAlreadyRegistered);

  if (alreadyRegistered) throw usccAlreadyRegistered(uscc);
  const at = now.toISOString();
  return [
    { type: 'EnterpriseRegistered', data: { enterpriseId, uscc, name, industryCode, regionCode, foundedOn, registeredAt: at } },
    { type: 'EnterpriseFiguresReported', data: { enterpriseId, figures, reportedAt: at } },
    ...reclassify({ enterpriseId, sizeClass: null }, industryCode, figures, now),
  ];
}

function reportFigures(command: ReportEnterpriseFigures, enterprise: ExistingEnterprise): EnterpriseEvent[] {
  const { data, metadata } = command;
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

/** Who may move the record to which region is the access policy's (enterprise.access.ts). */
function updateProfile(command: UpdateEnterpriseProfile, enterprise: ExistingEnterprise): EnterpriseEvent[] {
  const { data, metadata } = command;
  const { now } = metadata;
  const regionCode = data.regionCode === undefined ? undefined : requireRegionCode(data.regionCode, 'regionCode');
  const name = data.name === undefined ? undefined : requireText(data.name, 'name', LABEL.name);
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

function grantTag(command: GrantEnterpriseTag, enterprise: ExistingEnterprise): EnterpriseEvent[] {
  const { data, metadata } = command;
  const tag = requireOneOf(data.tag, enterpriseTags.codes, 'tag', LABEL.tag);
  const issuedBy = requireText(data.issuedBy, 'issuedBy', LABEL.issuedBy);
  const documentNumber = checkDocumentNumber(data.documentNumber);
  const validFrom = requireBusinessDate(data.validFrom, 'validFrom', LABEL.validFrom);
  const validUntil = requireBusinessDate(data.validUntil, 'validUntil', LABEL.validUntil);
  if (validUntil < validFrom) {
    throw invalid('VALIDITY_PERIOD_INVALID', `有效期截止日${validUntil}早于起始日${validFrom}`, `Valid until ${validUntil} is before valid from ${validFrom}`, 'validUntil');
  }

  const clash = enterprise.tags.find((grant) => grant.tag === tag && tagGrantOverlaps(grant, validFrom, validUntil));
  if (clash !== undefined) {
    throw conflict(
      'TAG_ALREADY_GRANTED',
      `该企业已有${clash.validFrom}至${clash.validUntil}有效的“${enterpriseTags.labels[tag].zh}”称号，与所给有效期重叠`,
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
  const tag = requireOneOf(data.tag, enterpriseTags.codes, 'tag', LABEL.tag);
  const reason = requireText(data.reason, 'reason', LABEL.reason);
  const revokedOn = chinaDateOf(metadata.now);
  if (!enterprise.tags.some((grant) => grant.tag === tag && isTagGrantOutstandingOn(grant, revokedOn))) {
    throw conflict(
      'TAG_NOT_HELD',
      `该企业没有${revokedOn}仍有效或尚待生效的“${enterpriseTags.labels[tag].zh}”称号`,
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

export const enterpriseDecider: Decider<EnterpriseCommand, EnterpriseState, EnterpriseEvent> = {
  initialState: initialEnterpriseState,
  evolve: evolveEnterprise,
  decide,
};

/** 法定代表人与股东: checked and recorded whole; the same ties again are refused rather than written twice. */
function recordTies(command: RecordEnterpriseTies, enterprise: ExistingEnterprise): EnterpriseEvent[] {
  const ties = checkTies(command.data.ties, 'ties');
  if (ties.shareholders.some((s) => s.uscc === enterprise.uscc)) {
    throw invalid('SHAREHOLDER_IS_ITSELF', '企业不能是自己的股东', 'An enterprise cannot be its own shareholder', 'ties.shareholders');
  }
  if (JSON.stringify(ties) === JSON.stringify(enterprise.ties)) throw conflict('TIES_UNCHANGED', '法定代表人与股东未变更', 'The legal representative and shareholders are unchanged');
  return [{ type: 'EnterpriseTiesRecorded', data: { enterpriseId: enterprise.enterpriseId, ties, recordedAt: command.metadata.now.toISOString() } }];
}
