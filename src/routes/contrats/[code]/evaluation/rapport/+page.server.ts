// The evaluation report (HTML, printable), with its pinned figures and their sources.
import { requireContratCode } from '$lib/server/params';
import { loadReport, reportActor } from '$lib/server/workspace/report-page';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ params, url, locals }) => ({
	...(await loadReport(requireContratCode(params.code), url, await reportActor(url, locals.actor))),
	generatedAt: new Date().toISOString()
});
