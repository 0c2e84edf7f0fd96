import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { backgroundCheckpoints } from '@sme/event-store';
import { getMetadataStorage } from 'class-validator';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { ApiExceptionFilter } from './http/domain-exception.filter';
import { ApiMetrics } from './health/api-metrics';
import { useExposure } from './http/exposure';
import { ExpressWithItsPrototypes } from './http/express-prototypes';
import { bindWithoutDeprecatedAccessor } from './http/async-resource-bind';
import { useJsonBody } from './http/json-body';
import { withConstraints, withRefusals } from './http/openapi';
import { withReadAnswers } from './http/read-answers';
import READ_SCHEMAS from './http/read-schemas.json';
import { createValidationPipe } from './http/validation';

/**
 * Every request DTO's class-validator rules, by class (the library keeps them in one storage; its
 * public API reads them one class at a time, and the classes are many).
 */
function requestRules(): ReadonlyMap<Function, readonly { propertyName: string; name?: string; type: string; constraints?: unknown[]; each?: boolean }[]> {
  return (getMetadataStorage() as unknown as { validationMetadatas: Map<Function, { propertyName: string; name?: string; type: string; constraints?: unknown[]; each?: boolean }[]> }).validationMetadatas;
}

/** Builds the HTTP application (used by main and by the end-to-end tests). */
export async function createApp(config: AppConfig, options: { logger?: false | undefined } = {}): Promise<INestApplication> {
  // The SQLite files' logs are copied back on a worker thread, not by a commit on the event loop.
  backgroundCheckpoints.enable();
  // Per-request functions the framework binds to the request's context, without Node 20's deprecated accessor on each.
  bindWithoutDeprecatedAccessor();
  const app = await NestFactory.create(AppModule.forRoot(config), new ExpressWithItsPrototypes(), { logger: options.logger, bufferLogs: options.logger !== false });
  // The framework's own logs as JSON lines through pino, like the requests' (unless logging is off, as in tests).
  if (options.logger !== false) app.useLogger(app.get(PinoLogger));
  useJsonBody(app, config.bodyLimit);
  useExposure(app, config);
  app.get(ApiMetrics).measureRequests(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  const document = withReadAnswers(withRefusals(withConstraints(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('SME Service Ledger')
      .setDescription(
        'Event-sourced ledger of the SME public service network (中小企业公共服务体系): calls for stations, ' +
          'applications and their review chain, stations and their revocation. Every change is an immutable event.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  ), requestRules())), READ_SCHEMAS);
  if (config.docs) SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  if (config.devTokens) {
    new Logger('Auth').warn(
      'POST /auth/dev-token is ON: anyone can get a token for any role. For local use only; NODE_ENV=production turns it off.',
    );
  }
  await app.init();
  return app;
}
