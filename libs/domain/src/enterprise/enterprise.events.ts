import {
  amount,
  anyInteger,
  at,
  businessDate,
  closed,
  integer,
  oneOf,
  oneOfOrNull,
  optional,
  recordId,
  regionCode,
  text,
  uscc,
  type Static,
} from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { OrganisationTiesSchema } from '../shared/organisation-ties';
import { IndustryCodeSchema, sizeClasses, SIZE_STANDARDS, SizeClassSchema } from '../shared/size-class';
import { ENTERPRISE_TAG_GRANT_TERMS, EnterpriseTagSchema } from './enterprise-tags';

/** A year's figures: employees (从业人员, persons), revenue (营业收入) and total assets (资产总额) in 万元. */
export const EnterpriseFiguresSchema = closed(
  {
    year: anyInteger('The year of the figures: from the founding year to the year of the report'),
    employees: integer(0, undefined, '从业人员, persons'),
    revenue: amount('营业收入', 0),
    assets: amount('资产总额', 0),
  },
  { $id: 'EnterpriseFigures', description: 'One year’s figures, the measures of the size standard' },
);
export type EnterpriseFigures = Static<typeof EnterpriseFiguresSchema>;

const EnterpriseProfileChangesSchema = closed(
  {
    name: optional(text('New name')),
    industryCode: optional(IndustryCodeSchema),
    regionCode: optional(regionCode('New GB/T 2260 region code')),
  },
  { description: 'The changed fields, at least one' },
);
export type EnterpriseProfileChanges = Static<typeof EnterpriseProfileChangesSchema>;

/** 中小企业数据库: every event of an enterprise's record. */
export const ENTERPRISE_EVENTS = recordEvents({ enterpriseId: recordId('The enterprise') }, {
  EnterpriseRegistered: {
    action: 'registered',
    title: 'Enterprise registered (企业入库)',
    summary: 'An enterprise record begins: the enterprise, or a station operator, hub or district authority of its region, registered it.',
    description:
      'Followed in the same request by EnterpriseFiguresReported and EnterpriseSizeClassChanged (from null). A USCC is registered once across all enterprises.',
    payload: {
      uscc: uscc(),
      name: text('企业名称'),
      industryCode: IndustryCodeSchema,
      regionCode: regionCode('GB/T 2260 code of where the enterprise is, usually its district'),
      foundedOn: businessDate('成立日期, not in the future'),
      registeredAt: at('When it was registered'),
    },
  },
  /** Replaces any earlier report for the same year. */
  EnterpriseFiguresReported: {
    action: 'figures-reported',
    title: 'Figures reported (报送经营数据)',
    summary: 'A year’s figures; a later report for the same year replaces the earlier one.',
    payload: { figures: EnterpriseFiguresSchema, reportedAt: at('When they were reported') },
  },
  /** Only the fields that changed. */
  EnterpriseProfileUpdated: {
    action: 'profile-updated',
    title: 'Profile updated (企业信息变更)',
    summary: 'The name, industry or region changed; only the fields that differ are given.',
    description: 'A new industry is followed by EnterpriseSizeClassChanged when the latest figures then give another class.',
    payload: { changes: EnterpriseProfileChangesSchema, updatedAt: at('When it was updated') },
  },
  /** The enterprise's size class as decided on `figuresYear`'s figures; `from` is null at registration. */
  EnterpriseSizeClassChanged: {
    action: 'size-class-changed',
    title: 'Size class changed (企业规模划型变更)',
    summary: 'The latest figures give another size class under the standard in force; from is null at registration.',
    payload: {
      from: oneOfOrNull(sizeClasses.codes, 'The class before, null at registration'),
      to: SizeClassSchema,
      standardId: oneOf(
        SIZE_STANDARDS.map((s) => s.id),
        'The size standard applied, e.g. MIIT-2011-300 (工信部联企业〔2011〕300号)',
      ),
      industryCode: IndustryCodeSchema,
      figuresYear: anyInteger('The year whose figures gave the class'),
      /** Why, in Chinese, as `classifySize` gave it. */
      basis: text('Why, in Chinese, citing the standard’s clause'),
      changedAt: at('When it changed'),
    },
  },
  EnterpriseTagGranted: {
    action: 'tag-granted',
    title: 'Tag granted (认定称号)',
    summary: 'The city or district authority recorded a recognition (e.g. 专精特新) issued by an authority, for a period.',
    payload: { ...ENTERPRISE_TAG_GRANT_TERMS },
  },
  /** Every grant of `tag` not yet over on `revokedOn` stops counting from that day. */
  EnterpriseTagRevoked: {
    action: 'tag-revoked',
    title: 'Tag revoked (撤销称号)',
    summary: 'The authority revoked a tag: every grant of it not yet over on revokedOn stops counting from that day.',
    payload: {
      tag: EnterpriseTagSchema,
      reason: text('撤销理由'),
      revokedOn: businessDate('The day of the act, China calendar: the first day the tag no longer counts'),
      revokedAt: at('When it was revoked'),
    },
  },
  /** Replaces any earlier record of them. */
  EnterpriseTiesRecorded: {
    action: 'ties-recorded',
    title: 'Legal representative and shareholders recorded (登记法定代表人与股东)',
    summary: 'The enterprise (or the authority or hub of its region) recorded its legal representative and shareholders, replacing the earlier record; a 服务券 order between related parties is refused on them.',
    payload: { ties: OrganisationTiesSchema, recordedAt: at('When they were recorded') },
  },
});

export type EnterpriseEvent = EventOf<typeof ENTERPRISE_EVENTS>;
export type EnterpriseEvents = EventsByType<typeof ENTERPRISE_EVENTS>;
