import { Module } from '@nestjs/common';
import { FaqController } from './faq.controller';
import { PolicyController } from './policy.controller';
import {
  EligibleEnterprisesHandler,
  EligiblePoliciesHandler,
  ListFaqsHandler,
  ListPoliciesHandler,
  PushPolicyHandler,
} from './policy.handlers';

/** 基础信息库: policies and regulations, policy matching and pushes, FAQs. */
@Module({
  controllers: [PolicyController, FaqController],
  providers: [
    PushPolicyHandler,
    ListPoliciesHandler,
    ListFaqsHandler,
    EligibleEnterprisesHandler,
    EligiblePoliciesHandler,
  ],
})
export class PoliciesModule {}
