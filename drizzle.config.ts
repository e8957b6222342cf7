import { defineConfig } from 'drizzle-kit';

// Only for generating migrations (npm run db:generate). The app runs them from code at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
