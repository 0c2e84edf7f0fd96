import type { DeliveryView } from '../delivery.projection';
import type { DemandView } from '../demand.projection';
import type { PolicyView } from '../policy.projection';
import type { ReadModelReader } from './read-model-reader';

/** 画像: what the network did for one enterprise — its deliveries, its demands and the policies pushed to it. */
export interface EnterprisePortrait {
  deliveries: {
    id: string;
    status: DeliveryView['status'];
    title: string;
    domain: DeliveryView['domain'];
    server: { kind: DeliveryView['server']['kind']; id: string; name: string };
    registeredAt: string;
    deliveredOn: string | null;
    rating: number | null;
    fee: DeliveryView['fee'];
  }[];
  demands: { id: string; status: DemandView['status']; category: DemandView['category']; raisedAt: string; resolvedAt: string | null }[];
  pushedPolicies: { id: string; title: string; level: PolicyView['level']; pushedVersion: number; currentVersion: number }[];
  totals: { deliveries: number; delivered: number; averageRating: number | null; demands: number; demandsResolved: number; pushedPolicies: number };
}

export async function enterprisePortrait(reader: ReadModelReader, enterpriseId: string): Promise<EnterprisePortrait> {
  const [deliveries, demands, policies] = await Promise.all([
    reader.collection<DeliveryView>('deliveries').then((c) => c.find({ 'enterprise.enterpriseId': enterpriseId }, { sort: { registeredAt: -1 } })),
    reader.collection<DemandView>('demands').then((c) => c.find({ enterpriseId }, { sort: { raisedAt: -1 } })),
    reader.collection<PolicyView>('policies').then((c) => c.find({ [`pushedVersions.${enterpriseId}`]: { $exists: true } }, { sort: { updatedAt: -1 } })),
  ]);
  const ratings = deliveries.map((d) => d.feedback?.rating).filter((r): r is number => typeof r === 'number');
  return {
    deliveries: deliveries.map((d) => ({
      id: d.id,
      status: d.status,
      title: d.title,
      domain: d.domain,
      server: { kind: d.server.kind, id: d.server.id, name: d.server.name },
      registeredAt: d.registeredAt,
      deliveredOn: d.deliveredOn,
      rating: d.feedback?.rating ?? null,
      fee: d.fee,
    })),
    demands: demands.map((d) => ({ id: d.id, status: d.status, category: d.category, raisedAt: d.raisedAt, resolvedAt: d.resolution?.resolvedAt ?? null })),
    pushedPolicies: policies.map((p) => ({ id: p.id, title: p.title, level: p.level, pushedVersion: p.pushedVersions[enterpriseId], currentVersion: p.version })),
    totals: {
      deliveries: deliveries.length,
      delivered: deliveries.filter((d) => d.deliveredOn !== null && d.status !== 'CANCELLED').length,
      averageRating: ratings.length === 0 ? null : Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100,
      demands: demands.length,
      demandsResolved: demands.filter((d) => d.status === 'RESOLVED').length,
      pushedPolicies: policies.length,
    },
  };
}
