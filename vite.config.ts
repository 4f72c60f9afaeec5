// Vite + Vitest configuration. Tests run in Node against the real DuckDB build.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['data'] } },
	ssr: { external: ['@duckdb/node-api'] },
	test: {
		include: ['tests/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 180_000,
		pool: 'forks'
	}
});
