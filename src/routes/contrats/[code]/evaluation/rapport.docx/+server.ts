// The report as a Word document (.docx), to be finished in a word processor.
import { requireContratCode } from '$lib/server/params';
import { contentDisposition } from '$lib/server/export/filenames';
import { loadReport } from '$lib/server/workspace/report-page';
import { reportDocx } from '$lib/server/workspace/report-docx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const code = requireContratCode(params.code);
	const { report, campaign } = await loadReport(code, url, locals.actor);
	const body = await reportDocx(report, new Date());
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': contentDisposition(
				`rapport-evaluation-${code}-${campaign}.docx`,
				'attachment'
			),
			'cache-control': 'private, no-store'
		}
	});
};
