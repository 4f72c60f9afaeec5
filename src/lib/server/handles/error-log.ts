// One log line per 4xx/5xx answer: method, route, status and the French reason given to the user
// (never a stack trace: unexpected errors are logged once by handleError).
import type { Handle } from '@sveltejs/kit';

/** The reason an error answer gives: `erreur`/`message` of JSON, the first paragraph of HTML. */
export async function errorReason(response: Response): Promise<string> {
	const type = response.headers.get('content-type') ?? '';
	const text = await response.clone().text();
	if (type.includes('json')) {
		try {
			const body = JSON.parse(text) as { erreur?: string; message?: string };
			return body.erreur ?? body.message ?? '';
		} catch {
			return '';
		}
	}
	const paragraph = text.match(/<p[^>]*>([\s\S]*?)<\/p>/)?.[1] ?? text;
	return paragraph
		.replace(/<[^>]+>/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 200);
}

export const errorLog: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.status >= 400) {
		const route = event.route.id ?? '(aucune route)';
		const reason = await errorReason(response);
		const line = `${response.status} ${event.request.method} ${event.url.pathname} [${route}] ${reason}`;
		if (response.status >= 500) console.error(line);
		else console.warn(line);
	}
	return response;
};
