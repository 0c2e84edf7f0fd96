export * from './event-catalogue';
export * from './cloudevents';
