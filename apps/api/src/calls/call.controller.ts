import { Body, Param, Query } from '@nestjs/common';
import { callKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { CommandRequestDto } from '../commands/command-request.dto';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { Ctx, type RequestContext } from '../commands/request-context';
import { CommandPost, ReadRoute, TokenController } from '../commands/routes';
import { IdPipe } from '../records/id.pipe';
import { AsOfDto } from '../records/as-of.dto';
import { sliceOf } from '../read-side/read-time';
import { newRecordId } from '../records/new-record-id';
import { ListCallsQueryDto, OpenCallDto } from './call.dto';
import { callCommands } from './call.commands';
import { GetCallQuery, ListCallsQuery, PublishCallListCommand, type CallCommandBody } from './call.messages';
import { pageOf } from '../read-side/list-query';

@TokenController('calls (征集批次)', 'calls')
export class CallController extends KindController<CallCommandBody> {
  protected readonly kindCommands = callCommands;

  @CommandPost(callKind, 'PublishList', { path: ':id/publish', summary: 'Publish the list (发布名单): every approved application becomes a station (授牌)' })
  publish(@Param('id', IdPipe) id: string, @Body() _dto: CommandRequestDto, @Ctx() ctx: RequestContext) {
    return this.commands.execute(new PublishCallListCommand(id, ctx));
  }

  @ReadRoute({ path: ':id', summary: 'A call with its applications per stage and progress against its target; AUDITOR may add ?asOf= and ?knownAt=' })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetCallQuery(id, actor, sliceOf(query)));
  }

  @ReadRoute({ summary: 'Calls, newest first by default (sort: openedAt, districtDeadline, title; cursor paging)' })
  list(@Query() query: ListCallsQueryDto, @CurrentActor() actor: Actor) {
    const { filter: { q: _noTextSearch, ...filter }, sort, page, when } = pageOf(query);
    return this.queries.execute(new ListCallsQuery(filter, sort, page, when, actor));
  }
}

commandRoutes(CallController, callKind, (on) => ({
  close: on('CloseCall', { path: ':id/close', summary: 'Close the call: no more submissions', body: CommandRequestDto, data: ({ id }) => ({ callId: id }) }),
  open: on('OpenCall', {
    summary: 'Open a call for station applications (征集批次)',
    status: 201,
    body: OpenCallDto,
    data: (_, { occurredAt: _o, reason: _r, ...data }, ctx) => ({ callId: newRecordId(ctx, 'call'), ...data }),
  }),
}));
