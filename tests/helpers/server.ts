// Fetches pages from the built server started by the global setup.
import { inject } from 'vitest';

export function serverUrl(): string {
	const url = inject('serverUrl');
	if (!url) throw new Error('serveur de test absent (SKIP_DB_BUILD=1 ?)');
	return url;
}

export async function get(
	path: string
): Promise<{ status: number; body: string; headers: Headers }> {
	const response = await fetch(serverUrl() + path, { redirect: 'manual' });
	return { status: response.status, body: await response.text(), headers: response.headers };
}

/** Page text without tags, whitespace folded (numbers keep their narrow no-break spaces). */
export function textOf(html: string): string {
	return html
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;|&#160;/g, '\u00a0')
		.replace(/&#8239;/g, '\u202f')
		.replace(/&amp;/g, '&')
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/[ \t\n\r]+/g, ' ');
}
