// The one schema: every module's tables, for Drizzle and drizzle-kit.
export * from '../modules/directory/schema.ts';
export * from '../modules/accounts/schema.ts';
export * from '../modules/audit/schema.ts';
export * from '../modules/documents/schema.ts';
export * from './searchSchema.ts';
export * from '../modules/petitions/schema.ts';
export * from '../modules/textSettings/schema.ts';
export * from '../modules/notifications/schema.ts';
export * from './cacheSchema.ts';
export * from '../modules/sessions/schema.ts';
export * from '../modules/sessions/verificationSchema.ts';
export * from '../modules/sessions/portalSchema.ts';
export * from '../modules/sessions/convocationSchema.ts';
export * from '../modules/elections/schema.ts';
export * from '../modules/elections/votersSchema.ts';
export * from '../modules/elections/daySchema.ts';
