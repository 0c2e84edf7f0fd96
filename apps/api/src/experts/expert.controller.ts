import { Param, Query } from '@nestjs/common';
import { expertKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { newRecordId } from '../records/new-record-id';
import { EXPERT_READERS } from './expert-access';
import { ExpertIdPipe } from './expert-id.pipe';
import { ExpertOpinionDto, ListExpertsQueryDto, RegisterExpertDto, RemoveExpertDto, SuspendExpertDto, UpdateExpertProfileDto } from './expert.dto';
import { expertCommands } from './expert.commands';
import { ListExpertsQuery, type ExpertCommandBody } from './expert.messages';
import { AsOfDto } from '../records/as-of.dto';
import { recordQuery } from '../records/record-query';
import { expertReading } from './expert.reading';
import { given } from '../commands/given';
import { ReadRoute, TokenController } from '../commands/routes';

@TokenController('experts (服务专家库)', 'experts')
export class ExpertController extends KindController<ExpertCommandBody> {
  protected readonly kindCommands = expertCommands;

  @ReadRoute({
    path: ':id',
    summary: 'One expert, folded from their events, with availableForPanel now (an expert reads their own; hub and authorities their region)',
    roles: EXPERT_READERS,
  })
  get(@Param('id', ExpertIdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(recordQuery(expertReading, id, actor, query));
  }

  @ReadRoute({
    summary: 'The expert registry by status, region, specialty, organisation and name (sort: registeredAt, name, updatedAt; cursor paging; total)',
    roles: EXPERT_READERS,
  })
  list(@Query() query: ListExpertsQueryDto, @CurrentActor() actor: Actor) {
    return this.readList(ListExpertsQuery, query, actor);
  }
}

commandRoutes(ExpertController, expertKind, (on) => ({
  register: on('RegisterExpert', {
    summary: 'Register an expert: an EXPERT registers themself (the id is their user id); the HUB registers anyone of its city',
    status: 201,
    body: RegisterExpertDto,
    data: (_, dto, ctx) => {
      const { name, specialties, organisation, regionCode, title } = dto;
      const expertId = dto.expertId ?? (ctx.actor.role === 'EXPERT' ? ctx.actor.id : newRecordId(ctx, 'expert'));
      return { expertId, name, specialties: specialties.map((s) => given({ domain: s.domain, detail: s.detail })), organisation: { id: organisation.id, name: organisation.name }, regionCode, title };
    },
  }),
  admit: on('AdmitExpert', { path: ':id/admission', summary: '入库: the hub or city authority of the expert’s city admits the expert', body: ExpertOpinionDto, data: ({ id }, dto) => ({ expertId: id, opinion: dto.opinion }), idPipe: ExpertIdPipe }),
  suspend: on('SuspendExpert', { path: ':id/suspension', summary: 'Suspend an admitted expert from panels, with a reason, until a date or until reinstated', body: SuspendExpertDto, data: ({ id }, dto) => (given({ expertId: id, reason: dto.reason ?? '', until: dto.until })), idPipe: ExpertIdPipe }),
  reinstate: on('ReinstateExpert', { path: ':id/reinstatement', summary: 'Lift the suspension in force', body: ExpertOpinionDto, data: ({ id }, dto) => ({ expertId: id, opinion: dto.opinion }), idPipe: ExpertIdPipe }),
  remove: on('RemoveExpert', { path: ':id/removal', summary: '出库: remove the expert from the pool, with a reason', body: RemoveExpertDto, data: ({ id }, dto) => ({ expertId: id, reason: dto.reason ?? '' }), idPipe: ExpertIdPipe }),
  updateProfile: on('UpdateExpertProfile', {
    path: ':id/profile',
    summary: 'Change the profile (only the fields given); by the expert themself or the city’s hub / authority',
    body: UpdateExpertProfileDto,
    data: ({ id }, { name, specialties, organisation, regionCode, title }) =>
      given({
        expertId: id,
        name,
        specialties: specialties?.map((s) => given({ domain: s.domain, detail: s.detail })),
        organisation: organisation && { id: organisation.id, name: organisation.name },
        regionCode,
        title,
      }),
    idPipe: ExpertIdPipe,
  }),
}));
