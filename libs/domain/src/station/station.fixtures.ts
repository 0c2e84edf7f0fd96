import { anActor, GZ, TIANHE } from '../shared/testing';
import type { DesignateStation } from './station.commands';

/** The operator of the Tianhe software park station: a Tianhe company (check character per GB 32100) and one of its staff. */
export const OWNER = '91440106MA59C3PL24';
export const owner = anActor('STATION_OPERATOR', TIANHE, 'op-user-1', OWNER);

/** What a revocation proposal shows: a survey of the station's enterprises. */
export const evidence = [{ description: '2019年第四季度满意度调查：满意率41%', fileName: 'survey.pdf', sha256: 'c'.repeat(64) }];

/** 授牌 of the Tianhe software park station from the 2019 call, under the station id a test gives. */
export const designationOf = (stationId: string): DesignateStation['data'] => ({
  stationId,
  applicationId: 'app-tianhe-001',
  callId: 'call-gz-2019',
  plaqueNumber: '440100-2019-007',
  name: '广州市中小企业服务站（天河软件园站）',
  districtCode: TIANHE,
  cityCode: GZ,
  address: '广州市天河区建中路5号一楼',
  operator: { name: '广州天河软件园发展有限公司', uscc: OWNER },
  ownerOrgId: OWNER,
});
