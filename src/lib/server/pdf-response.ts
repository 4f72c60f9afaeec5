// HTTP side of the printed fiches: where the server's browser goes (its own loopback address),
// HEAD without a browser, and failures logged for operators and answered in French (HTML or JSON).
import type { IncomingMessage } from 'node:http';
import type { RequestEvent } from '@sveltejs/kit';
import { contentDisposition } from './export/filenames';
import { BUSY_RETRY_SECONDS, PdfError, pdfErrorStatus, pdfOrigin, renderPdf } from './pdf';

type PdfEvent = Pick<RequestEvent, 'request' | 'url' | 'platform'>;

/** The port this request arrived on (adapter-node passes the Node request as `platform.req`). */
export function localPortOf(event: Pick<RequestEvent, 'platform'>): number | undefined {
	const req = (event.platform as { req?: IncomingMessage } | undefined)?.req;
	return req?.socket?.localPort ?? undefined;
}

function pdfHeaders(filename: string): HeadersInit {
	return {
		'content-type': 'application/pdf',
		'content-disposition': contentDisposition(filename, 'inline'),
		'cache-control': 'no-store'
	};
}

const escapeHtml = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A failed render as the client asked for it: JSON for API clients, else a French HTML page. */
export function pdfFailureResponse(e: PdfError, accept: string | null): Response {
	const status = pdfErrorStatus(e);
	const headers: Record<string, string> = { 'cache-control': 'no-store' };
	if (e.reason === 'busy') headers['retry-after'] = String(BUSY_RETRY_SECONDS);
	if (accept && /application\/json/.test(accept) && !/text\/html/.test(accept)) {
		headers['content-type'] = 'application/json; charset=utf-8';
		return new Response(JSON.stringify({ erreur: e.message }), { status, headers });
	}
	headers['content-type'] = 'text/html; charset=utf-8';
	const html =
		'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Fiche PDF indisponible</title></head>' +
		`<body><h1>Fiche PDF indisponible</h1><p>${escapeHtml(e.message)}</p>` +
		'<p>La fiche reste imprimable depuis le navigateur : retirez « .pdf » de l’adresse.</p></body></html>';
	return new Response(html, { status, headers });
}

/**
 * GET handler body of a fiche.pdf route (the code is already checked): prints `fichePath` of this
 * very server, or answers a logged, French error.
 */
export async function fichePdfResponse(
	event: PdfEvent,
	fichePath: string,
	filename: string
): Promise<Response> {
	const pageUrl = pdfOrigin(localPortOf(event)) + fichePath;
	try {
		const pdf = await renderPdf(pageUrl);
		return new Response(pdf as unknown as BodyInit, { headers: pdfHeaders(filename) });
	} catch (e) {
		if (!(e instanceof PdfError)) throw e;
		// The status line is logged by the error-log handle; the browser's own words only here.
		if (e.detail) console.error(`PDF ${event.url.pathname} : ${e.reason} : ${e.detail}`);
		return pdfFailureResponse(e, event.request.headers.get('accept'));
	}
}

/** HEAD: the headers a GET would send, without starting a browser. */
export function fichePdfHead(filename: string): Response {
	return new Response(null, { headers: pdfHeaders(filename) });
}
