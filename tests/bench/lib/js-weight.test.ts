import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { pageJsWeight, scriptPaths } from '../../../bench/lib/js-weight';

// The shape of a SvelteKit page: modulepreload links, relative dynamic imports in the start script.
const html = `<!doctype html><html><head>
<link href="../_app/immutable/entry/start.A.js" rel="modulepreload">
<link rel="modulepreload" href="/_app/immutable/chunks/B.js">
<link rel="stylesheet" href="/_app/immutable/assets/0.css">
<script type="module" src="https://cdn.example.org/x.js"></script>
</head><body><script>
Promise.all([import("../_app/immutable/entry/start.A.js"), import("../_app/immutable/entry/app.C.js")]);
</script></body></html>`;

describe('scriptPaths', () => {
	it('collects same-origin scripts from preload links and dynamic imports, once each', () => {
		expect(scriptPaths(html, 'http://127.0.0.1:4174/contrats/CV001')).toEqual([
			'/_app/immutable/chunks/B.js',
			'/_app/immutable/entry/app.C.js',
			'/_app/immutable/entry/start.A.js'
		]);
	});

	it('finds nothing on a page without JavaScript', () => {
		expect(scriptPaths('<html><body><h1>x</h1></body></html>', 'http://127.0.0.1/')).toEqual([]);
	});
});

describe('pageJsWeight', () => {
	const dir = mkdtempSync(join(tmpdir(), 'js-weight-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('sums the precompressed .gz sizes, gzipping files that have none', () => {
		mkdirSync(join(dir, '_app/immutable/entry'), { recursive: true });
		mkdirSync(join(dir, '_app/immutable/chunks'), { recursive: true });
		const big = 'export const x = 1;\n'.repeat(200);
		writeFileSync(join(dir, '_app/immutable/entry/start.A.js'), big);
		writeFileSync(join(dir, '_app/immutable/entry/start.A.js.gz'), Buffer.alloc(100));
		writeFileSync(join(dir, '_app/immutable/entry/app.C.js'), big);
		writeFileSync(join(dir, '_app/immutable/chunks/B.js'), 'export {};');
		const expected =
			100 + gzipSync(big, { level: 9 }).length + gzipSync('export {};', { level: 9 }).length;
		expect(pageJsWeight(html, 'http://127.0.0.1:4174/contrats/CV001', dir)).toEqual({
			files: 3,
			gzipBytes: expected
		});
	});

	it('throws when a referenced script is not in the build', () => {
		const page = '<script type="module" src="/_app/missing.js"></script>';
		expect(() => pageJsWeight(page, 'http://127.0.0.1/', dir)).toThrow(/introuvable/);
	});
});
