import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { COMMAND_ROUTE, type CommandRouteMetadata } from '../../../apps/api/src/auth/auth.decorators';

export interface CommandRoute extends CommandRouteMetadata {
  method: string;
  /** The route's path with its parameters, e.g. `/stations/:id/covenant`. */
  path: string;
}

const join = (...parts: (string | undefined)[]) =>
  `/${parts
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p !== '')
    .join('/')}`;

/** Every route of the running app that runs one command of a record kind (`@CommandRoute`). */
export function commandRoutes(app: INestApplication): CommandRoute[] {
  const routes: CommandRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name] as unknown;
        if (typeof handler !== 'function') continue;
        const command = Reflect.getMetadata(COMMAND_ROUTE, handler) as CommandRouteMetadata | undefined;
        if (!command) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        routes.push({ ...command, method, path: join(base, Reflect.getMetadata(PATH_METADATA, handler) as string) });
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
