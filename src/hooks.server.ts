// Security headers on every response (the CSP itself is set by SvelteKit from svelte.config.js),
// and French, stack-free messages for unexpected errors.
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { sessionHandle } from '$lib/server/workspace/session-handle';
import { DatabaseUnavailableError } from '$lib/server/db';
import { isCacheable, ResponseCache, type CachedResponse } from '$lib/server/response-cache';

const cache = new ResponseCache(Number(process.env.RESPONSE_CACHE_MB ?? 96) * 1024 * 1024);
/** Renders under way: concurrent requests for the same URL wait for one render, not ten. */
const inFlight = new Map<string, Promise<CachedResponse | null>>();

const fromCache = (hit: CachedResponse) =>
	new Response(hit.body, { status: hit.status, headers: hit.headers });

async function cachedResolve(
	event: Parameters<Handle>[0]['event'],
	resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
	const key = event.url.pathname + event.url.search;
	if (event.request.method !== 'GET') return resolve(event);
	const hit = cache.get(key);
	if (hit) return fromCache(hit);
	const pending = inFlight.get(key);
	if (pending) {
		const shared = await pending;
		if (shared) return fromCache(shared);
		return resolve(event);
	}
	let settle: (value: CachedResponse | null) => void = () => {};
	inFlight.set(key, new Promise((r) => (settle = r)));
	try {
		const { response, entry } = await renderAndKeep(event, resolve, key);
		settle(entry);
		return response;
	} catch (error) {
		settle(null);
		throw error;
	} finally {
		inFlight.delete(key);
	}
}

async function renderAndKeep(
	event: Parameters<Handle>[0]['event'],
	resolve: Parameters<Handle>[0]['resolve'],
	key: string
): Promise<{ response: Response; entry: CachedResponse | null }> {
	const response = await resolve(event);
	if (
		!isCacheable(
			event.request.method,
			response.status,
			response.headers.get('content-type'),
			response.headers.get('cache-control')
		)
	) {
		return { response, entry: null };
	}
	const entry = {
		status: response.status,
		headers: [...response.headers.entries()],
		body: await response.text()
	};
	cache.set(key, entry);
	return { response: fromCache(entry), entry };
}

const cacheAndHeaders: Handle = async ({ event, resolve }) => {
	const response = await cachedResolve(event, resolve);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'geolocation=(), camera=(), microphone=()');
	return response;
};

/** The session handle runs inside the cache, so its `no-store` is seen before anything is kept. */
export const handle = sequence(cacheAndHeaders, sessionHandle);

export const handleError: HandleServerError = ({ error, status }) => {
	if (error instanceof DatabaseUnavailableError) {
		console.error(error.message);
		return { message: 'Les données ne sont pas encore construites. Lancez « npm run data ».' };
	}
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Page introuvable.' : 'Erreur interne du serveur.' };
};
