import { applicationStages, districtsOf, regionNameZh, type ApplicationStage } from '@sme/domain';
import type { ApplicationView, CallView, StationView } from '../views';

const DAY_MS = 86_400_000;

export interface RefusalReason {
  applicationId: string;
  stationName: string;
  /** Where it was refused: 区初审, 推荐意见 or 市审定. */
  stage: 'DISTRICT_REJECTED' | 'NOT_RECOMMENDED' | 'REJECTED';
  opinion: string;
  at: string;
}

export interface PipelineFigures {
  applications: number;
  applicationsByStage: Record<ApplicationStage, number>;
  /** Median days an application spent in each stage it has left (stages still open are not counted). */
  medianDaysInStage: Partial<Record<ApplicationStage, number>>;
  approved: number;
  refused: { byDistrict: number; notRecommended: number; byCity: number };
  refusalReasons: RefusalReason[];
  stationsByStatus: Record<StationView['status'], number>;
}

export interface DistrictFigures extends PipelineFigures {
  districtCode: string;
  districtName: string;
  covered: boolean;
}

export interface SupervisorDashboard {
  cityCode: string;
  cityName: string;
  city: PipelineFigures;
  districts: DistrictFigures[];
  coverage: { covered: number; total: number; ratio: number; uncovered: { code: string; name: string }[] };
  calls: {
    id: string;
    title: string;
    documentNumber: string;
    status: CallView['status'];
    target: number;
    designated: number;
    active: number;
    /** Active stations over the target. */
    progress: number;
  }[];
}

/**
 * The supervisor's view of a city, computed from the projections' documents: pure, so it is the
 * same whichever store served the documents (and for any past date, given the documents of then).
 */
export function supervisorDashboard(
  cityCode: string,
  calls: readonly CallView[],
  applications: readonly ApplicationView[],
  stations: readonly StationView[],
): SupervisorDashboard {
  const known = districtsOf(cityCode)?.map((d) => d.code) ?? [];
  const seen = [...applications.map((a) => a.districtCode), ...stations.map((s) => s.districtCode)];
  const codes = [...new Set([...known, ...seen])].sort();
  const districts = codes.map((code): DistrictFigures => {
    const figures = pipeline(
      applications.filter((a) => a.districtCode === code),
      stations.filter((s) => s.districtCode === code),
    );
    return { districtCode: code, districtName: regionNameZh(code), covered: figures.stationsByStatus.ACTIVE > 0, ...figures };
  });
  const uncovered = districts.filter((d) => !d.covered).map((d) => ({ code: d.districtCode, name: d.districtName }));
  const total = districts.length;
  return {
    cityCode,
    cityName: regionNameZh(cityCode),
    city: pipeline(applications, stations),
    districts,
    coverage: { covered: total - uncovered.length, total, ratio: total === 0 ? 0 : round2((total - uncovered.length) / total), uncovered },
    calls: calls.map((call) => {
      const own = stations.filter((s) => s.callId === call.id);
      const active = own.filter((s) => s.status === 'ACTIVE').length;
      return {
        id: call.id,
        title: call.title,
        documentNumber: call.documentNumber,
        status: call.status,
        target: call.targetStationCount,
        designated: own.length,
        active,
        progress: round2(active / call.targetStationCount),
      };
    }),
  };
}

function pipeline(applications: readonly ApplicationView[], stations: readonly StationView[]): PipelineFigures {
  const applicationsByStage = Object.fromEntries(applicationStages.codes.map((s) => [s, 0])) as Record<ApplicationStage, number>;
  const durations = new Map<ApplicationStage, number[]>();
  const refusalReasons: RefusalReason[] = [];
  let approved = 0;
  for (const application of applications) {
    applicationsByStage[application.stage] += 1;
    application.history.forEach((change, i) => {
      const next = application.history[i + 1];
      if (!next) return;
      const days = (Date.parse(next.at) - Date.parse(change.at)) / DAY_MS;
      durations.set(change.stage, [...(durations.get(change.stage) ?? []), days]);
    });
    if (application.decision?.approved) approved += 1;
    const reason = refusalOf(application);
    if (reason) refusalReasons.push(reason);
  }
  const medianDaysInStage: Partial<Record<ApplicationStage, number>> = {};
  for (const stage of applicationStages.codes) {
    const values = durations.get(stage);
    if (values?.length) medianDaysInStage[stage] = round2(median(values));
  }
  const stationsByStatus: Record<StationView['status'], number> = { ACTIVE: 0, REVOKED: 0, WITHDRAWN: 0 };
  for (const station of stations) stationsByStatus[station.status] += 1;
  refusalReasons.sort((a, b) => a.at.localeCompare(b.at) || a.applicationId.localeCompare(b.applicationId));
  return {
    applications: applications.length,
    applicationsByStage,
    medianDaysInStage,
    approved,
    refused: {
      byDistrict: applicationsByStage.DISTRICT_REJECTED,
      notRecommended: refusalReasons.filter((r) => r.stage === 'NOT_RECOMMENDED').length,
      byCity: applicationsByStage.REJECTED,
    },
    refusalReasons,
    stationsByStatus,
  };
}

function refusalOf(application: ApplicationView): RefusalReason | null {
  const base = { applicationId: application.id, stationName: application.stationName };
  if (application.stage === 'DISTRICT_REJECTED' && application.districtReview) {
    return { ...base, stage: 'DISTRICT_REJECTED', opinion: application.districtReview.opinion, at: application.districtReview.reviewedAt };
  }
  if (application.stage === 'REJECTED' && application.decision) {
    return { ...base, stage: 'REJECTED', opinion: application.decision.opinion, at: application.decision.decidedAt };
  }
  // Not recommended is a refusal only while the city has not decided: it may still approve (the hub only advises).
  if (application.recommendation && !application.recommendation.recommended && !application.decision) {
    return { ...base, stage: 'NOT_RECOMMENDED', opinion: application.recommendation.opinion, at: application.recommendation.issuedAt };
  }
  return null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
