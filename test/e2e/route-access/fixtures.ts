import type { Actor } from '@sme/domain';
import { activityFixtures } from './activity.fixtures';
import { annualReportFixtures } from './annual-report.fixtures';
import { applicationFixtures } from './application.fixtures';
import { callFixtures } from './call.fixtures';
import { centreFixtures } from './centre.fixtures';
import { deliveryFixtures } from './delivery.fixtures';
import { demandFixtures } from './demand.fixtures';
import { enterpriseFixtures } from './enterprise.fixtures';
import { erasureFixtures } from './erasure.fixtures';
import { evaluationFixtures } from './evaluation.fixtures';
import { expertFixtures } from './expert.fixtures';
import { policyFixtures } from './policy.fixtures';
import { productFixtures } from './product.fixtures';
import { providerFixtures } from './provider.fixtures';
import { stationFixtures } from './station.fixtures';
import { voucherFixtures } from './voucher.fixtures';
import type { World } from './world';

/** A request the allowed actor could send: the record exists, the body passes validation. */
export interface AllowedRequest {
  path: string;
  body: Record<string, unknown>;
  actor: Actor;
}

/** Per `<kind>.<Command>`: how to build an allowed request for that command's route. */
export type Fixtures = Record<string, (world: World) => Promise<AllowedRequest>>;

export const FIXTURES: Fixtures = {
  ...callFixtures,
  ...applicationFixtures,
  ...stationFixtures,
  ...enterpriseFixtures,
  ...expertFixtures,
  ...providerFixtures,
  ...productFixtures,
  ...policyFixtures,
  ...demandFixtures,
  ...deliveryFixtures,
  ...activityFixtures,
  ...centreFixtures,
  ...evaluationFixtures,
  ...annualReportFixtures,
  ...voucherFixtures,
  ...erasureFixtures,
};
