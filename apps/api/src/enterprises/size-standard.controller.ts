import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  chinaDateOf,
  classifySize,
  conflict,
  DomainError,
  industries,
  sizeMeasures,
  sizeClasses,
  SIZE_STANDARDS,
  sizeStandardOn,
  type SizeFigures,
} from '@sme/domain';
import { Public } from '../auth/auth.decorators';
import { ClassifyQueryDto } from './enterprise.dto';

/** The size standards (划型标准) as data, and the classification they give: public rules, no token needed. */
@ApiTags('size classes (企业划型)')
@Controller()
export class SizeStandardController {
  @Get('size-standards')
  @Public()
  @ApiOperation({ summary: 'Every size standard held (工信部联企业〔2011〕300号 …): document number, effective date, thresholds per industry' })
  standards() {
    const today = chinaDateOf(new Date());
    return {
      inForce: sizeStandardOn(today)?.id ?? null,
      on: today,
      sizeClasses: sizeClasses.labels,
      measures: sizeMeasures.labels,
      standards: SIZE_STANDARDS.map((standard) => ({
        ...standard,
        industries: standard.industries.map((row) => ({ ...row, label: industries.labels[row.industry] })),
      })),
    };
  }

  @Get('size-class')
  @Public()
  @ApiOperation({ summary: 'The size class (大/中/小/微) and its basis for an industry and figures, under the standard in force on a date' })
  classify(@Query() query: ClassifyQueryDto) {
    const on = query.on ?? chinaDateOf(new Date());
    const standard = sizeStandardOn(on);
    if (standard === undefined) {
      throw conflict('NO_SIZE_STANDARD_IN_FORCE', `${on}无有效的中小企业划型标准`, `No enterprise size standard was in force on ${on}`);
    }
    const figures: SizeFigures = {
      ...(query.employees !== undefined ? { employees: query.employees } : {}),
      ...(query.revenue !== undefined ? { revenue: query.revenue } : {}),
      ...(query.assets !== undefined ? { assets: query.assets } : {}),
    };
    let result: ReturnType<typeof classifySize>;
    try {
      result = classifySize(standard, query.industryCode, figures, 'figures');
    } catch (error) {
      // The figures come as query parameters of their own: name them as such.
      if (error instanceof DomainError && error.field?.startsWith('figures.')) {
        throw new DomainError(error.code, error.kind, error.messageZh, error.messageEn, error.field.slice('figures.'.length));
      }
      throw error;
    }
    return { on, documentNumber: standard.documentNumber, ...result, label: sizeClasses.labels[result.sizeClass] };
  }
}
