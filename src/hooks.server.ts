// Security headers on every response (the CSP itself is set by SvelteKit from svelte.config.js),
// and French, stack-free messages for unexpected errors.
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { DatabaseUnavailableError } from '$lib/server/db';
import { isCacheable, ResponseCache } from '$lib/server/response-cache';

const cache = new ResponseCache(Number(process.env.RESPONSE_CACHE_MB ?? 96) * 1024 * 1024);

async function cachedResolve(
	event: Parameters<Handle>[0]['event'],
	resolve: Parameters<Handle>[0]['resolve']
): Promise<Response> {
	const key = event.url.pathname + event.url.search;
	const hit = event.request.method === 'GET' ? cache.get(key) : undefined;
	if (hit) return new Response(hit.body, { status: hit.status, headers: hit.headers });
	const response = await resolve(event);
	if (
		!isCacheable(
			event.request.method,
			response.status,
			response.headers.get('content-type'),
			response.headers.get('cache-control')
		)
	) {
		return response;
	}
	const body = await response.text();
	const headers = [...response.headers.entries()];
	cache.set(key, { status: response.status, headers, body });
	return new Response(body, { status: response.status, headers });
}

export const handle: Handle = async ({ event, resolve }) => {
	const response = await cachedResolve(event, resolve);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'geolocation=(), camera=(), microphone=()');
	return response;
};

export const handleError: HandleServerError = ({ error, status }) => {
	if (error instanceof DatabaseUnavailableError) {
		console.error(error.message);
		return { message: 'Les données ne sont pas encore construites. Lancez « npm run data ».' };
	}
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Page introuvable.' : 'Erreur interne du serveur.' };
};
