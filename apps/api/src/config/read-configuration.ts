import { resolve } from 'node:path';
import { ConfigModule } from '@nestjs/config';
import { loadConfig, type AppConfig } from './app-config';

/**
 * The settings as `@nestjs/config` gathers them — the process environment over an optional env file
 * (`ENV_FILE`, default `./.env`; a variable already set wins) — validated by `loadConfig`, which reads
 * every setting and refuses the start with one `ConfigurationError` naming every problem.
 */
export async function readConfiguration(argv: string[] = process.argv): Promise<AppConfig> {
  let config: AppConfig | undefined;
  await ConfigModule.forRoot({
    envFilePath: resolve(process.env.ENV_FILE?.trim() || '.env'),
    validate: (raw) => {
      config = loadConfig(raw as NodeJS.ProcessEnv, argv);
      return raw;
    },
  });
  await ConfigModule.envVariablesLoaded;
  return config!;
}
