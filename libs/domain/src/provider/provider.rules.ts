import { recordNotFound, type RecordLabel } from '../shared/record-kind';
import { chinaDateOf, instantMs } from '../shared/dates';
import { conflict } from '../shared/domain-error';
import { addChinaYears } from '../shared/moments';
import type { ExistingProvider, InPoolProvider, ProviderState } from './provider.state';
import { REENTRY_BARRING_GROUNDS } from './removal-grounds';

/**
 * Years a removal for 弄虚作假 or 违法违规 bars a new entry application. Neither 工信部企业〔2023〕213号 nor
 * 穗工信函〔2019〕1100号 sets a period; 3 is a product choice, and the handler passes the configured value.
 */
export const PROVIDER_REENTRY_BAR_YEARS_DEFAULT = 3;

/** How provider records are named when one is missing. */
export const PROVIDER_RECORD: RecordLabel = { code: 'PROVIDER', zh: '服务机构', en: 'service provider' };

export const providerNotFound = () => recordNotFound(PROVIDER_RECORD);

/** PROVIDER_NOT_FOUND unless the record exists. */
export function existingProvider(state: ProviderState): ExistingProvider {
  if (state.status === 'NONE') throw providerNotFound();
  return state;
}

/** PROVIDER_NOT_IN_POOL, saying where the provider stands instead. */
export function requireInPool(provider: ExistingProvider): asserts provider is InPoolProvider {
  if (provider.status !== 'IN_POOL') {
    const how = {
      APPLIED: { zh: '入库申请待审定', en: 'awaiting the entry decision' },
      REFUSED: { zh: '入库申请未获通过', en: 'refused entry' },
      REMOVED: { zh: '已出库', en: 'removed from the pool' },
    }[provider.status];
    throw conflict('PROVIDER_NOT_IN_POOL', `该服务机构不在库中（${how.zh}）`, `The provider is not in the pool (${how.en})`);
  }
}

/** REENTRY_BARRED while a removal for 弄虚作假 or 违法违规 is less than `years` old. */
export function requireNotBarred(provider: ExistingProvider, years: number, now: Date): void {
  const barredUntil = provider.periods
    .filter((p) => p.removedAt !== undefined && (p.grounds ?? []).some((g) => REENTRY_BARRING_GROUNDS.includes(g)))
    .map((p) => addChinaYears(p.removedAt as string, years))
    .filter((until) => now.getTime() < instantMs(until))
    .sort()
    .pop();
  if (barredUntil !== undefined) {
    const day = chinaDateOf(barredUntil);
    throw conflict(
      'REENTRY_BARRED',
      `该服务机构因弄虚作假或违法违规出库，${years}年内（至${day}）不得重新申请入库`,
      `The provider was removed for falsified materials or illegal conduct and may not apply again within ${years} years (until ${day})`,
    );
  }
}
