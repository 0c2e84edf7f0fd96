import { businessDate, closed, integer, nullable, number, type Static } from '../shared/schema/builders';

/**
 * What the ledger's own records say of an organisation's service over a period: the figures a
 * revocation on 服务满意度低 cites, so that the ground rests on the feedback, not on a number typed in.
 */
export const SatisfactionFiguresSchema = closed(
  {
    from: businessDate('The period’s first day'),
    until: businessDate('The period’s last day'),
    deliveries: integer(0, undefined, 'Deliveries delivered in the period'),
    ratings: integer(0, undefined, 'Of those, rated by the enterprise'),
    averageRating: nullable(number({ minimum: 1, maximum: 5 }, 'The mean of the current ratings, two decimals')),
    poorRatings: integer(0, undefined, '差评: ratings of 1–2'),
    followUps: integer(0, undefined, 'Follow-ups opened for those deliveries'),
    followUpsClosedOnTime: integer(0, undefined, 'Of those, closed by their due day'),
    returnVisitRate: nullable(number({ minimum: 0, maximum: 1 }, '回访率: deliveries visited / deliveries')),
  },
  { $id: 'SatisfactionFigures', description: 'The organisation’s service figures over the period, from its deliveries' },
);
export type SatisfactionFigures = Static<typeof SatisfactionFiguresSchema>;
