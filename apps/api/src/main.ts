import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigurationError } from './config/app-config';
import { readConfiguration } from './config/read-configuration';
import { loadDemoData } from './demo/demo-loader';

async function main(): Promise<void> {
  const config = await readConfiguration();
  const app = await createApp(config);
  if (config.demo) await loadDemoData(app);
  await app.listen(config.port, config.host);
  new Logger('Main').log(`SME Service Ledger listening on http://${config.host}:${config.port} (${config.mode} mode)${config.docs ? '; API docs at /docs' : ''}`);
}

main().catch((error: unknown) => {
  // A configuration refused is named problem by problem, without a stack trace.
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
