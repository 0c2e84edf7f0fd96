import { expertKind, type ExpertCommand } from '@sme/domain';
import type { KindCommands } from '../commands/kind-command';

export const expertCommands: KindCommands<ExpertCommand> = { kind: expertKind, idOf: (command) => command.data.expertId };
