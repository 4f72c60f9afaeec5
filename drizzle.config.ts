// drizzle-kit: generates the workspace migrations (one set for PGlite and a PostgreSQL server).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/workspace/schema.ts',
	out: './migrations/workspace'
});
