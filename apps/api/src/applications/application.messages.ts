import type { ApplicationCommand } from '@sme/domain';
import type { ApplicationListFilter, ApplicationView } from '@sme/read-models';
import { ActorListQuery } from '../read-side/list-query';

type WithoutCall<T> = T extends { type: infer K; data: infer D }
  ? { type: K; data: K extends 'CreateApplication' ? Omit<D, 'call'> & { callId: string } : Omit<D, 'call'> }
  : never;

/**
 * An application command as the controller builds it: a new application names its call by id,
 * and the handler adds the call's snapshot where the rules need it.
 */
export type ApplicationCommandBody = WithoutCall<Exclude<ApplicationCommand, { type: 'MarkDesignated' }>>;

export class ListApplicationsQuery extends ActorListQuery<ApplicationListFilter, ApplicationView> {}
