export * from './shared/decider';
export * from './shared/domain-error';

export * from './call/call.commands';
export * from './call/call.events';
export * from './call/call.snapshot';

export * from './application/application.form';
export * from './application/application.commands';
export * from './application/application.events';

export * from './station/revocation-grounds';
export * from './station/station.commands';
export * from './station/station.events';
