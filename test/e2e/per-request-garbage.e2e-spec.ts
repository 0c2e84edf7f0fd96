import { AsyncResource } from 'node:async_hooks';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Express } from 'express';
import { useSpecApp } from './support/spec-app';

/**
 * Two things the HTTP stack would otherwise do on every request that keep the request alive past the
 * young generation's collections (docs/adr/0016-per-request-garbage.md). The figures live in `bench/`;
 * these check that the API is built the way that avoids them, and still answers.
 */
describe('no per-request objects that outlive their request', () => {
  const { app } = useSpecApp();

  it('the server builds each request and answer with Express’s prototypes, so Express has none to change', async () => {
    const server = app().app.getHttpServer() as Server;
    const express = app().app.getHttpAdapter().getInstance() as Express;
    const seen: { request?: object | null; response?: object | null } = {};
    // Before Express's own listener: the objects as the server made them.
    const look = (request: IncomingMessage, response: ServerResponse) => {
      seen.request = Object.getPrototypeOf(request) as object | null;
      seen.response = Object.getPrototypeOf(response) as object | null;
    };
    server.prependListener('request', look);
    try {
      const answer = await app().http.get('/health/live').expect(200);
      expect(answer.body).toEqual({ status: 'ok' });
    } finally {
      server.removeListener('request', look);
    }
    expect(seen.request).toBe(express.request);
    expect(seen.response).toBe(express.response);
  });

  it('a function bound to the current async context carries no accessor of its own', () => {
    // Node 20's own AsyncResource.bind defines a deprecated `asyncResource` accessor on each.
    const bound = AsyncResource.bind(() => 1);
    expect(Object.getOwnPropertyNames(bound)).not.toContain('asyncResource');
    expect(bound()).toBe(1);
  });
});
