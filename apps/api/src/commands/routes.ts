import { applyDecorators, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { DomainCommand, Role } from '@sme/domain/shared/decider';
import type { RecordKind } from '@sme/domain/shared/record-kind';
import { CommandRoute, Roles } from '../auth/auth.decorators';
import { CommandResultDto } from './command-result.dto';

/** A controller whose routes take a bearer token: mounted at `path`, listed in the API docs under `tag`. */
export const TokenController = (tag: string, path?: string) =>
  applyDecorators(ApiTags(tag), ApiBearerAuth(), path === undefined ? Controller() : Controller(path));

/** Where a command route is mounted and how the API docs describe it. */
export interface CommandPostRoute {
  /** Below the controller's path; the controller's path itself when not given. */
  path?: string;
  summary: string;
  /** The status of a success: 200 unless 201 Created (Nest's default for POST) is given. */
  status?: 200 | 201;
}

/** A POST route that runs one command of a record kind (`@CommandRoute`). */
export const CommandPost = <C extends DomainCommand>(
  kind: Pick<RecordKind<C, never, never>, 'name' | 'access'>,
  command: C['type'],
  route: CommandPostRoute,
) =>
  applyDecorators(
    Post(route.path),
    ...(route.status === 201 ? [] : [HttpCode(200)]),
    CommandRoute(kind, command),
    ApiOperation({ summary: route.summary }),
    ApiResponse({ status: route.status ?? 200, type: CommandResultDto, description: 'Written: the record, its revision (ETag), the log position and the events; a new record’s Location' }),
  );

/** Where a read route is mounted, who may call it and how the API docs describe it. */
export interface ReadRouteOptions {
  /** Below the controller's path; the controller's path itself when not given. */
  path?: string;
  summary: string;
  /** Only these roles may call the route; any authenticated actor when not given. */
  roles?: readonly Role[];
}

/** A GET route that reads records. */
export const ReadRoute = (route: ReadRouteOptions) =>
  applyDecorators(Get(route.path), ...(route.roles ? [Roles(...route.roles)] : []), ApiOperation({ summary: route.summary }));
