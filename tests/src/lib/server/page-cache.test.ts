// The shared page cache: which query parameters make a key (checked against the routes' code),
// which requests may share answers, and the disk store keyed by database and build.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptsGzip } from '../../../../src/lib/server/handles/cached-answer';
import {
	CACHE_QUERY_PARAMS,
	cacheKey,
	isShareable
} from '../../../../src/lib/server/handles/page-cache';
import { PageStore, parseStored, storeIdentity } from '../../../../src/lib/server/page-store';
import { listFiles } from '../../../../pipelines/lib/files';

describe('cacheKey', () => {
	it('leaves unknown parameters out and sorts the known ones', () => {
		expect(cacheKey(new URL('http://x/contrats/CV001?x=1&utm=2'))).toBe('/contrats/CV001');
		expect(cacheKey(new URL('http://x/contrats?tri=nom&region=84&x=1'))).toBe(
			'/contrats?region=84&tri=nom'
		);
		// Repeated values keep their order: a route reads the first one.
		expect(cacheKey(new URL('http://x/contrats?q=b&x=0&q=a'))).toBe('/contrats?q=b&q=a');
	});

	it('knows every query parameter a route reads', () => {
		const read = new Set<string>();
		const files = ['src/routes', 'src/lib/server'].flatMap((dir) =>
			listFiles(dir)
				.filter((f) => f.endsWith('.ts'))
				.map((f) => join(dir, f))
		);
		for (const file of files) {
			const code = readFileSync(file, 'utf8');
			for (const m of code.matchAll(/searchParams\.get\('(\w+)'\)|param\(url, '(\w+)'\)/g)) {
				read.add(m[1] ?? m[2]!);
			}
		}
		expect(read.size).toBeGreaterThan(5);
		expect([...read].filter((p) => !CACHE_QUERY_PARAMS.includes(p))).toEqual([]);
	});
});

describe('isShareable', () => {
	it('shares anonymous GET and HEAD only', () => {
		expect(isShareable(new Request('http://x/'))).toBe(true);
		expect(isShareable(new Request('http://x/', { method: 'HEAD' }))).toBe(true);
		expect(isShareable(new Request('http://x/', { method: 'POST' }))).toBe(false);
		expect(isShareable(new Request('http://x/', { headers: { cookie: 'session=1' } }))).toBe(false);
		expect(isShareable(new Request('http://x/', { headers: { authorization: 'Basic x' } }))).toBe(
			false
		);
	});
});

describe('acceptsGzip', () => {
	it('reads Accept-Encoding as browsers and curl send it', () => {
		expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
		expect(acceptsGzip('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe(true);
		expect(acceptsGzip('GZIP')).toBe(true);
		expect(acceptsGzip('x-gzip')).toBe(true);
		expect(acceptsGzip('*')).toBe(true);
		expect(acceptsGzip(null)).toBe(false);
		expect(acceptsGzip('')).toBe(false);
		expect(acceptsGzip('identity')).toBe(false);
		expect(acceptsGzip('br, deflate')).toBe(false);
		// Refused explicitly, even when anything else is allowed.
		expect(acceptsGzip('gzip;q=0')).toBe(false);
		expect(acceptsGzip('*, gzip;q=0')).toBe(false);
		expect(acceptsGzip('gzip; q=0.000')).toBe(false);
		expect(acceptsGzip('*;q=0')).toBe(false);
	});
});

describe('PageStore', () => {
	const page = {
		status: 200,
		headers: [['content-type', 'text/html']] as [string, string][],
		gzip: gzipSync('<p>é</p>')
	};

	it('gives back what it kept, per key, and only for its own database and build', async () => {
		const root = mkdtempSync(join(tmpdir(), 'pages-'));
		const db = join(root, 'base.duckdb');
		writeFileSync(db, 'données');
		const identity = storeIdentity(db, '1700000000000');
		expect(identity).toMatch(/^8-\d+-1700000000000$/);
		const store = new PageStore(join(root, 'cache'), identity);
		await store.set('/contrats/CV001', page);
		expect(store.has('/contrats/CV001')).toBe(true);
		const back = await store.get('/contrats/CV001');
		expect(back).toEqual(page);
		expect(gunzipSync(back!.gzip).toString()).toBe('<p>é</p>');
		expect(await store.get('/contrats/CV002')).toBeUndefined();
		// A new build (or database) opens a fresh store and removes the old one.
		const next = new PageStore(join(root, 'cache'), storeIdentity(db, '1700000000001'));
		expect(await next.get('/contrats/CV001')).toBeUndefined();
		expect(readdirSync(join(root, 'cache'))).toEqual([storeIdentity(db, '1700000000001')]);
	});

	it('keeps one JSON line then the gzip bytes as they are sent', async () => {
		const root = mkdtempSync(join(tmpdir(), 'pages-'));
		const store = new PageStore(root, 'x');
		await store.set('/mesures/M01', page);
		const [name] = readdirSync(store.dir);
		const bytes = readFileSync(join(store.dir, name!));
		const line = '{"key":"/mesures/M01","status":200,"headers":[["content-type","text/html"]]}\n';
		expect(bytes.subarray(0, Buffer.byteLength(line)).toString()).toBe(line);
		expect(bytes.subarray(Buffer.byteLength(line))).toEqual(page.gzip);
	});

	it('reads another key, a whole-gzip file of the old layout or garbage as a miss', () => {
		const stored = Buffer.concat([
			Buffer.from('{"key":"/a","status":200,"headers":[]}\n'),
			page.gzip
		]);
		expect(parseStored('/a', stored)?.gzip).toEqual(page.gzip);
		expect(parseStored('/b', stored)).toBeUndefined();
		expect(
			parseStored('/a', gzipSync(JSON.stringify({ key: '/a', response: {} })))
		).toBeUndefined();
		expect(parseStored('/a', Buffer.from('{"key":"/a"}\nnot gzip'))).toBeUndefined();
		expect(parseStored('/a', Buffer.from(''))).toBeUndefined();
	});
});
