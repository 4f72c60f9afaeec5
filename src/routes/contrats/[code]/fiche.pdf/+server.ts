// The contrat fiche as an A4 PDF, printed by the system Chromium from ../fiche on this server.
import { error } from '@sveltejs/kit';
import { contratCode } from '$lib/schemas/table';
import { getContrat } from '$lib/server/queries/contrats';
import { fichePdfResponse } from '../fiche/fiche';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const code = contratCode.safeParse(params.code);
	if (!code.success) {
		error(
			400,
			`Code de contrat invalide : « ${params.code.slice(0, 40)} » (attendu CVnnn, par exemple CV001).`
		);
	}
	// Checked here so that an unknown code never starts a browser.
	const contrat = await getContrat(code.data);
	if (!contrat) error(404, `Aucun contrat de ville n’a le code ${code.data}.`);
	return fichePdfResponse(
		url,
		`/contrats/${contrat.code}/fiche`,
		`fiche-contrat-${contrat.code}.pdf`
	);
};
