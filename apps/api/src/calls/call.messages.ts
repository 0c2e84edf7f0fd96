import { Command, Query } from '@nestjs/cqrs';
import type { Actor, CallCommand } from '@sme/domain';
import type { ApplicationStage } from '@sme/domain';
import type { CallListFilter, CallView, PublicView, TimeSlice } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import type { CommandResult } from '../commands/command-executor';
import type { RequestContext } from '../commands/request-context';
import { ListQuery } from '../read-side/list-query';

export type CallCommandBody = CommandBody<Exclude<CallCommand, { type: 'PublishList' }>>;

/** 发布名单: publishes the call's list, then designates every listed station. */
export class PublishCallListCommand extends Command<CommandResult> {
  constructor(
    readonly callId: string,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

export interface CallDetailsResponse extends Omit<CallView, '_id' | '_position'> {
  position: string;
  applicationsByStage: Partial<Record<ApplicationStage, number>>;
  progress: { target: number; designated: number; activeStations: number };
}

/** A call with its applications per stage and progress; in a time slice (an AUDITOR's), as it stood then. */
export class GetCallQuery extends Query<CallDetailsResponse> {
  constructor(
    readonly callId: string,
    readonly actor?: Actor,
    readonly when?: TimeSlice,
  ) {
    super();
  }
}

/** Each call in the list with how many of its applications stand at each stage. */
export class ListCallsQuery extends ListQuery<CallListFilter, CallView, PublicView<CallView> & Pick<CallDetailsResponse, 'applicationsByStage'>> {}
