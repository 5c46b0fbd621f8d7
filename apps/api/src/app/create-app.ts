// Builds the Fastify-based Nest application with everything main.ts and the integration tests share:
// security headers, cookies, validation, the error filter, OpenAPI and the web app's static files.
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AllExceptionsFilter, type WebAppIndex } from '../common/all-exceptions.filter';
import { createValidationPipe } from '../common/validation';
import type { AppConfig } from '../config/app-config';
import { parseTrustProxy } from '../config/trust-proxy';
import { seedDemoData } from '../database/demo/demo-seed';
import { runMigrations } from '../database/migrate';
import { AppModule } from './app.module';

const BODY_LIMIT_BYTES = 256 * 1024;

export async function createApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const trustProxy = parseTrustProxy(process.env['TRUST_PROXY']);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy, routerOptions: { maxParamLength: 200 } }),
    { bufferLogs: true, logger: options.logger === false ? false : undefined },
  );
  if (options.logger !== false) app.useLogger(app.get(Logger));
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);

  await runMigrations(app.get(DataSource), config.get('MIGRATION_DATABASE_URL', { infer: true }));
  if (config.get('SEED_DEMO', { infer: true })) await seedDemoData(app.get(DataSource), config.get('DEMO_PASSWORD', { infer: true }));

  const behindTls = config.get('COOKIE_SECURE', { infer: true });
  await app.register(fastifyHelmet, {
    // HSTS and upgrade-insecure-requests only where the site is served over TLS (not the localhost demo).
    hsts: behindTls,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: behindTls ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Angular and Material set element styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(fastifyCookie);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      if (request.url.startsWith('/api')) void reply.header('cache-control', 'no-store');
      return payload;
    });

  const webApp = await serveWebApp(app, config.get('WEB_DIST', { infer: true }));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(webApp));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Migration Information Hubs — case tracking API')
      .setDescription('Hub staff, supervisors, admins and counselors. Every route needs a bearer token unless marked public.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/**
 * Serves the built Angular app with the .br/.gz copies made at build time (tools/build/compress-web.mjs).
 * Hashed files are cached for a year; index.html, the service worker's files and the manifest are
 * revalidated on every use, so a new deployment reaches users at their next start.
 */
async function serveWebApp(app: NestFastifyApplication, dist: string | undefined): Promise<WebAppIndex | null> {
  const index = dist ? join(dist, 'index.html') : null;
  if (!dist || !index || !existsSync(index)) return null;
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    setHeaders: (reply, path) => {
      const hashed = /-[A-Z0-9]{8}\.(js|css)(\.br|\.gz)?$/.test(path) || /\/media\//.test(path);
      void reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const compressed = (extension: string) => (existsSync(index + extension) ? readFileSync(index + extension) : undefined);
  return { html: readFileSync(index, 'utf8'), br: compressed('.br'), gzip: compressed('.gz') };
}
