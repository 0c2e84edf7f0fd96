import type { ErasureListFilter, ErasureView } from '@sme/read-models';
import { ActorListQuery } from '../read-side/list-query';

/** The erasure requests, for administrators and auditors. */
export class ListErasuresQuery extends ActorListQuery<ErasureListFilter, ErasureView> {}
