import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';

/**
 * What the API shows of itself to a browser and a scanner: helmet's security headers (no X-Powered-By,
 * nosniff, frame-ancestors 'none', a content security policy that lets /docs run its own scripts and
 * styles only, HSTS when HSTS=on behind TLS) and CORS for the CORS_ORIGINS listed, none by default.
 */
export function useExposure(app: INestApplication, config: AppConfig): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: config.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Min-Position', 'X-Correlation-Id', 'X-Causation-Id'],
      exposedHeaders: ['ETag', 'Location', 'Idempotent-Replayed', 'Retry-After'],
    });
  }
}
