// JavaScript a page makes the browser download: the <script src>, modulepreload links and the
// dynamic imports of SvelteKit's inline start script, measured gzipped from build/client.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Same-origin script URLs referenced by `html`, resolved against `pageUrl`, as paths. */
export function scriptPaths(html: string, pageUrl: string): string[] {
	const found = new Set<string>();
	const add = (ref: string) => {
		const url = new URL(ref, pageUrl);
		if (url.origin === new URL(pageUrl).origin && url.pathname.endsWith('.js')) {
			found.add(url.pathname);
		}
	};
	for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)) add(m[1]!);
	for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
		if (!/\brel=["']?modulepreload/i.test(m[0])) continue;
		const href = /\bhref=["']([^"']+)["']/i.exec(m[0]);
		if (href) add(href[1]!);
	}
	for (const m of html.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) add(m[1]!);
	return [...found].sort();
}

/** Gzipped size in bytes of a built client file (the precompressed .gz when adapter-node made one). */
export function gzipSize(path: string, clientDir = 'build/client'): number {
	const file = join(clientDir, path);
	if (existsSync(`${file}.gz`)) return readFileSync(`${file}.gz`).length;
	if (!existsSync(file)) throw new Error(`script introuvable dans ${clientDir} : ${path}`);
	return gzipSync(readFileSync(file), { level: 9 }).length;
}

export interface JsWeight {
	files: number;
	gzipBytes: number;
}

export function pageJsWeight(html: string, pageUrl: string, clientDir = 'build/client'): JsWeight {
	const paths = scriptPaths(html, pageUrl);
	return {
		files: paths.length,
		gzipBytes: paths.reduce((sum, p) => sum + gzipSize(p, clientDir), 0)
	};
}
