// How a cached page is answered: the gzip bytes kept for it, as they are, to a client that accepts
// gzip (every browser); the plain page to one that does not.
import { gunzipSync } from 'node:zlib';
import type { CachedResponse, ResponseCache } from '../response-cache';

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
 * An answer with these headers and this body (gzip bytes when `gzip`): `Vary: Accept-Encoding`
 * and an exact `Content-Length` always; HEAD gets the same headers and no body.
 */
export function answerBody(
	status: number,
	list: [string, string][],
	body: Buffer,
	gzip: boolean,
	head: boolean
): Response {
	const headers = new Headers(list);
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', ENCODING_VARY);
	else if (!/accept-encoding/i.test(vary)) headers.set('vary', `${vary}, ${ENCODING_VARY}`);
	if (gzip) headers.set('content-encoding', 'gzip');
	headers.set('content-length', String(body.byteLength));
	return new Response(head ? null : (body as Uint8Array<ArrayBuffer>), { status, headers });
}

/**
 * A cached answer: the kept gzip bytes as they are for a client that accepts gzip, else the plain
 * body (decompressed once, then kept beside them in memory).
 */
export function answer(
	memory: ResponseCache,
	key: string,
	hit: CachedResponse,
	head: boolean,
	gzip: boolean
): Response {
	if (gzip) return answerBody(hit.status, hit.headers, hit.gzip, true, head);
	let plain = hit.plain;
	if (!plain) {
		plain = gunzipSync(hit.gzip);
		// Only onto the entry memory holds now (not one dropped meanwhile by an invalidation).
		if (memory.get(key) === hit) memory.set(key, { ...hit, plain });
	}
	return answerBody(hit.status, hit.headers, plain, false, head);
}
