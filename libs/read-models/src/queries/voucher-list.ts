import type { VoucherProgrammeView } from '../voucher.projection';
import { cursorPage, type PageRequest } from './cursor-page';
import { sortKeys, type ReadModelReader } from './read-model-reader';

export interface VoucherProgrammeListFilter {
  cityCode?: string;
  issuerRole?: 'CITY_AUTHORITY' | 'DISTRICT_AUTHORITY';
  /** Programmes in which this USCC applied or was granted (an enterprise's own). */
  holderUscc?: string;
}

export const VOUCHER_PROGRAMME_SORTS = ['publishedAt', 'updatedAt'] as const;

/** The programmes by city and issuer level, newest first by default. */
export async function listVoucherProgrammes(reader: ReadModelReader, filter: VoucherProgrammeListFilter, sort: string | undefined, page: PageRequest) {
  const query = {
    ...(filter.cityCode === undefined ? {} : { cityCode: filter.cityCode }),
    ...(filter.issuerRole === undefined ? {} : { 'issuer.role': filter.issuerRole }),
    ...(filter.holderUscc === undefined ? {} : { holderUsccs: filter.holderUscc }),
  };
  return cursorPage(await reader.collection<VoucherProgrammeView>('vouchers'), query, sortKeys(sort, VOUCHER_PROGRAMME_SORTS, '-publishedAt'), page);
}

/** The programmes still open whose settlement date has passed on `day` (YYYY-MM-DD): what the closing sweep closes. */
export async function voucherProgrammesDueForClosing(reader: ReadModelReader, day: string): Promise<VoucherProgrammeView[]> {
  const programmes = await (await reader.collection<VoucherProgrammeView>('vouchers')).find({ closure: null }, { sort: { _id: 1 } });
  return programmes.filter((p) => p.terms.settleBy < day);
}
