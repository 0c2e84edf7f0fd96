export * from './size-standard';
export * from './miit-2011-300';
export * from './classify-size';
