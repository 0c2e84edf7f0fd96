import type { EvaluationView } from '../evaluation.projection';
import { cursorPage, type PageRequest } from './cursor-page';
import { sortKeys, type ReadModelReader } from './read-model-reader';

export interface EvaluationListFilter {
  cityCode?: string;
  year?: number;
  subject?: string;
  status?: 'RUN' | 'PUBLISHED';
}

export const EVALUATION_SORTS = ['year', 'updatedAt'] as const;

/** The evaluations by city, year, subject and status (newest year first by default). */
export async function listEvaluations(reader: ReadModelReader, filter: EvaluationListFilter, sort: string | undefined, page: PageRequest) {
  const query = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  return cursorPage(await reader.collection<EvaluationView>('evaluations'), query, sortKeys(sort, EVALUATION_SORTS, '-year'), page);
}
