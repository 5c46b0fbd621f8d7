// Starts the API (and the web app's files) on HOST:PORT; migrations run first, demo data when asked.
import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { createApp } from './app/create-app';
import type { AppConfig } from './config/app-config';

async function main(): Promise<void> {
  const app = await createApp();
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  await app.listen({ port: config.get('PORT', { infer: true }), host: config.get('HOST', { infer: true }) });
}

main().catch((error: unknown) => {
  console.error('The API could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
