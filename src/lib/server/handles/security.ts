// Security headers on every answer SvelteKit gives, and a strict CSP on the HTML answers it did
// not set one on (the static error page of `+server` routes, a PDF failure page).
import type { Handle } from '@sveltejs/kit';

export const SECURITY_HEADERS: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'geolocation=(), camera=(), microphone=()'
};

/** For HTML without a framework CSP: no script at all, styles inline or from this origin. */
export const FALLBACK_CSP =
	"default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function withSecurityHeaders(response: Response): Response {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
	const type = response.headers.get('content-type') ?? '';
	if (type.startsWith('text/html') && !response.headers.has('content-security-policy')) {
		response.headers.set('content-security-policy', FALLBACK_CSP);
	}
	return response;
}

export const securityHeaders: Handle = async ({ event, resolve }) =>
	withSecurityHeaders(await resolve(event));
