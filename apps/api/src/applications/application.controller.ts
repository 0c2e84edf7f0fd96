import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { applicationKind, type Actor } from '@sme/domain';
import { CommandRoute, CurrentActor } from '../auth/auth.decorators';
import { CommandRequestDto } from '../commands/command-request.dto';
import { KindController } from '../commands/kind-controller';
import { Ctx, type RequestContext } from '../commands/request-context';
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
import { GetRecordQuery } from '../records/record-query';
import { applicationReading } from './application.reading';

@ApiTags('applications (服务站申请)')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationController extends KindController<ApplicationCommandBody> {
  protected readonly kindCommands = applicationCommands;

  @Post()
  @CommandRoute(applicationKind, 'CreateApplication')
  @ApiOperation({ summary: 'Draft an application with the 申请表 (the operator’s organisation owns it)' })
  create(@Body() dto: CreateApplicationDto, @Ctx() ctx: RequestContext) {
    const applicationId = newRecordId(ctx, 'application');
    return this.run({ type: 'CreateApplication', data: { applicationId, callId: dto.callId, form: dto.form } }, ctx);
  }

  @Post(':id/materials')
  @HttpCode(200)
  @CommandRoute(applicationKind, 'AttachMaterial')
  @ApiOperation({ summary: 'Attach (or replace) one of the six materials while in draft' })
  attach(@Param('id', IdPipe) id: string, @Body() dto: AttachMaterialDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'AttachMaterial', data: { applicationId: id, ...dto.material } }, ctx);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @CommandRoute(applicationKind, 'SubmitApplication')
  @ApiOperation({ summary: 'Submit to the district before its deadline (逾期不予受理)' })
  submit(@Param('id', IdPipe) id: string, @Body() _dto: CommandRequestDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'SubmitApplication', data: { applicationId: id } }, ctx);
  }

  @Post(':id/district-review')
  @HttpCode(200)
  @CommandRoute(applicationKind, 'ReviewByDistrict')
  @ApiOperation({ summary: '区初审: pass or reject, by the authority of the station’s district' })
  districtReview(@Param('id', IdPipe) id: string, @Body() dto: DistrictReviewDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'ReviewByDistrict', data: { applicationId: id, passed: dto.passed, opinion: dto.opinion } }, ctx);
  }

  @Post(':id/expert-panel')
  @HttpCode(200)
  @CommandRoute(applicationKind, 'FormExpertPanel')
  @ApiOperation({ summary: '专家评审: the hub forms a panel of at least three admitted, unsuspended experts from the registry, none from the applicant' })
  expertPanel(@Param('id', IdPipe) id: string, @Body() dto: ExpertPanelDto, @Ctx() ctx: RequestContext) {
    // Only the ids: the handler takes name, organisation and availability from the expert registry.
    const experts = dto.experts.map(({ expertId }) => ({ expertId }));
    return this.run({ type: 'FormExpertPanel', data: { applicationId: id, experts } }, ctx);
  }

  @Post(':id/expert-scores')
  @HttpCode(200)
  @CommandRoute(applicationKind, 'ScoreApplication')
  @ApiOperation({ summary: 'A panel expert scores 0–100 with an opinion, once' })
  score(@Param('id', IdPipe) id: string, @Body() dto: ExpertScoreDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'ScoreApplication', data: { applicationId: id, score: dto.score, opinion: dto.opinion } }, ctx);
  }

  @Post(':id/recommendation')
  @HttpCode(200)
  @CommandRoute(applicationKind, 'IssueRecommendation')
  @ApiOperation({ summary: '推荐意见, once every panel score is in' })
  recommend(@Param('id', IdPipe) id: string, @Body() dto: RecommendationDto, @Ctx() ctx: RequestContext) {
    const data = { applicationId: id, recommended: dto.recommended, opinion: dto.opinion };
    return this.run({ type: 'IssueRecommendation', data }, ctx);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @CommandRoute(applicationKind, 'DecideApplication')
  @ApiOperation({ summary: '审定: the city approves or rejects' })
  decide(@Param('id', IdPipe) id: string, @Body() dto: DecisionDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'DecideApplication', data: { applicationId: id, approved: dto.approved, opinion: dto.opinion } }, ctx);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One application, folded from its events (operators see their own, districts theirs, experts their panels’)' })
  get(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetRecordQuery(applicationReading, id, actor));
  }

  @Get()
  @ApiOperation({ summary: 'Applications by call, district, stage and name (sort: draftedAt, updatedAt, stationName, operatorName; cursor paging)' })
  list(@Query() query: ListApplicationsQueryDto, @CurrentActor() actor: Actor) {
    const { limit, cursor, sort, q, callId, districtCode, stage, operatorOrgId } = query;
    const filter = { callId, districtCode, stage, q, ownerOrgId: operatorOrgId };
    return this.queries.execute(new ListApplicationsQuery(filter, sort, { limit, cursor }, actor));
  }
}
