import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { chinaDateOf, isWithinRegion, type Actor, type Role } from '@sme/domain';
import { buildCentreSummary, centreSummaryInput, writeCentreSummaryXlsx, type CentreSummary } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { ReadSide } from '../read-side/read-side.service';

/** Who reads a region's 汇总表: ADMIN any; the authorities, the hub and the oversight roles their own region. */
const SUMMARY_READERS: readonly Role[] = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB', 'AUDITOR', 'SUPERVISOR', 'EVALUATOR'];

/** 中小企业服务中心建设情况汇总表 of a city or district and year, as JSON or as the XLSX form. */
export class CentreSummaryQuery extends Query<CentreSummary | { summary: CentreSummary; xlsx: Buffer }> {
  constructor(
    readonly regionCode: string,
    readonly year: number,
    readonly format: 'json' | 'xlsx',
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(CentreSummaryQuery)
export class CentreSummaryHandler implements IQueryHandler<CentreSummaryQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ regionCode, year, format, actor }: CentreSummaryQuery) {
    if (actor.role !== 'ADMIN' && !(SUMMARY_READERS.includes(actor.role) && isWithinRegion(regionCode, actor.regionCode))) {
      throw ApiError.forbidden('SUMMARY_READ_FORBIDDEN', `无权查看 ${regionCode} 的服务中心建设情况汇总表`, `You may not read the centres summary of ${regionCode}`);
    }
    await this.readSide.requireCurrent(['centres', 'activities', 'deliveries']);
    const summary = buildCentreSummary(await centreSummaryInput(this.readSide.reader, regionCode, year, chinaDateOf(new Date())));
    if (format === 'json') return summary;
    return { summary, xlsx: await writeCentreSummaryXlsx(summary) };
  }
}
