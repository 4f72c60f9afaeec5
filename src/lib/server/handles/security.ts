// Security headers on every answer SvelteKit gives, and a strict CSP on the HTML answers it did
// not set one on (the static error page of `+server` routes, a PDF failure page).
import { ServerResponse } from 'node:http';
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

let installed = false;

/**
 * Static files (favicon, `_app/` assets) are served by adapter-node before any SvelteKit hook:
 * the same headers are added to them where every Node answer starts, `writeHead`, unless already
 * set. Installed once, when the hooks load at server start.
 */
export function installStaticSecurityHeaders(): void {
	if (installed) return;
	installed = true;
	const writeHead = ServerResponse.prototype.writeHead;
	ServerResponse.prototype.writeHead = function (
		this: ServerResponse,
		...args: Parameters<typeof writeHead>
	) {
		if (!this.headersSent) {
			for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
				if (!this.hasHeader(name)) this.setHeader(name, value);
			}
		}
		return writeHead.apply(this, args);
	} as typeof writeHead;
}
