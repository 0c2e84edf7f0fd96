export * from './targets';
export * from './target-scope';
export * from './prefecture-cities';
