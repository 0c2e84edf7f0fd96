import { listErasures } from '@sme/read-models';
import { actorListHandler } from '../read-side/actor-list-handler';
import { ListErasuresQuery } from './erasure.messages';

export const ListErasuresHandler = actorListHandler(ListErasuresQuery, (_actor, filter) => filter, listErasures);
