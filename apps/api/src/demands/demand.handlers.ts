import { listDemands } from '@sme/read-models';
import { actorListHandler } from '../read-side/actor-list-handler';
import { scopeDemandFilter } from './demand-access';
import { ListDemandsQuery } from './demand.messages';

export const ListDemandsHandler = actorListHandler(ListDemandsQuery, scopeDemandFilter, listDemands);
