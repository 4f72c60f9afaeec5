// The contrat fiche as an A4 PDF, printed by the system Chromium from ../fiche on this server.
import { error } from '@sveltejs/kit';
import { requireContratCode } from '$lib/server/params';
import { getContrat } from '$lib/server/queries/contrats';
import { fichePdfResponse } from '../fiche/fiche';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const code = requireContratCode(params.code);
	// Checked here so that an unknown code never starts a browser.
	const contrat = await getContrat(code);
	if (!contrat) error(404, `Aucun contrat de ville n’a le code ${code}.`);
	return fichePdfResponse(
		url,
		`/contrats/${contrat.code}/fiche`,
		`fiche-contrat-${contrat.code}.pdf`
	);
};
