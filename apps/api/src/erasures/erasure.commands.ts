import { erasureKind, type ErasureCommand } from '@sme/domain';
import type { CommandBody } from '../commands/command-body';
import type { KindCommands } from '../commands/kind-command';

/** How erasure commands run: as given (the controller resolves the record's subjects first). */
export const erasureCommands: KindCommands<ErasureCommand> = { kind: erasureKind, idOf: (command: CommandBody<ErasureCommand>) => command.data.erasureId };
