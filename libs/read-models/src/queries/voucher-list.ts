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
