// Cross-site form posts refused (CSRF), against the origin the browser really used. SvelteKit's own
// check compares with adapter-node's origin, which is `https://<Host>` when ORIGIN is not set: on a
// plain `npm start` over http it would refuse every form of the site's own pages.
import type { Handle } from '@sveltejs/kit';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The content types a cross-site page can send without a CORS preflight. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export const CROSS_SITE_MESSAGE =
	'Envoi refusé : le formulaire ne vient pas de ce site (protection contre la falsification de requêtes).';

function isFormContent(request: Request): boolean {
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
	return FORM_TYPES.includes(type);
}

/**
 * Same origin when the browser's `Origin` is this server's origin, or the same host over http or
 * https (the Host header is set by the victim's browser, never by the page that attacks).
 */
export function isSameOrigin(origin: string | null, url: URL): boolean {
	if (!origin) return false;
	return (
		origin === url.origin || origin === `http://${url.host}` || origin === `https://${url.host}`
	);
}

/** Whether the browser reached us over https: its `Origin` says so; ORIGIN, when set, decides. */
export function requestIsHttps(request: Request, url: URL): boolean {
	if (process.env.ORIGIN) return url.protocol === 'https:';
	const origin = request.headers.get('origin');
	if (origin) return origin.startsWith('https:');
	return request.headers.get('x-forwarded-proto') === 'https';
}

export const originCheck: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (
		UNSAFE_METHODS.has(request.method) &&
		isFormContent(request) &&
		!isSameOrigin(request.headers.get('origin'), url)
	) {
		const json = request.headers.get('accept') === 'application/json';
		return json
			? Response.json({ erreur: CROSS_SITE_MESSAGE }, { status: 403 })
			: new Response(CROSS_SITE_MESSAGE, {
					status: 403,
					headers: { 'content-type': 'text/plain; charset=utf-8' }
				});
	}
	return resolve(event);
};
