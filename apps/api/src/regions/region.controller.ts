import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtsOf, regionNameZh } from '@sme/domain';
import { Public } from '../auth/auth.decorators';
import { ApiError } from '../http/api-error';
import { DISTRICT_AUTHORITIES } from './district-authorities';

@ApiTags('regions')
@Controller('regions')
export class RegionController {
  @Public()
  @Get(':cityCode/districts')
  @ApiOperation({ summary: 'The districts of a city (GB/T 2260) with their SME authority, where held as data' })
  districts(@Param('cityCode') cityCode: string) {
    const districts = districtsOf(cityCode);
    if (!districts) {
      throw ApiError.notFound('CITY_NOT_KNOWN', `未收录城市 ${cityCode} 的区县数据`, `No district data is held for city ${cityCode}`);
    }
    return {
      cityCode,
      cityName: regionNameZh(cityCode),
      items: districts.map((d) => ({ ...d, authority: DISTRICT_AUTHORITIES[d.code] ?? null })),
      total: districts.length,
    };
  }
}
