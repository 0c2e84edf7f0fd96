import { Body, Controller, Inject, Logger, NotFoundException, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@sme/domain/shared/decider';
import { REGION_CODE_PATTERN } from '@sme/domain/shared/region-code';
import { IsRegionCode } from '../http/validators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Public } from './auth.decorators';

export class DevTokenRequestDto {
  @ApiProperty({ example: 'city-officer-1' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  sub!: string;

  @ApiProperty({ enum: ROLES, example: 'CITY_AUTHORITY' })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: '11440100MB2C92640X', description: 'Organisation id (a USCC for legal persons)' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  orgId!: string;

  @ApiProperty({ example: '440100', description: 'GB/T 2260 region code', pattern: REGION_CODE_PATTERN })
  @IsRegionCode()
  regionCode!: string;
}

/** Local-only token issuer. Never available with NODE_ENV=production. */
@ApiTags('auth')
@Controller('auth')
export class DevTokenController {
  private readonly logger = new Logger('DevToken');

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('dev-token')
  @ApiOperation({ summary: 'Issue a token for local use (disabled in production)' })
  async issue(@Body() dto: DevTokenRequestDto): Promise<{ token: string; expiresIn: number }> {
    if (!this.config.devTokens) throw new NotFoundException();
    this.logger.warn(
      `!!! DEV TOKEN issued for ${dto.sub} as ${dto.role} (${dto.orgId}, ${dto.regionCode}). ` +
        'Anyone can obtain any role here: never expose this server. Set NODE_ENV=production to disable. !!!',
    );
    const token = await this.jwt.signAsync({ ...dto }, { expiresIn: this.config.jwtTtlSeconds });
    return { token, expiresIn: this.config.jwtTtlSeconds };
  }
}
