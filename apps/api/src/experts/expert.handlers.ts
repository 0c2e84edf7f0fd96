import { listExperts } from '@sme/read-models/queries/expert-list';
import { actorListHandler } from '../read-side/actor-list-handler';
import { scopeExpertFilter } from './expert-access';
import { ListExpertsQuery } from './expert.messages';

/** The registry as the actor may read it, with availability as of now. */
export const ListExpertsHandler = actorListHandler(ListExpertsQuery, (actor, filter, now) => ({ ...scopeExpertFilter(actor, filter), at: now.toISOString() }), listExperts);
