import { Module } from '@nestjs/common';
import { ErasureController } from './erasure.controller';
import { ListErasuresHandler } from './erasure.handlers';

/** 个人信息删除: erasure requests, their four-eyes decision, and the keys' deletion (crypto-shredding). */
@Module({
  controllers: [ErasureController],
  providers: [ListErasuresHandler],
})
export class ErasuresModule {}
