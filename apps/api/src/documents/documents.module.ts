import { join } from 'node:path';
import { Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DocumentsController } from './documents.controller';
import { EVIDENCE_FILES, FileSystemEvidenceFiles, type EvidenceFiles } from './evidence-files';
import { GridFsEvidenceFiles } from './gridfs-evidence-files';

/** 证明材料: the files whose digests the ledger's events fix, content-addressed, opened under their records' read rules. */
@Module({
  controllers: [DocumentsController],
  providers: [
    {
      provide: EVIDENCE_FILES,
      useFactory: async (config: AppConfig): Promise<EvidenceFiles> =>
        config.evidenceFiles === 'gridfs' ? GridFsEvidenceFiles.connect(config.mongodbUrl!) : new FileSystemEvidenceFiles(join(config.dataDir, 'documents')),
      inject: [APP_CONFIG],
    },
  ],
  exports: [EVIDENCE_FILES],
})
export class DocumentsModule implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(EVIDENCE_FILES) private readonly files: EvidenceFiles) {}

  onModuleInit(): void {
    new Logger('Documents').log(`Evidence files in ${this.files.description}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.files.close?.();
  }
}
