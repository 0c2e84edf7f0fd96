import type { EvaluationScheme } from './scoring';
import { scoreOrganisation } from './scoring';
import type { EvaluatedOrganisation, OrganisationResult } from './evaluation.terms';

/** Manual scores by organisation, then indicator. */
export type ManualScores = Readonly<Record<string, Readonly<Record<string, number>>>>;

const byId = (a: { organisationId: string }, b: { organisationId: string }) => (a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0);

/** 1, 2, 2, 4: equal totals share a rank. */
function ranks(results: readonly { organisationId: string; total: number }[]): Map<string, number> {
  const sorted = [...results].sort((a, b) => b.total - a.total || byId(a, b));
  const rank = new Map<string, number>();
  sorted.forEach((r, i) => rank.set(r.organisationId, i > 0 && sorted[i - 1].total === r.total ? rank.get(sorted[i - 1].organisationId)! : i + 1));
  return rank;
}

/**
 * Every organisation scored under the scheme, ranked in the city and in its district; in a fixed order
 * (rank in the city, then id) with every object's keys in a fixed order, so the same run, scheme and
 * manual scores give the same JSON, byte for byte.
 */
export function resultsOf(scheme: EvaluationScheme, organisations: readonly EvaluatedOrganisation[], manual: ManualScores): OrganisationResult[] {
  const scored = organisations.map((o) => ({ o, r: scoreOrganisation(scheme, o.figures, manual[o.organisationId] ?? {}) }));
  const inCity = ranks(scored.map(({ o, r }) => ({ organisationId: o.organisationId, total: r.total })));
  const districts = new Map<string, Map<string, number>>();
  for (const code of new Set(organisations.map((o) => o.districtCode))) {
    districts.set(code, ranks(scored.filter(({ o }) => o.districtCode === code).map(({ o, r }) => ({ organisationId: o.organisationId, total: r.total }))));
  }
  return scored
    .map(({ o, r }): OrganisationResult => ({
      organisationId: o.organisationId,
      name: o.name,
      districtCode: o.districtCode,
      figures: o.figures,
      indicators: r.indicators.map((i) => ({ id: i.id, formula: i.formula, raw: i.raw, score: i.score, weighted: i.weighted })),
      total: r.total,
      grade: r.grade,
      flags: r.flags,
      rankInCity: inCity.get(o.organisationId)!,
      rankInDistrict: districts.get(o.districtCode)!.get(o.organisationId)!,
    }))
    .sort((a, b) => a.rankInCity - b.rankInCity || byId(a, b));
}
