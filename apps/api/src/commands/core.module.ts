import { Global, Module } from '@nestjs/common';
import { ReadConsistency } from '../read-side/read-consistency';
import { ReadSide } from '../read-side/read-side.service';
import { RecordLoader } from '../records/record-loader';
import { CommandExecutor } from './command-executor';
import { ExecuteKindHandler } from './kind-command.handler';
import { GetRecordHandler } from '../records/record-query';

/**
 * What every feature module uses: the command executor (envelope + shared handler), the one handler of
 * every kind's commands and the one query of a single record, the loader of records, and the read side
 * (projections, reader, freshness). A feature module imports nothing else to write commands and read
 * its lists.
 */
@Global()
@Module({
  providers: [CommandExecutor, ExecuteKindHandler, GetRecordHandler, RecordLoader, ReadSide, ReadConsistency],
  exports: [CommandExecutor, RecordLoader, ReadSide, ReadConsistency],
})
export class CoreModule {}
