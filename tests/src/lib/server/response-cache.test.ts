import { describe, expect, it } from 'vitest';
import { isCacheable, ResponseCache } from '../../../../src/lib/server/response-cache';

const entry = (body: string) => ({
	status: 200,
	headers: [['content-type', 'text/html']] as [string, string][],
	body
});

describe('ResponseCache', () => {
	it('returns what was stored for a key', () => {
		const cache = new ResponseCache(1000);
		cache.set('/a', entry('page a'));
		expect(cache.get('/a')?.body).toBe('page a');
		expect(cache.get('/b')).toBeUndefined();
	});

	it('evicts the least recently used entries when over its byte budget', () => {
		const cache = new ResponseCache(60);
		cache.set('/a', entry('aaaaaaaaaa'));
		cache.set('/b', entry('bbbbbbbbbb'));
		cache.get('/a');
		cache.set('/c', entry('cccccccccc'));
		expect(cache.get('/b')).toBeUndefined();
		expect(cache.get('/a')?.body).toBe('aaaaaaaaaa');
		expect(cache.get('/c')?.body).toBe('cccccccccc');
		expect(cache.usedBytes).toBeLessThanOrEqual(60);
	});

	it('does not store an entry larger than the whole budget', () => {
		const cache = new ResponseCache(10);
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
