import type { Decider, DomainCommand, DomainEvent } from '@sme/domain/shared/decider';
import type { LegacyKind } from './command-executor';

/** A kind not yet moved to a RecordKind descriptor (transitional). */
export const legacyKind = <C extends DomainCommand, S, E extends DomainEvent>(
  prefix: string,
  decider: Decider<C, S, E>,
  schemaVersions: Record<string, number>,
): LegacyKind<C, S, E> => ({ streamId: (id) => `${prefix}-${id}`, decider, schemaVersions });
