export * from './errors.ts';
export * from './rules.ts';
export * from './graph.ts';
export * from './numbering.ts';
export * from './tasks.ts';
