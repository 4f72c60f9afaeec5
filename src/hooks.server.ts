// Security headers on every response (the CSP itself is set by SvelteKit from svelte.config.js),
// and French, stack-free messages for unexpected errors.
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { DatabaseUnavailableError } from '$lib/server/db';

export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
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
