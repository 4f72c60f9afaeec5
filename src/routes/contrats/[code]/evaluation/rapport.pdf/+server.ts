// The report as a PDF, printed by the system Chromium from ../rapport on this server (the same path
// as the fiches); a draft is printed with a one-minute ticket of the requesting account.
import { error } from '@sveltejs/kit';
import { requireContratCode } from '$lib/server/params';
import { contentDisposition } from '$lib/server/export/filenames';
import { pdfErrorStatus, pdfOrigin, PdfError, renderPdf } from '$lib/server/pdf';
import { loadReport, printTicket } from '$lib/server/workspace/report-page';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const code = requireContratCode(params.code);
	// Rights and existence are checked here, before any browser starts.
	const { campaign } = await loadReport(code, url, locals.actor);
	const ticket = await printTicket(locals.actor);
	try {
		const pdf = await renderPdf(
			`${pdfOrigin(url.origin)}/contrats/${code}/evaluation/rapport?campagne=${campaign}${ticket.query}`
		);
		return new Response(pdf as unknown as BodyInit, {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': contentDisposition(
					`rapport-evaluation-${code}-${campaign}.pdf`,
					'inline'
				),
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		if (e instanceof PdfError) error(pdfErrorStatus(e), e.message);
		throw e;
	} finally {
		await ticket.end();
	}
};
