import { Module } from '@nestjs/common';
import { EvaluatorDataController } from './evaluator-data.controller';

/** 评价数据: the year's underlying records for evaluators, as JSON, CSV and XLSX. */
@Module({ controllers: [EvaluatorDataController] })
export class EvaluatorsModule {}
