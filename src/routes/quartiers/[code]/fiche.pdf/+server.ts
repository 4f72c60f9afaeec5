// The QPV fiche as an A4 PDF, printed by the system Chromium from ../fiche on this server.
import { error } from '@sveltejs/kit';
import { qpvCode } from '$lib/schemas/table';
import { getQpv } from '$lib/server/queries/quartiers';
import { fichePdfResponse } from '../../../contrats/[code]/fiche/fiche';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const code = qpvCode.safeParse(params.code);
	if (!code.success) {
		error(
			400,
			`Code de quartier invalide : « ${params.code.slice(0, 40)} » (attendu QPdddnnn, par exemple QP001001).`
		);
	}
	// Checked here so that an unknown code never starts a browser.
	const qpv = await getQpv(code.data);
	if (!qpv)
		error(404, `Aucun quartier prioritaire de la géographie 2015 n’a le code ${code.data}.`);
	return fichePdfResponse(url, `/quartiers/${qpv.code}/fiche`, `fiche-quartier-${qpv.code}.pdf`);
};
