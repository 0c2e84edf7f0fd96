export * from './builders';
export * from './event-spec';
