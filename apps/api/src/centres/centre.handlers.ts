import { chinaDateOf } from '@sme/domain';
import { listCentres } from '@sme/read-models';
import { actorListHandler } from '../read-side/actor-list-handler';
import { scopeCentreFilter } from './centre-access';
import { ListCentresQuery } from './centre.messages';

/** The centres as the actor may read them, with remediation overdue as of today. */
export const ListCentresHandler = actorListHandler(ListCentresQuery, (actor, filter, now) => ({ ...scopeCentreFilter(actor, filter), today: chinaDateOf(now) }), listCentres);
