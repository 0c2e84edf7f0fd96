import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { chinaTimeOf, notFound, recordNotFound, type Actor } from '@sme/domain';
import type { RecordKind } from '@sme/domain/shared/record-kind';
import type { RecordedEvent } from '@sme/event-store';
import { toPublicView, type PublicView, type ViewVersion } from '@sme/read-models';
import { PersonalDataReads, type PersonalData } from '../audit/personal-data-reads';
import { requireTimeReader, sliceOf, type ReadTimeRequest } from '../read-side/read-time';
import { RecordLoader } from './record-loader';

/** How one record of a kind is read: folded from its stream by its projection, under its read rule; `S` is what the reader is shown. */
export interface RecordReading<V extends ViewVersion, S = PublicView<V>> {
  kind: Pick<RecordKind, 'streamId' | 'label'>;
  project: (view: V | undefined, event: RecordedEvent) => V | undefined;
  missing: () => Error;
  /** The read rule; a reader it refuses gets `forbidden()`. Without one, whoever reaches the route reads the record. */
  mayRead?(actor: Actor, view: V, records: RecordLoader): boolean | Promise<boolean>;
  forbidden?: () => Error;
  /** With `asOf`: the record exists now, but did not yet then. */
  notYet?: (asOf: Date) => Error;
  /** What the reader is shown; the public view when not given. */
  show?(view: V, read: { id: string; asOf?: Date; records: RecordLoader }): S | Promise<S>;
  /** The personal data the record holds: a read of it is logged for auditors before it is answered. */
  personalData?: PersonalData<V>;
}

/**
 * The reading of a kind: its absence is the kind's `<CODE>_NOT_FOUND` (`recordNotFound(kind.label)`, as
 * its commands answer) or, replayed to a time before it, `NOT_YET_RECORDED`, named in both languages.
 */
export function readingOf<V extends ViewVersion, S = PublicView<V>>(
  kind: RecordReading<V, S>['kind'],
  project: RecordReading<V, S>['project'],
  rule: Pick<RecordReading<V, S>, 'mayRead' | 'forbidden' | 'show' | 'personalData'>,
): RecordReading<V, S> {
  const { zh, en } = kind.label;
  return {
    kind,
    project,
    missing: () => recordNotFound(kind.label),
    notYet: (asOf) => notFound('NOT_YET_RECORDED', `${chinaTimeOf(asOf)} 时该${zh}尚未登记`, `The ${en} was not yet recorded at ${chinaTimeOf(asOf)}`),
    ...rule,
  };
}

/** One record as `reading` folds it (up to `asOf`), if the reader may read it. */
export class GetRecordQuery<V extends ViewVersion = ViewVersion, S = PublicView<V>> extends Query<S> {
  constructor(
    readonly reading: RecordReading<V, S>,
    readonly id: string,
    readonly actor?: Actor,
    readonly asOf?: Date,
    readonly knownAt?: Date,
  ) {
    super();
  }
}

/** When a record is read, as the request asks: a business time (`asOf`) and a record time (`knownAt`), each left out for now. */
export type ReadTime = ReadTimeRequest;

/** One record, read now, or (an AUDITOR only) replayed to a business time as known at a record time. */
export function recordQuery<V extends ViewVersion, S>(reading: RecordReading<V, S>, id: string, actor: Actor | undefined, when: ReadTime = {}): GetRecordQuery<V, S> {
  const slice = sliceOf(when);
  requireTimeReader(actor, slice);
  return new GetRecordQuery(reading, id, actor, slice?.asOf, slice?.knownAt);
}

@QueryHandler(GetRecordQuery)
export class GetRecordHandler implements IQueryHandler<GetRecordQuery<ViewVersion, unknown>> {
  constructor(
    private readonly records: RecordLoader,
    private readonly reads: PersonalDataReads,
  ) {}

  async execute({ reading, id, actor, asOf, knownAt }: GetRecordQuery<ViewVersion, unknown>): Promise<unknown> {
    const { kind, project, missing, forbidden, notYet, mayRead, personalData } = reading;
    const readable = mayRead && ((view: ViewVersion) => actor !== undefined && mayRead(actor, view, this.records));
    const view = await this.records.view(kind, project, id, { missing, forbidden, notYet, asOf, knownAt, mayRead: readable });
    if (personalData && actor && (personalData.holds?.(view) ?? true)) await this.reads.record(actor, { kind: personalData.kind, id, regionCode: personalData.regionOf(view), fields: personalData.fields, asOf });
    return reading.show ? reading.show(view, { id, asOf, records: this.records }) : toPublicView(view);
  }
}
