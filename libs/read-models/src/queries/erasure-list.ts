import type { ErasureView } from '../erasure.projection';
import { cursorPage, type PageRequest } from './cursor-page';
import { sortKeys, type ReadModelReader } from './read-model-reader';

export interface ErasureListFilter {
  status?: ErasureView['status'];
  streamId?: string;
}

export const ERASURE_SORTS = ['requestedAt', 'updatedAt'] as const;

/** The erasure requests by status and record, newest first by default. */
export async function listErasures(reader: ReadModelReader, filter: ErasureListFilter, sort: string | undefined, page: PageRequest) {
  const query = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  return cursorPage(await reader.collection<ErasureView>('erasures'), query, sortKeys(sort, ERASURE_SORTS, '-requestedAt'), page);
}
