import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isCacheable, ResponseCache } from '../../../../src/lib/server/response-cache';

const entry = (body: string) => ({
	status: 200,
	headers: [['content-type', 'text/html']] as [string, string][],
	gzip: gzipSync(body)
});
/** What one entry of key `/x` counts (gzip bytes, key in UTF-16, 512 for the headers). */
const cost = (e: { gzip: Buffer; plain?: Buffer }) =>
	e.gzip.byteLength + (e.plain?.byteLength ?? 0) + 2 * 2 + 512;

describe('ResponseCache', () => {
	it('returns what was stored for a key', () => {
		const cache = new ResponseCache(10_000);
		cache.set('/a', entry('page a'));
		expect(cache.get('/a')?.gzip).toEqual(gzipSync('page a'));
		expect(cache.get('/b')).toBeUndefined();
	});

	it('evicts the least recently used entries when over its byte budget', () => {
		const [a, b, c] = [entry('aaaaaaaaaa'), entry('bbbbbbbbbb'), entry('cccccccccc')];
		// Room for two entries, not three.
		const cache = new ResponseCache(cost(a) + cost(b) + cost(c) - 1);
		cache.set('/a', a);
		cache.set('/b', b);
		cache.get('/a');
		cache.set('/c', c);
		expect(cache.get('/b')).toBeUndefined();
		expect(cache.get('/a')).toBe(a);
		expect(cache.get('/c')).toBe(c);
		expect(cache.usedBytes).toBe(cost(a) + cost(c));
	});

	it('counts the plain body kept beside the gzip one, once', () => {
		const cache = new ResponseCache(100_000);
		const a = entry('page a');
		cache.set('/a', a);
		const withPlain = { ...a, plain: Buffer.from('page a') };
		cache.set('/a', withPlain);
		expect(cache.usedBytes).toBe(cost(withPlain));
		cache.forget('/a');
		expect(cache.usedBytes).toBe(0);
	});

	it('does not store an entry larger than the whole budget', () => {
		const cache = new ResponseCache(100);
		cache.set('/big', entry('x'.repeat(100)));
		expect(cache.size).toBe(0);
	});
});

describe('isCacheable', () => {
	it('caches successful GET pages and JSON only', () => {
		expect(isCacheable('GET', 200, 'text/html; charset=utf-8')).toBe(true);
		expect(isCacheable('GET', 200, 'application/json')).toBe(true);
		expect(isCacheable('GET', 404, 'text/html')).toBe(false);
		expect(isCacheable('POST', 200, 'text/html')).toBe(false);
		expect(isCacheable('GET', 200, 'text/csv; charset=utf-8')).toBe(false);
		expect(isCacheable('GET', 200, 'application/pdf')).toBe(false);
		expect(isCacheable('GET', 200, 'text/html', 'no-store')).toBe(false);
	});
});
