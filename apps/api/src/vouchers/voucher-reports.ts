import { StreamableFile } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  EXPORT_CONTENT_TYPES,
  exportTable,
  type ExportColumn,
  type ExportFormat,
  type ProviderSettlementLine,
  type VoucherBreakdownRow,
  type VoucherStatementLine,
} from '@sme/read-models';
import { AsOfDto } from '../records/as-of.dto';
import { fieldColumn } from '../read-side/field-column';

/** `?format=` and, for an AUDITOR, `?asOf=`: a report of a programme as a table. */
export class VoucherReportQueryDto extends AsOfDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], description: 'json (default: columns and rows), csv (UTF-8, Chinese headers then the English keys) or xlsx' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: ExportFormat;
}

const breakdown = fieldColumn<VoucherBreakdownRow>;
const statement = fieldColumn<VoucherStatementLine>;
const settlement = fieldColumn<ProviderSettlementLine>;

/** The dashboard's table: the total, then each district, domain and provider (docs/vouchers.md). */
export const DASHBOARD_COLUMNS: readonly ExportColumn<VoucherBreakdownRow>[] = [
  breakdown('dimension', '维度'),
  breakdown('code', '代码'),
  breakdown('name', '名称'),
  breakdown('orders', '订单数'),
  breakdown('enterprises', '企业数'),
  breakdown('orderValueFen', '订单金额（分）'),
  breakdown('committedFen', '已承诺补贴（分）'),
  breakdown('paidFen', '已兑付（分）'),
  breakdown('orderValuePerYuan', '每元补贴带动订单额（元）'),
];

/** 企业服务券对账单: one movement per line, the balances after it. */
export const STATEMENT_COLUMNS: readonly ExportColumn<VoucherStatementLine>[] = [
  statement('at', '时间'),
  statement('movement', '变动'),
  statement('orderId', '订单编号'),
  statement('providerName', '服务机构'),
  statement('amountFen', '金额（分）'),
  statement('availableFen', '可用额度（分）'),
  statement('reservedFen', '已预占（分）'),
  statement('claimableFen', '待兑付（分）'),
  statement('paidFen', '已兑付（分）'),
];

/** 服务机构结算单: one order per line. */
export const SETTLEMENT_COLUMNS: readonly ExportColumn<ProviderSettlementLine>[] = [
  settlement('orderId', '订单编号'),
  settlement('enterpriseUscc', '企业统一社会信用代码'),
  settlement('deliveryId', '服务项目编号'),
  settlement('domain', '服务领域'),
  settlement('priceFen', '订单金额（分）'),
  settlement('subsidyFen', '补贴金额（分）'),
  settlement('status', '状态'),
  settlement('placedAt', '下单时间'),
  settlement('claimedAt', '申请兑付时间'),
  settlement('decidedAt', '审核时间'),
  settlement('decision', '审核意见'),
  settlement('paidFen', '已兑付（分）'),
  settlement('paidAt', '兑付时间'),
  settlement('reference', '支付凭证号'),
  settlement('clawedBackFen', '已追回（分）'),
  settlement('voidedAt', '追回时间'),
];

/** A report's rows as a file in the format asked, named for the programme and the report. */
export function reportFile<Row>(format: ExportFormat | undefined, name: string, sheet: string, columns: readonly ExportColumn<Row>[], rows: Row[]): StreamableFile {
  const f = format ?? 'json';
  return new StreamableFile(exportTable(f, sheet, columns, rows), { type: EXPORT_CONTENT_TYPES[f], disposition: `attachment; filename="${name}.${f}"` });
}
