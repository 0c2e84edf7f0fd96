import { Module } from '@nestjs/common';
import { VoucherController } from './voucher.controller';

/** 服务券: programmes, applications and the quotas granted from their budgets. */
@Module({ controllers: [VoucherController] })
export class VouchersModule {}
