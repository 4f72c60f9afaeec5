// The contrat fiche as an A4 PDF, printed by the system Chromium from ../fiche on this server.
import { error } from '@sveltejs/kit';
import { requireContratCode } from '$lib/server/params';
import { getContrat } from '$lib/server/queries/contrats';
import { fichePdfHead, fichePdfResponse } from '$lib/server/pdf-response';
import type { RequestHandler } from './$types';

/** Checked before any browser starts: a bad or unknown code is a 400 or 404. */
async function known(raw: string): Promise<string> {
	const code = requireContratCode(raw);
	const contrat = await getContrat(code);
	if (!contrat) error(404, `Aucun contrat de ville n’a le code ${code}.`);
	return contrat.code;
}

export const GET: RequestHandler = async (event) => {
	const code = await known(event.params.code);
	return fichePdfResponse(event, `/contrats/${code}/fiche`, `fiche-contrat-${code}.pdf`);
};

export const HEAD: RequestHandler = async ({ params }) =>
	fichePdfHead(`fiche-contrat-${await known(params.code)}.pdf`);
