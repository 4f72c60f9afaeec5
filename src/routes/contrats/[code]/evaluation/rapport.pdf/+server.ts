// The report as a PDF, printed by the system Chromium from ../rapport on this server's own loopback
// address (the same path as the fiches); a draft is printed with a one-minute ticket of the
// requesting account.
import { requireContratCode } from '$lib/server/params';
import { contentDisposition } from '$lib/server/export/filenames';
import { PdfError, pdfOrigin, renderPdf } from '$lib/server/pdf';
import { localPortOf, pdfFailureResponse } from '$lib/server/pdf-response';
import { loadReport, printTicket } from '$lib/server/workspace/report-page';
import type { RequestHandler } from './$types';

const pdfHeaders = (code: string, campaign: number | string) => ({
	'content-type': 'application/pdf',
	'content-disposition': contentDisposition(`rapport-evaluation-${code}-${campaign}.pdf`, 'inline'),
	'cache-control': 'private, no-store'
});

export const GET: RequestHandler = async (event) => {
	const { params, url, locals } = event;
	const code = requireContratCode(params.code);
	// Rights and existence are checked here, before any browser starts.
	const { campaign } = await loadReport(code, url, locals.actor);
	const ticket = await printTicket(locals.actor);
	try {
		const pdf = await renderPdf(
			`${pdfOrigin(localPortOf(event))}/contrats/${code}/evaluation/rapport?campagne=${campaign}${ticket.query}`
		);
		return new Response(pdf as unknown as BodyInit, { headers: pdfHeaders(code, campaign) });
	} catch (e) {
		if (!(e instanceof PdfError)) throw e;
		if (e.detail) console.error(`PDF ${url.pathname} : ${e.reason} : ${e.detail}`);
		return pdfFailureResponse(e, event.request.headers.get('accept'));
	} finally {
		await ticket.end();
	}
};

/** HEAD: rights checked, headers sent, no browser started. */
export const HEAD: RequestHandler = async ({ params, url, locals }) => {
	const code = requireContratCode(params.code);
	const { campaign } = await loadReport(code, url, locals.actor);
	return new Response(null, { headers: pdfHeaders(code, campaign) });
};
