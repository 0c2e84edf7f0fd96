export * from './views';
export * from './view-version';
export * from './call.projection';
export * from './application.projection';
export * from './station.projection';
export * from './in-memory-read-model';
export * from './queries';
