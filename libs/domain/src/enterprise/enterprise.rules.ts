import { chinaDateOf, chinaYearOf } from '../shared/dates';
import { isDocumentNumber } from '../shared/document-number';
import { conflict, invalid } from '../shared/domain-error';
import { classifySize, sizeStandardOn, type IndustryCode, type SizeClass } from '../shared/size-class';
import { fieldRequired, isNonBlank, MAX_PERSONS, requireAmount, requireInteger, type Label } from '../shared/validation';
import type { EnterpriseFigures } from './enterprise.commands';
import type { EnterpriseEvents } from './enterprise.events';

/** The rules the enterprise decider checks a command's data against. */

export const LABEL = {
  enterpriseId: { zh: '企业编号', en: 'Enterprise id' },
  name: { zh: '企业名称', en: 'Enterprise name' },
  foundedOn: { zh: '成立日期', en: 'Founding date' },
  usccAlreadyRegistered: { zh: '统一社会信用代码是否已登记', en: 'USCC already registered' },
  tag: { zh: '企业称号', en: 'Tag' },
  issuedBy: { zh: '认定机关', en: 'Issuing authority' },
  validFrom: { zh: '有效期起始日', en: 'Start of validity' },
  validUntil: { zh: '有效期截止日', en: 'End of validity' },
  reason: { zh: '撤销理由', en: 'Reason' },
} satisfies Record<string, Label>;

const FIGURE_LABELS: Record<keyof EnterpriseFigures, Label> = {
  year: { zh: '数据年度', en: 'Year' },
  employees: { zh: '从业人员', en: 'Employees' },
  revenue: { zh: '营业收入（万元）', en: 'Revenue (×10,000 CNY)' },
  assets: { zh: '资产总额（万元）', en: 'Total assets (×10,000 CNY)' },
};

/** A year from the founding year to the current one; employees a whole number; amounts not negative. */
export function checkFigures(input: unknown, foundedOn: string, now: Date): EnterpriseFigures {
  if (typeof input !== 'object' || input === null) throw fieldRequired('figures', { zh: '企业经营数据', en: 'Figures' });
  const figures = input as Partial<Record<keyof EnterpriseFigures, unknown>>;
  const present = (key: keyof EnterpriseFigures): unknown => {
    if (figures[key] === undefined || figures[key] === null) throw fieldRequired(`figures.${key}`, FIGURE_LABELS[key]);
    return figures[key];
  };
  return {
    year: requireInteger(present('year'), 'figures.year', FIGURE_LABELS.year, Number(foundedOn.slice(0, 4)), chinaYearOf(now)),
    employees: requireInteger(present('employees'), 'figures.employees', FIGURE_LABELS.employees, 0, MAX_PERSONS),
    revenue: requireAmount(present('revenue'), 'figures.revenue', FIGURE_LABELS.revenue, 0),
    assets: requireAmount(present('assets'), 'figures.assets', FIGURE_LABELS.assets, 0),
  };
}

export const sameFigures = (a: EnterpriseFigures, b: EnterpriseFigures): boolean =>
  a.year === b.year && a.employees === b.employees && a.revenue === b.revenue && a.assets === b.assets;

/** The class change, if any, that `figures` under `industryCode` bring, by the standard in force at `now`. */
export function reclassify(
  enterprise: { enterpriseId: string; sizeClass: SizeClass | null },
  industryCode: IndustryCode,
  figures: EnterpriseFigures,
  now: Date,
): EnterpriseEvents['EnterpriseSizeClassChanged'][] {
  const today = chinaDateOf(now);
  const standard = sizeStandardOn(today);
  if (standard === undefined) {
    throw conflict('NO_SIZE_STANDARD_IN_FORCE', `${today}无有效的中小企业划型标准`, `No enterprise size standard was in force on ${today}`);
  }
  const { sizeClass, standardId, basis } = classifySize(standard, industryCode, figures);
  if (sizeClass === enterprise.sizeClass) return [];
  return [
    {
      type: 'EnterpriseSizeClassChanged',
      data: {
        enterpriseId: enterprise.enterpriseId,
        from: enterprise.sizeClass,
        to: sizeClass,
        standardId,
        industryCode,
        figuresYear: figures.year,
        basis,
        changedAt: now.toISOString(),
      },
    },
  ];
}

/** DOCUMENT_NUMBER_INVALID unless the 文号 reads 机关代字〔年份〕序号号; undefined when none is given. */
export function checkDocumentNumber(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const documentNumber = isNonBlank(value) ? value.trim() : '';
  if (!isDocumentNumber(documentNumber)) {
    throw invalid(
      'DOCUMENT_NUMBER_INVALID',
      `文号“${String(value)}”格式应为“机关代字〔年份〕序号号”`,
      `Document number "${String(value)}" must read issuer〔YYYY〕number号`,
      'documentNumber',
    );
  }
  return documentNumber;
}
