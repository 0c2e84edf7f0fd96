import type { Actor, DomainCommand } from '../decider';
import { at } from './actors';

/** The data of one type of a command union, less the fields a builder fills in (`Filled`). */
export type CommandData<C extends DomainCommand, T extends C['type'], Filled extends PropertyKey = never> = Omit<Extract<C, { type: T }>['data'], Filled>;

/**
 * The commands on one record, for a test: the record's id is filled in (a test may still name
 * another), and the actor and business time default to the test's usual ones.
 *
 *   const cmd = commandsOn<StationCommand>()({ stationId: STATION_ID }, owner, NOW);
 *   cmd('SignCovenant', { covenantVersion: '穗2019版' }, hub);
 */
export const commandsOn =
  <C extends DomainCommand>() =>
  <Id extends object>(id: Id, actor: Actor, now: string) =>
  <T extends C['type']>(type: T, data: CommandData<C, T, keyof Id> & Partial<Id>, by = actor, when = now): Extract<C, { type: T }> =>
    ({ type, data: { ...id, ...data }, metadata: at(when, by) }) as unknown as Extract<C, { type: T }>;

/**
 * A command from the test's usual data with some fields replaced (as `unknown`: a test sends what a
 * client might); the actor and business time default to the test's usual ones.
 *
 *   const designate = commandWith('DesignateStation', designation, cityBureau, NOW);
 *   designate({ name: ' ' }, hub);
 */
export const commandWith =
  <T extends string, D extends object>(type: T, data: D, actor: Actor, now: string) =>
  (changes: Partial<Record<keyof D, unknown>> = {}, by = actor, when = now): DomainCommand<T, D> => ({
    type,
    data: { ...data, ...changes } as D,
    metadata: at(when, by),
  });
