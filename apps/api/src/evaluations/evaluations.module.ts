import { Module } from '@nestjs/common';
import { EvaluationController, EvaluationSchemeController } from './evaluation.controller';
import { EvaluationResultsHandler } from './evaluation-results';

/** 综合评价考核: schemes, runs, manual scores, published results and 优胜劣汰. */
@Module({
  controllers: [EvaluationSchemeController, EvaluationController],
  providers: [EvaluationResultsHandler],
})
export class EvaluationsModule {}
