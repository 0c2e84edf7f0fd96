export * from './actors';
export * from './commands';
export * from './given-when-then';
export * from './guangzhou';
