import { join } from 'node:path';
import { Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DocumentsController } from './documents.controller';
import { EVIDENCE_FILES, FileSystemEvidenceFiles, type EvidenceFiles } from './evidence-files';

/** 证明材料: the files whose digests the ledger's events fix, content-addressed, opened under their records' read rules. */
@Module({
  controllers: [DocumentsController],
  providers: [{ provide: EVIDENCE_FILES, useFactory: (config: AppConfig) => new FileSystemEvidenceFiles(join(config.dataDir, 'documents')), inject: [APP_CONFIG] }],
  exports: [EVIDENCE_FILES],
})
export class DocumentsModule implements OnModuleInit {
  constructor(@Inject(EVIDENCE_FILES) private readonly files: EvidenceFiles) {}

  onModuleInit(): void {
    new Logger('Documents').log(`Evidence files in ${this.files.description}`);
  }
}
