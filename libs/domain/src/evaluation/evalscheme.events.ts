import { at, cityCode, integer, recordId } from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { SchemeContentSchema } from './evaluation.terms';

/** 评价方案: a city's scheme for one year and one kind of organisation, every version published whole. */
export const EVALUATION_SCHEME_EVENTS = recordEvents({ schemeId: recordId('The scheme (one per city, year and subject)') }, {
  EvaluationSchemePublished: {
    action: 'published',
    title: 'Evaluation scheme published (评价方案发布)',
    summary: 'The city authority published version n of its scheme for the year and subject: indicators with weights, formulas and normalisation, grade floors and the satisfaction floor. A change is a new version, published before the year ends.',
    payload: {
      cityCode: cityCode(),
      year: integer(2000, 2100, 'The evaluated year'),
      version: integer(1, undefined, '1 for the first publication, one more for each change'),
      scheme: SchemeContentSchema,
      publishedAt: at('When it was published'),
    },
  },
});

export type EvaluationSchemeEvent = EventOf<typeof EVALUATION_SCHEME_EVENTS>;
export type EvaluationSchemeEvents = EventsByType<typeof EVALUATION_SCHEME_EVENTS>;
