import { PersonalDataReads } from '../audit/personal-data-reads';
import { Global, Module } from '@nestjs/common';
import { ReadConsistency } from '../read-side/read-consistency';
import { ReadSide } from '../read-side/read-side.service';
import { RecordLoader } from '../records/record-loader';
import { CommandExecutor } from './command-executor';
import { ExecuteKindHandler } from './kind-command.handler';
import { GetRecordHandler } from '../records/record-query';
import { Reactors } from '../reactors/reactors.service';

/**
 * What every feature module uses: the command executor (envelope + shared handler), the one handler of
 * every kind's commands and the one query of a single record, the loader of records, and the read side
 * (projections, reader, freshness), and the reactions (so that a route can wait for its follow-ups). A feature module imports nothing else to write commands and read
 * its lists.
 */
@Global()
@Module({
  providers: [CommandExecutor, ExecuteKindHandler, GetRecordHandler, PersonalDataReads, RecordLoader, ReadSide, ReadConsistency, Reactors],
  exports: [CommandExecutor, RecordLoader, ReadSide, ReadConsistency, Reactors],
})
export class CoreModule {}
