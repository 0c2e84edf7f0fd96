import { Param, Query } from '@nestjs/common';
import { applicationKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { CommandRequestDto } from '../commands/command-request.dto';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { ReadRoute, TokenController } from '../commands/routes';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import {
  AttachMaterialDto,
  CreateApplicationDto,
  DecisionDto,
  DistrictReviewDto,
  ExpertPanelDto,
  ExpertScoreDto,
  ListApplicationsQueryDto,
  RecommendationDto,
} from './application.dto';
import {
  ListApplicationsQuery,
  type ApplicationCommandBody,
} from './application.messages';
import { applicationCommands } from './application.commands';
import { AsOfDto } from '../records/as-of.dto';
import { recordQuery } from '../records/record-query';
import { applicationReading } from './application.reading';
import { pageOf } from '../read-side/list-query';

@TokenController('applications (服务站申请)', 'applications')
export class ApplicationController extends KindController<ApplicationCommandBody> {
  protected readonly kindCommands = applicationCommands;

  @ReadRoute({ path: ':id', summary: 'One application, folded from its events (operators see their own, districts theirs, experts their panels’)' })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(recordQuery(applicationReading, id, actor, query));
  }

  @ReadRoute({ summary: 'Applications by call, district, stage and name (sort: draftedAt, updatedAt, stationName, operatorName; cursor paging)' })
  list(@Query() query: ListApplicationsQueryDto, @CurrentActor() actor: Actor) {
    const { filter: { operatorOrgId, ...filter }, sort, page, when } = pageOf(query);
    return this.queries.execute(new ListApplicationsQuery({ ...filter, ownerOrgId: operatorOrgId }, sort, page, actor, when));
  }
}

commandRoutes(ApplicationController, applicationKind, (on) => ({
  attach: on('AttachMaterial', { path: ':id/materials', summary: 'Attach (or replace) one of the six materials while in draft', body: AttachMaterialDto, data: ({ id }, dto) => ({ applicationId: id, ...dto.material }) }),
  districtReview: on('ReviewByDistrict', { path: ':id/district-review', summary: '区初审: pass or reject, by the authority of the station’s district', body: DistrictReviewDto, data: ({ id }, dto) => ({ applicationId: id, passed: dto.passed, opinion: dto.opinion }) }),
  score: on('ScoreApplication', { path: ':id/expert-scores', summary: 'A panel expert scores 0–100 with an opinion, once', body: ExpertScoreDto, data: ({ id }, dto) => ({ applicationId: id, score: dto.score, opinion: dto.opinion }) }),
  decide: on('DecideApplication', { path: ':id/decision', summary: '审定: the city approves or rejects', body: DecisionDto, data: ({ id }, dto) => ({ applicationId: id, approved: dto.approved, opinion: dto.opinion }) }),
  submit: on('SubmitApplication', { path: ':id/submit', summary: 'Submit to the district before its deadline (逾期不予受理)', body: CommandRequestDto, data: ({ id }) => ({ applicationId: id }) }),
  create: on('CreateApplication', {
    summary: 'Draft an application with the 申请表 (the operator’s organisation owns it)',
    status: 201,
    body: CreateApplicationDto,
    data: (_, dto, ctx) => {
      const applicationId = newRecordId(ctx, 'application');
      return { applicationId, callId: dto.callId, form: dto.form };
    },
  }),
  expertPanel: on('FormExpertPanel', {
    path: ':id/expert-panel',
    summary: '专家评审: the hub forms a panel of at least three admitted, unsuspended experts from the registry, none from the applicant',
    body: ExpertPanelDto,
    data: ({ id }, dto) => {
      // Only the ids: the handler takes name, organisation and availability from the expert registry.
      const experts = dto.experts.map(({ expertId }) => ({ expertId }));
      return { applicationId: id, experts };
    },
  }),
  recommend: on('IssueRecommendation', { path: ':id/recommendation', summary: '推荐意见, once every panel score is in', body: RecommendationDto, data: ({ id }, dto) => ({ applicationId: id, recommended: dto.recommended, opinion: dto.opinion }) }),
}));
