import { grant, type AccessPolicy } from '../shared/access';
import type { Actor } from '../shared/decider';
import { forbidden } from '../shared/domain-error';
import { parseUscc } from '../shared/uscc';
import type { ApplicationCommand } from './application.commands';
import type { ApplicationForm } from './application.form';
import type { ApplicationState, ExistingApplication } from './application.state';

/** The operator organisation that drafted the application and owns it. */
const theOwner = grant<ExistingApplication, unknown>({ roles: ['STATION_OPERATOR'], owner: (application) => application?.ownerOrgId });
const ofTheCity = (role: 'HUB' | 'CITY_AUTHORITY') =>
  grant<ExistingApplication, unknown>({ roles: [role], region: { of: (application) => application?.cityCode, match: 'same' } });

/**
 * The organisation a new application is filed for: the form's 申报主体. A code that is no USCC names
 * no organisation; the form rules refuse it (USCC_INVALID, naming the field).
 */
function applicantOf(form: ApplicationForm | undefined): string | undefined {
  const uscc = parseUscc(form?.operator?.uscc);
  return uscc.ok ? uscc.value : undefined;
}

export const expertNotOnPanel = () =>
  forbidden('EXPERT_NOT_ON_PANEL', '您不在该申请的评审专家组中', 'The actor is not on this application’s expert panel');

/** Only the experts the hub put on the application's panel score it. */
function onThePanel(actor: Actor, application: ExistingApplication | undefined): void {
  if (application === undefined) return;
  const panel = 'panel' in application ? application.panel : [];
  if (!panel.some((expert) => expert.expertId === actor.id)) throw expertNotOnPanel();
}

/** Who may take each step of an application (穗工信函〔2019〕1100号: 评定程序). */
export const applicationAccess: AccessPolicy<ApplicationCommand, ApplicationState> = {
  // An operator's token binds it to its organisation: it files for that organisation only.
  CreateApplication: [{ roles: ['STATION_OPERATOR'], owner: (_, data) => applicantOf(data.form) }],
  AttachMaterial: [theOwner],
  SubmitApplication: [theOwner],
  // 区初审 by the authority of the station's district.
  ReviewByDistrict: [{ roles: ['DISTRICT_AUTHORITY'], region: { of: (application) => application?.districtCode, match: 'same' } }],
  FormExpertPanel: [ofTheCity('HUB')],
  ScoreApplication: [{ roles: ['EXPERT'], also: onThePanel }],
  IssueRecommendation: [ofTheCity('HUB')],
  // 审定, and the designation that follows the published list.
  DecideApplication: [ofTheCity('CITY_AUTHORITY')],
  MarkDesignated: [ofTheCity('CITY_AUTHORITY')],
};
