import { Param, Query } from '@nestjs/common';
import { stationKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { ReadRoute, TokenController } from '../commands/routes';
import { ApiError } from '../http/api-error';
import { AsOfDto } from '../records/as-of.dto';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import {
  CovenantDto,
  ListStationsQueryDto,
  RevocationDecisionDto,
  RevocationProposalDto,
  WithdrawalDto,
} from './station.dto';
import { stationCommands } from './station.commands';
import { ListStationsQuery, type StationCommandBody } from './station.messages';
import { stationReading } from './station.reading';

@TokenController('stations (服务站)', 'stations')
export class StationController extends KindController<StationCommandBody> {
  protected readonly kindCommands = stationCommands;

  @ReadRoute({ path: ':id/revocation-proposals/:proposalId', summary: 'One revocation proposal of the station, with its decision once made; AUDITOR may add ?asOf=' })
  async proposal(@Param('id', IdPipe) id: string, @Param('proposalId', IdPipe) proposalId: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    const station = await this.readRecord(stationReading, id, actor, query);
    const proposal = station.revocations.find((r) => r.proposalId === proposalId);
    if (proposal === undefined) throw ApiError.notFound('REVOCATION_PROPOSAL_NOT_FOUND', '撤销意见不存在', 'The revocation proposal does not exist');
    return proposal;
  }

  @ReadRoute({ path: ':id', summary: 'One station; AUDITOR may add ?asOf= to replay it to a business time' })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.readRecord(stationReading, id, actor, query);
  }

  @ReadRoute({
    summary: 'The station registry (名单) by city, district, status, call and name; ?asOf= gives it as it stood then (sort: plaqueNumber, name, designatedAt, updatedAt; cursor paging)',
  })
  list(@Query() query: ListStationsQueryDto, @CurrentActor() actor: Actor) {
    return this.readList(ListStationsQuery, query, actor);
  }
}

commandRoutes(StationController, stationKind, (on) => ({
  signCovenant: on('SignCovenant', { path: ':id/covenant', summary: 'The operator signs the 服务公约', body: CovenantDto, data: ({ id }, dto) => ({ stationId: id, covenantVersion: dto.covenantVersion }) }),
  withdraw: on('WithdrawStation', { path: ':id/withdrawal', summary: 'The operator withdraws the station, giving a reason', body: WithdrawalDto, data: ({ id }, dto) => ({ stationId: id, reason: dto.reason ?? '' }) }),
  decideRevocation: on('DecideRevocation', { path: ':id/revocation-decision', summary: 'The city approves (撤销称号和授牌) or rejects the open proposal', body: RevocationDecisionDto, data: ({ id }, dto) => ({ stationId: id, proposalId: dto.proposalId, approved: dto.approved, opinion: dto.opinion }) }),
  proposeRevocation: on('ProposeRevocation', {
    path: ':id/revocation-proposals',
    summary: 'The hub proposes revocation on one or more of the five grounds (退出机制)',
    status: 201,
    body: RevocationProposalDto,
    data: ({ id }, dto, ctx) => {
      const evidence = dto.evidence.map(({ description, fileName, sha256 }) => ({
        description,
        ...(fileName !== undefined ? { fileName } : {}),
        ...(sha256 !== undefined ? { sha256 } : {}),
      }));
      return { stationId: id, proposalId: newRecordId(ctx, 'revocation-proposal'), grounds: dto.grounds, evidence, opinion: dto.opinion };
    },
    // The city decides on the proposal by its id.
    answer: ({ stationId, proposalId }) => ({ proposalId, location: `/stations/${stationId}/revocation-proposals/${proposalId}` }),
  }),
}));
