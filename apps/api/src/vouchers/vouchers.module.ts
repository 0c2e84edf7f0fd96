import { Module } from '@nestjs/common';
import { VoucherClosing } from './voucher-closing.service';
import { VoucherController } from './voucher.controller';

/** 服务券: programmes, applications and the quotas granted from their budgets. */
@Module({ controllers: [VoucherController], providers: [VoucherClosing] })
export class VouchersModule {}
