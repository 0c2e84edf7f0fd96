import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { enterpriseKind, type Actor } from '@sme/domain';
import { enterprisePortrait, projectEnterprise, toPublicView, type EnterprisePortrait, type EnterpriseView, type PublicView } from '@sme/read-models';
import { ReadSide } from '../read-side/read-side.service';
import { RecordLoader } from '../records/record-loader';
import { enterpriseReading } from './enterprise.reading';

/** 画像: one enterprise with what the network did for it — deliveries, demands, pushed policies. */
export class EnterprisePortraitQuery extends Query<{ enterprise: PublicView<EnterpriseView> } & EnterprisePortrait> {
  constructor(
    readonly enterpriseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(EnterprisePortraitQuery)
export class EnterprisePortraitHandler implements IQueryHandler<EnterprisePortraitQuery> {
  constructor(
    private readonly records: RecordLoader,
    private readonly readSide: ReadSide,
  ) {}

  async execute({ enterpriseId, actor }: EnterprisePortraitQuery) {
    const { missing, forbidden, mayRead } = enterpriseReading;
    // Who may read the enterprise reads its portrait: its own deliveries and demands are part of it.
    const enterprise = await this.records.view(enterpriseKind, projectEnterprise, enterpriseId, { missing, forbidden, mayRead: (view) => mayRead!(actor, view, this.records) });
    await this.readSide.requireCurrent(['deliveries', 'demands', 'policies']);
    return { enterprise: toPublicView(enterprise), ...(await enterprisePortrait(this.readSide.reader, enterpriseId)) };
  }
}
