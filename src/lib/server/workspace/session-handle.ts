// The session handle: reads the session cookie into `locals.actor` (opening the workspace only when
// a cookie is present), and marks every workspace answer `private, no-store` so that the response
// cache never keeps or shares it. Reading pages are untouched and stay cacheable.
import type { Cookies, Handle, RequestEvent } from '@sveltejs/kit';
import { actorForToken, SESSION_DAYS } from './accounts';
import { getWorkspace } from './db';
import { requestIsHttps } from '../handles/origin-check';

export const SESSION_COOKIE = 'pv_session';

const workspacePaths =
	/^\/(connexion|deconnexion|compte|admin)(\/|$)|^\/(api\/)?contrats\/[^/]+\/evaluation(\/|\.|$)|^\/mesures\/[^/]+\/retours(\/|$)/;

export function isWorkspacePath(pathname: string): boolean {
	return workspacePaths.test(pathname);
}

export function setSessionCookie(
	event: Pick<RequestEvent, 'cookies' | 'url' | 'request'>,
	token: string
) {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: requestIsHttps(event.request, event.url),
		maxAge: SESSION_DAYS * 86_400
	});
}

export function clearSessionCookie(event: { cookies: Cookies; url: URL; request: Request }) {
	event.cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: requestIsHttps(event.request, event.url)
	});
}

export const sessionHandle: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.sessionToken = token ?? null;
	event.locals.actor = null;
	if (token && isWorkspacePath(event.url.pathname)) {
		event.locals.actor = await actorForToken(await getWorkspace(), token);
	}
	const response = await resolve(event);
	if (isWorkspacePath(event.url.pathname)) {
		try {
			response.headers.set('cache-control', 'private, no-store');
			response.headers.append('vary', 'cookie');
		} catch {
			// Immutable headers (a static redirect): nothing is cached for those anyway.
		}
	}
	return response;
};
