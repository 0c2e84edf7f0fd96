import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { RecordKind } from '@sme/domain/shared/record-kind';
import type { RecordedEvent } from '@sme/event-store';
import { toPublicView, type ViewVersion } from '@sme/read-models';
import { RecordLoader } from './record-loader';

/** How one record of a kind is read: folded from its stream by its projection, under its read rule. */
export interface RecordReading<V extends ViewVersion> {
  kind: Pick<RecordKind, 'streamId'>;
  project: (view: V | undefined, event: RecordedEvent) => V | undefined;
  missing: () => Error;
  /** The read rule; a reader it refuses gets `forbidden()`. Without one, whoever reaches the route reads the record. */
  mayRead?(actor: Actor, view: V, records: RecordLoader): boolean | Promise<boolean>;
  forbidden?: () => Error;
  /** With `asOf`: the record exists now, but did not yet then. */
  notYet?: (asOf: Date) => Error;
  /** What the reader is shown; the public view when not given. */
  show?(view: V, read: { id: string; asOf?: Date; records: RecordLoader }): unknown;
}

/** One record as `reading` folds it (up to `asOf`), if the reader may read it. */
export class GetRecordQuery<V extends ViewVersion = ViewVersion> extends Query<unknown> {
  constructor(
    readonly reading: RecordReading<V>,
    readonly id: string,
    readonly actor?: Actor,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetRecordQuery)
export class GetRecordHandler implements IQueryHandler<GetRecordQuery> {
  constructor(private readonly records: RecordLoader) {}

  async execute({ reading, id, actor, asOf }: GetRecordQuery) {
    const { kind, project, missing, forbidden, notYet, mayRead } = reading;
    const readable = mayRead && ((view: ViewVersion) => actor !== undefined && mayRead(actor, view, this.records));
    const view = await this.records.view(kind, project, id, { missing, forbidden, notYet, asOf, mayRead: readable });
    return reading.show ? reading.show(view, { id, asOf, records: this.records }) : toPublicView(view);
  }
}
