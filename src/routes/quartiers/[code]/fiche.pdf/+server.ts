// The QPV fiche as an A4 PDF, printed by the system Chromium from ../fiche on this server.
import { error } from '@sveltejs/kit';
import { requireQpvCode } from '$lib/server/params';
import { getQpv } from '$lib/server/queries/quartiers';
import { fichePdfResponse } from '../../../contrats/[code]/fiche/fiche';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const code = requireQpvCode(params.code);
	// Checked here so that an unknown code never starts a browser.
	const qpv = await getQpv(code);
	if (!qpv) error(404, `Aucun quartier prioritaire de la géographie 2015 n’a le code ${code}.`);
	return fichePdfResponse(url, `/quartiers/${qpv.code}/fiche`, `fiche-quartier-${qpv.code}.pdf`);
};
