import { call2019 } from '../call/call.fixtures';
import type { CallSnapshot } from '../call/call.snapshot';
import { anActor, cityBureau, commandsOn, GZ, HAIZHU, hub, TIANHE } from '../shared/testing';
import type { ApplicationCommand, PanelCandidate, PanelExpert } from './application.commands';
import type { ApplicationEvent } from './application.events';
import { materialKinds, type ApplicationForm, type Material, type MaterialKind } from './application.form';

export const APPLICATION_ID = 'app-tianhe-001';
/** A Tianhe company's code (check character per GB 32100). */
export const OPERATOR_USCC = '91440106MA59C3PL24';
export { cityBureau, HAIZHU, hub, TIANHE };

export const callSnapshot: CallSnapshot = {
  id: call2019.callId,
  status: 'OPEN',
  cityCode: GZ,
  documentNumber: call2019.documentNumber,
  registrationCutoff: call2019.registrationCutoff,
  districtDeadline: call2019.districtDeadline,
  cityDeadline: call2019.cityDeadline,
  targetStationCount: call2019.targetStationCount,
};

export const operator = anActor('STATION_OPERATOR', TIANHE, 'op-user-1', OPERATOR_USCC);
export const tianheReviewer = anActor('DISTRICT_AUTHORITY', TIANHE, 'th-reviewer');
export const haizhuReviewer = anActor('DISTRICT_AUTHORITY', HAIZHU, 'hz-reviewer');
export const experts: PanelExpert[] = [
  { expertId: 'expert-1', name: '李明', organisation: '12440100455350000A' },
  { expertId: 'expert-2', name: '王芳', organisation: '914401056187432107' },
  { expertId: 'expert-3', name: '张伟', organisation: 'university-scut' },
];
/** A panel member as the expert registry has them (available unless said otherwise). */
export const candidate = ({ expertId, name, organisation }: PanelExpert, available = true): PanelCandidate => ({
  expertId,
  registry: { name, organisation, available },
});
export const candidates: PanelCandidate[] = experts.map((e) => candidate(e));
export const expertActor = (i: number) => anActor('EXPERT', GZ, experts[i].expertId, experts[i].organisation);

export const material = (kind: MaterialKind): Material => ({
  kind,
  fileName: `${kind.toLowerCase()}.pdf`,
  sha256: 'a'.repeat(63) + String(materialKinds.codes.indexOf(kind)),
});
export const allMaterials = (): Material[] => materialKinds.codes.map(material);

export const aForm = (): ApplicationForm => ({
  operator: {
    name: '广州天河软件园发展有限公司',
    uscc: OPERATOR_USCC,
    type: 'SOFTWARE_PARK',
    industry: '软件和信息技术服务业',
    registrationDate: '2015-03-12',
    registrationRegionCode: TIANHE,
    legalRepresentative: '陈某',
    nature: '有限责任公司',
    registeredAddress: '广州市天河区天河软件园建中路',
    postcode: '510665',
    officeAddress: '广州市天河区建中路5号',
    contact: { name: '刘某', phone: '020-38888888、13800138000', email: 'contact@example.cn' },
    parkOpenedOn: '2015-06',
    enterprisesServed: 320,
  },
  operations: [
    { year: 2017, revenue: 1200, serviceRevenue: 800, totalAssets: 5000, totalProfit: 150, taxPaid: 60, smesServed: 280 },
    { year: 2018, revenue: 1500, serviceRevenue: 1000, totalAssets: 5600, totalProfit: -20, taxPaid: 70, smesServed: 310 },
  ],
  station: {
    name: '广州市中小企业服务站（天河软件园站）',
    districtCode: TIANHE,
    address: '广州市天河区建中路5号一楼',
    areaSqm: 120,
    fullTimeStaff: 3,
    qualifiedFullTimeStaff: 2,
    partTimeStaff: 4,
    head: { name: '黄某', phone: '13900139000', email: 'head@example.cn', education: 'COLLEGE_OR_BACHELOR' },
  },
  materials: allMaterials(),
});

/** A command at a business time (defaults to during the call). */
export const command = commandsOn<ApplicationCommand>()({ applicationId: APPLICATION_ID }, operator, '2019-06-10T10:00:00+08:00');

// The history of an application that goes all the way, as events.
export const drafted = (form: ApplicationForm = aForm(), ownerOrgId = OPERATOR_USCC): ApplicationEvent => ({
  type: 'ApplicationDrafted',
  data: { applicationId: APPLICATION_ID, callId: callSnapshot.id, cityCode: GZ, ownerOrgId, form, draftedAt: '2019-06-01T02:00:00.000Z' },
});
export const submitted: ApplicationEvent = {
  type: 'ApplicationSubmitted',
  data: { applicationId: APPLICATION_ID, callId: callSnapshot.id, submittedAt: '2019-06-10T02:00:00.000Z' },
};
export const districtPassed: ApplicationEvent = {
  type: 'ApplicationPassedDistrictReview',
  data: { applicationId: APPLICATION_ID, districtCode: TIANHE, opinion: '材料齐全，同意推荐', reviewedAt: '2019-06-19T02:00:00.000Z' },
};
export const districtRejected: ApplicationEvent = {
  type: 'ApplicationRejectedByDistrict',
  data: { applicationId: APPLICATION_ID, districtCode: TIANHE, opinion: '场所证明不符', reviewedAt: '2019-06-19T02:00:00.000Z' },
};
export const panelFormed: ApplicationEvent = {
  type: 'ExpertPanelFormed',
  data: { applicationId: APPLICATION_ID, experts, formedAt: '2019-07-01T02:00:00.000Z' },
};
export const scored = (i: number, score: number): ApplicationEvent => ({
  type: 'ExpertScoreRecorded',
  data: { applicationId: APPLICATION_ID, expertId: experts[i].expertId, score, opinion: `意见${i + 1}`, scoredAt: '2019-07-05T02:00:00.000Z' },
});
export const allScored = [scored(0, 80), scored(1, 85), scored(2, 91)];
export const recommended: ApplicationEvent = {
  type: 'ApplicationRecommended',
  data: { applicationId: APPLICATION_ID, averageScore: 85.33, opinion: '推荐', issuedAt: '2019-07-10T02:00:00.000Z' },
};
export const notRecommended: ApplicationEvent = {
  type: 'ApplicationNotRecommended',
  data: { applicationId: APPLICATION_ID, averageScore: 85.33, opinion: '不推荐', issuedAt: '2019-07-10T02:00:00.000Z' },
};
export const approved: ApplicationEvent = {
  type: 'ApplicationApproved',
  data: { applicationId: APPLICATION_ID, opinion: '同意', decidedAt: '2019-07-20T02:00:00.000Z' },
};
export const rejected: ApplicationEvent = {
  type: 'ApplicationRejected',
  data: { applicationId: APPLICATION_ID, opinion: '不同意', decidedAt: '2019-07-20T02:00:00.000Z' },
};

export const HISTORY = {
  DRAFT: [drafted()],
  SUBMITTED: [drafted(), submitted],
  DISTRICT_REJECTED: [drafted(), submitted, districtRejected],
  DISTRICT_PASSED: [drafted(), submitted, districtPassed],
  PANEL_FORMED: [drafted(), submitted, districtPassed, panelFormed],
  SCORED: [drafted(), submitted, districtPassed, panelFormed, ...allScored],
  RECOMMENDED: [drafted(), submitted, districtPassed, panelFormed, ...allScored, recommended],
  NOT_RECOMMENDED: [drafted(), submitted, districtPassed, panelFormed, ...allScored, notRecommended],
  APPROVED: [drafted(), submitted, districtPassed, panelFormed, ...allScored, recommended, approved],
  REJECTED: [drafted(), submitted, districtPassed, panelFormed, ...allScored, recommended, rejected],
} satisfies Record<string, ApplicationEvent[]>;
