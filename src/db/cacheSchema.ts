// One row per in-process cache (src/db/cache.ts): a value that changes in the same transaction as
// the data the cache holds, so every process sees a change on its next request.
import { pgTable, text } from 'drizzle-orm/pg-core';

export const cacheVersions = pgTable('cache_versions', {
  name: text('name').primaryKey(),
  /** A fresh random value at every change (never a counter: a restored backup cannot repeat one). */
  version: text('version').notNull(),
});
