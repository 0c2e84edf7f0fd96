import { Command, Query } from '@nestjs/cqrs';
import type { CallCommand } from '@sme/domain';
import type { ApplicationStage } from '@sme/domain';
import type { CallListFilter, CallView, PublicView } from '@sme/read-models';
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

export class GetCallQuery extends Query<CallDetailsResponse> {
  constructor(readonly callId: string) {
    super();
  }
}

/** Each call in the list with how many of its applications stand at each stage. */
export class ListCallsQuery extends ListQuery<CallListFilter, CallView, PublicView<CallView> & Pick<CallDetailsResponse, 'applicationsByStage'>> {}
