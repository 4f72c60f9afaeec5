// SvelteKit configuration: Node adapter, strict CSP set by the framework (hashes for inline scripts).
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's version is a hash of what it is built from (not the build time): the disk page store
 * is keyed by it, so a restart of unchanged code keeps its prerendered pages (scripts/prerender.ts).
 */
function sourceHash() {
	const hash = createHash('sha256');
	const root = fileURLToPath(new URL('.', import.meta.url));
	const walk = (path) => {
		const full = join(root, path);
		if (statSync(full).isDirectory())
			for (const name of readdirSync(full).sort()) walk(join(path, name));
		else hash.update(path).update(readFileSync(full));
	};
	for (const path of ['src', 'static', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'])
		walk(path);
	return hash.digest('hex').slice(0, 16);
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		version: { name: sourceHash() },
		// Replaced by src/lib/server/handles/origin-check.ts, which compares with the origin the
		// browser used (adapter-node assumes https when ORIGIN is not set).
		csrf: { trustedOrigins: ['*'] },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
