import { listExperts } from '@sme/read-models/queries/expert-list';
import { actorListHandler } from '../read-side/actor-list-handler';
import { scopeExpertFilter } from './expert-access';
import { ListExpertsQuery } from './expert.messages';

/** The registry as the actor may read it, with availability as of now. */
export const ListExpertsHandler = actorListHandler(ListExpertsQuery, (actor, filter) => ({ ...scopeExpertFilter(actor, filter), at: new Date().toISOString() }), listExperts);
