/**
 * The counting rules of the network's targets (1000 activities, 10000 家次 a year), one function for
 * every figure that reports them:
 * - 家次 (服务企业家次): one enterprise present at one activity is 1; one enterprise served by one
 *   delivery is 1; the same enterprise at two activities, or served twice, is 2.
 * - 户数 (服务企业户数): the distinct enterprises among all of them, each counted once.
 */
export interface ServiceCount {
  /** 家次 from activities: (enterprise, activity) presences. */
  activityVisits: number;
  /** 家次 from deliveries: one per delivery, each serving one enterprise. */
  deliveryVisits: number;
  /** 家次 in all. */
  enterpriseVisits: number;
  /** 户数: distinct enterprises across both. */
  distinctEnterprises: number;
}

/** An enterprise present at an activity, or served by a delivery. */
export interface Presence {
  enterpriseId: string;
  /** The activity's or the delivery's id. */
  recordId: string;
}

export function countServiceVisits(presences: { activities: readonly Presence[]; deliveries: readonly Presence[] }): ServiceCount {
  // A presence recorded twice for one (enterprise, record) is one 家次.
  const distinct = (list: readonly Presence[]) => new Set(list.map((p) => `${p.recordId}\u0000${p.enterpriseId}`)).size;
  const activityVisits = distinct(presences.activities);
  const deliveryVisits = distinct(presences.deliveries);
  const enterprises = new Set([...presences.activities, ...presences.deliveries].map((p) => p.enterpriseId));
  return { activityVisits, deliveryVisits, enterpriseVisits: activityVisits + deliveryVisits, distinctEnterprises: enterprises.size };
}
