export * from './rules.ts';
export * from './completion.ts';
export * from './audience.ts';
