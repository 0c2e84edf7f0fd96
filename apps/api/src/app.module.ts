import { DynamicModule, MiddlewareConsumer, Module, RequestMethod, type NestModule } from '@nestjs/common';
import { createSecretKey, randomBytes } from 'node:crypto';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { ApplicationController } from './applications/application.controller';
import { ListApplicationsHandler } from './applications/application.handlers';
import { AuditController } from './audit/audit.controller';
import { GetStreamEventsHandler, VerifyChainsHandler } from './audit/audit.handlers';
import { Notary } from './audit/notary';
import { DossierHandler } from './audit/dossier';
import { DevTokenController } from './auth/dev-token.controller';
import { PoliciesModule } from './policies/policies.module';
import { DemandsModule } from './demands/demands.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { EvaluatorsModule } from './evaluators/evaluators.module';
import { ActivitiesModule } from './activities/activities.module';
import { CentresModule } from './centres/centres.module';
import { ErasuresModule } from './erasures/erasures.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { AnnualReportsModule } from './annual-reports/annual-reports.module';
import { TargetsModule } from './targets/targets.module';
import { VouchersModule } from './vouchers/vouchers.module';
import { DocumentsModule } from './documents/documents.module';
import { ExpertsModule } from './experts/experts.module';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { structuredLogs } from './http/logging';
import { PrincipalThrottlerGuard, rateLimits } from './http/rate-limit';
import { ProvidersModule } from './providers/providers.module';
import { ProductsModule } from './products/products.module';
import { CallController } from './calls/call.controller';
import { GetCallHandler, ListCallsHandler, PublishCallListHandler } from './calls/call.handlers';
import { CoreModule } from './commands/core.module';
import type { AppConfig } from './config/app-config';
import { HealthController } from './health/health.controller';
import { Readiness } from './health/readiness';
import { benchControllers } from './health/noop.controller';
import { ETagInterceptor } from './http/etag.interceptor';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { DashboardController, GetSupervisorDashboardHandler } from './dashboard/dashboard';
import { RegionController } from './regions/region.controller';
import { RELAY_PROVIDERS } from './relay';
import { ListStationsHandler } from './stations/station.handlers';
import { PublicStationsController } from './stations/public-stations.controller';
import { StationController } from './stations/station.controller';
import { ReadConsistency } from './read-side/read-consistency';

const handlers = [
  PublishCallListHandler,
  GetCallHandler,
  ListCallsHandler,
  ListApplicationsHandler,
  ListStationsHandler,
  GetStreamEventsHandler,
  VerifyChainsHandler,
  GetSupervisorDashboardHandler,
  Notary,
  DossierHandler,
];

@Module({})
export class AppModule implements NestModule {
  /** Every read runs under its request's read-your-writes context (X-Min-Position); commands need none. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ReadConsistency).forRoutes({ path: '*', method: RequestMethod.GET });
  }

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config),
        CqrsModule.forRoot(),
        rateLimits(config),
        structuredLogs(config),
        TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }),
        CoreModule,
        // Feature modules (one per part of the ledger) go here.
        ProvidersModule,
        ProductsModule,
        ExpertsModule,
        EnterprisesModule,
        PoliciesModule,
        DemandsModule,
        DeliveriesModule,
        EvaluatorsModule,
        ActivitiesModule,
        CentresModule,
        EvaluationsModule,
        AnnualReportsModule,
        TargetsModule,
        VouchersModule,
        DocumentsModule,
        ErasuresModule,
        JwtModule.register({
          // A key object, not the string: jsonwebtoken would otherwise try to parse the string as a
          // public key on every verification before treating it as a secret.
          secret: createSecretKey(Buffer.from(config.jwtSecret || randomBytes(32).toString('hex'), 'utf8')),
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      controllers: [
        HealthController,
        DevTokenController,
        CallController,
        ApplicationController,
        StationController,
        PublicStationsController,
        AuditController,
        RegionController,
        DashboardController,
        ...benchControllers(),
      ],
      providers: [
        TokenVerifier,
        Readiness,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        // After the token guard, so that a known caller is counted as itself, not by its IP.
        { provide: APP_GUARD, useClass: PrincipalThrottlerGuard },
        // Outermost first: the idempotency record must see the ETag the inner one sets.
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ETagInterceptor },
        ...RELAY_PROVIDERS,
        ...handlers,
      ],
    };
  }
}
