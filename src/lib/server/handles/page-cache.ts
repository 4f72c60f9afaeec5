// Shared cache of rendered pages and JSON: in memory (LRU) and on disk (PageStore), filled on
// first render and by the prerender. The database is read-only and only rebuilt offline, so an
// anonymous URL's answer never changes while the server runs. Bodies are compressed once, when
// kept, and sent compressed to every client that accepts gzip.
import { promisify } from 'node:util';
import { gunzipSync, gzip as gzipCallback } from 'node:zlib';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { isCacheable, ResponseCache, type CachedResponse } from '../response-cache';
import type { PageStore } from '../page-store';

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

/**
 * Whether `Accept-Encoding` allows gzip (`gzip`, `x-gzip` or `*`, with a q-value above 0): every
 * browser sends it; a client that does not (curl without --compressed) gets the plain body.
 */
export function acceptsGzip(header: string | null): boolean {
	if (!header) return false;
	let any = false;
	for (const part of header.split(',')) {
		const [name = '', ...params] = part.split(';');
		const coding = name.trim().toLowerCase();
		if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const allowed = q === undefined || Number(q.slice(2)) > 0;
		if (coding !== '*') return allowed;
		any = allowed;
	}
	return any;
}

const ENCODING_VARY = 'Accept-Encoding';

/**
 * A cached answer: the stored gzip bytes as they are for a client that accepts gzip, else the
 * plain body (decompressed once, then kept beside them in memory). Always `Vary: Accept-Encoding`
 * and an exact `Content-Length`; HEAD gets the same headers and no body.
 */
function answer(
	memory: ResponseCache,
	key: string,
	hit: CachedResponse,
	head: boolean,
	gzip: boolean
): Response {
	const headers = new Headers(hit.headers);
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', ENCODING_VARY);
	else if (!/accept-encoding/i.test(vary)) headers.set('vary', `${vary}, ${ENCODING_VARY}`);
	let body = hit.gzip;
	if (gzip) headers.set('content-encoding', 'gzip');
	else if (hit.plain) body = hit.plain;
	else {
		body = gunzipSync(hit.gzip);
		// Only onto the entry memory holds now (not one dropped meanwhile by an invalidation).
		if (memory.get(key) === hit) memory.set(key, { ...hit, plain: body });
	}
	headers.set('content-length', String(body.byteLength));
	return new Response(head ? null : (body as Uint8Array<ArrayBuffer>), {
		status: hit.status,
		headers
	});
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
		if (stored) memory.set(key, stored);
		return stored;
	}

	async function render(
		event: RequestEvent,
		resolve: Parameters<Handle>[0]['resolve'],
		key: string,
		gzip: boolean
	): Promise<{ response: Response; entry: CachedResponse | null }> {
		const seen = dropped.get(key);
		const response = await resolve(event);
		const { status, headers } = response;
		if (
			!isCacheable('GET', status, headers.get('content-type'), headers.get('cache-control')) ||
			headers.has('content-encoding')
		) {
			return { response, entry: null };
		}
		const plain = Buffer.from(await response.arrayBuffer());
		const entry: CachedResponse = {
			status,
			// Server-Timing describes this render only; the length is set per answer.
			headers: [...headers].filter(
				([name]) => name !== 'server-timing' && name !== 'content-length'
			),
			gzip: await gzipAsync(plain)
		};
		if (!gzip) entry.plain = plain;
		const fresh = answer(memory, key, entry, false, gzip);
		const timing = headers.get('server-timing');
		if (timing) fresh.headers.set('server-timing', timing);
		// A page dropped while it rendered (or compressed) is answered but neither kept nor shared.
		if (dropped.get(key) !== seen) return { response: fresh, entry: null };
		memory.set(key, entry);
		void store()?.set(key, entry);
		return { response: fresh, entry };
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
		let settle: (value: CachedResponse | null) => void = () => {};
		inFlight.set(key, new Promise((r) => (settle = r)));
		try {
			const { response, entry } = await render(event, resolve, key, gzip);
			settle(entry);
			return response;
		} catch (error) {
			settle(null);
			throw error;
		} finally {
			inFlight.delete(key);
		}
	};
}
