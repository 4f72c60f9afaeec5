// Shared cache of rendered pages and JSON: in memory (LRU) and on disk (PageStore), filled on
// first render and by the prerender. The database is read-only and only rebuilt offline, so an
// anonymous URL's answer never changes while the server runs. Bodies are compressed once, when
// kept, and sent compressed to every client that accepts gzip.
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { isCacheable, ResponseCache, type CachedResponse } from '../response-cache';
import type { PageStore } from '../page-store';
import { acceptsGzip, answer, answerBody } from './cached-answer';

const gzipAsync = promisify(gzipCallback);

/**
 * Query parameters that some route reads (`searchParams.get`): they are part of the cache key.
 * Any other parameter changes no answer, so it is left out of the key (`?x=1` cannot force a
 * render). tests/src/lib/server/page-cache.test.ts checks this list against the routes' code.
 */
export const CACHE_QUERY_PARAMS = [
	'campagne',
	'departement',
	'ordre',
	'page',
	'pilier',
	'programme',
	'q',
	'region',
	'serie',
	'suite',
	'tableau',
	'ticket',
	'tri'
];
const KNOWN = new Set(CACHE_QUERY_PARAMS);

/** Path plus the known parameters sorted by name (values of one name keep their order). */
export function cacheKey(url: URL): string {
	const kept = [...url.searchParams].filter(([name]) => KNOWN.has(name));
	kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return kept.length ? `${url.pathname}?${new URLSearchParams(kept)}` : url.pathname;
}

/**
 * Only anonymous GET and HEAD share answers: a request with a cookie or credentials (a session)
 * is always rendered for itself and never stored, and answers marked `no-store`/`private` are
 * never kept (isCacheable).
 */
export function isShareable(request: Request): boolean {
	if (request.method !== 'GET' && request.method !== 'HEAD') return false;
	return !request.headers.has('cookie') && !request.headers.has('authorization');
}

export interface PageCacheOptions {
	memory: ResponseCache;
	/** Disk store, opened on first use (null when the database is not built). */
	store: () => PageStore | null;
}

/** Every cache's way to drop a key, so a workspace write can reach them without holding them. */
const forgetters = new Set<(key: string) => void>();

/**
 * Drops the cached answers of these paths (memory and disk), and any render of them under way is
 * not kept: for reading pages that show workspace data (a measure page and its feedback), called
 * after each write that changes that data.
 */
export function invalidatePages(paths: string[]): void {
	for (const path of paths) for (const forget of forgetters) forget(path);
}

export function pageCache({ memory, store }: PageCacheOptions): Handle {
	/** Renders under way: concurrent requests for one key wait for one render. */
	const inFlight = new Map<string, Promise<CachedResponse | null>>();
	/** Invalidations per key: a render that saw one happen while it ran is not kept. */
	const dropped = new Map<string, number>();
	forgetters.add((key) => {
		dropped.set(key, (dropped.get(key) ?? 0) + 1);
		memory.forget(key);
		store()?.delete(key);
	});

	async function lookup(key: string): Promise<CachedResponse | undefined> {
		const hit = memory.get(key);
		if (hit) return hit;
		const stored = await store()?.get(key);
		if (!stored) {
			// A render of this key may have been kept while the disk was read (its in-flight entry
			// is gone by then): without this second look the request would render the page again.
			return memory.get(key);
		}
		memory.set(key, stored);
		return stored;
	}

	/**
	 * Renders for this request and answers at once with the plain page; the page is compressed
	 * meanwhile (`kept`, null when not cacheable or dropped while it rendered or compressed), then
	 * kept in memory and on disk.
	 */
	async function render(
		event: RequestEvent,
		resolve: Parameters<Handle>[0]['resolve'],
		key: string
	): Promise<{ response: Response; kept: Promise<CachedResponse | null> }> {
		const seen = dropped.get(key);
		const response = await resolve(event);
		const { status, headers } = response;
		if (
			!isCacheable('GET', status, headers.get('content-type'), headers.get('cache-control')) ||
			headers.has('content-encoding')
		) {
			return { response, kept: Promise.resolve(null) };
		}
		const plain = Buffer.from(await response.arrayBuffer());
		// Server-Timing describes this render only; the length is set per answer.
		const list = [...headers].filter(([n]) => n !== 'server-timing' && n !== 'content-length');
		const fresh = answerBody(status, list, plain, false, false);
		const timing = headers.get('server-timing');
		if (timing) fresh.headers.set('server-timing', timing);
		const kept = gzipAsync(plain).then(
			(gzip) => {
				if (dropped.get(key) !== seen) return null;
				const entry: CachedResponse = { status, headers: list, gzip };
				memory.set(key, entry);
				void store()?.set(key, entry);
				return entry;
			},
			() => null
		);
		return { response: fresh, kept };
	}

	return async ({ event, resolve }) => {
		if (!isShareable(event.request)) return resolve(event);
		const key = cacheKey(event.url);
		// The page is rendered without the unknown parameters, so its cached body cannot echo them.
		const kept = key.indexOf('?') === -1 ? '' : key.slice(key.indexOf('?'));
		if (event.url.search !== kept) event.url.search = kept;
		const head = event.request.method === 'HEAD';
		const gzip = acceptsGzip(event.request.headers.get('accept-encoding'));
		const hit = await lookup(key);
		if (hit) return answer(memory, key, hit, head, gzip);
		const pending = inFlight.get(key);
		if (pending) {
			const shared = await pending;
			return shared ? answer(memory, key, shared, head, gzip) : resolve(event);
		}
		// HEAD on a page never rendered: answered by SvelteKit (GET without the body), not kept.
		if (head) return resolve(event);
		let settle: (value: Promise<CachedResponse | null> | null) => void = () => {};
		const shared = new Promise<CachedResponse | null>((r) => (settle = r));
		// Waiting requests share the render until its page is kept (or known not to be).
		inFlight.set(key, shared);
		void shared.then(() => inFlight.get(key) === shared && inFlight.delete(key));
		try {
			const { response, kept } = await render(event, resolve, key);
			settle(kept);
			return response;
		} catch (error) {
			settle(null);
			throw error;
		}
	};
}
