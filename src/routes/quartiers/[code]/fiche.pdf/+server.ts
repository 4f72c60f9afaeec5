// The QPV fiche as an A4 PDF, printed by the system Chromium from ../fiche on this server.
import { error } from '@sveltejs/kit';
import { requireQpvCode } from '$lib/server/params';
import { getQpv } from '$lib/server/queries/quartiers';
import { fichePdfHead, fichePdfResponse } from '$lib/server/pdf-response';
import type { RequestHandler } from './$types';

/** Checked before any browser starts: a bad or unknown code is a 400 or 404. */
async function known(raw: string): Promise<string> {
	const code = requireQpvCode(raw);
	const qpv = await getQpv(code);
	if (!qpv) error(404, `Aucun quartier prioritaire de la géographie 2015 n’a le code ${code}.`);
	return qpv.code;
}

export const GET: RequestHandler = async (event) => {
	const code = await known(event.params.code);
	return fichePdfResponse(event, `/quartiers/${code}/fiche`, `fiche-quartier-${code}.pdf`);
};

export const HEAD: RequestHandler = async ({ params }) =>
	fichePdfHead(`fiche-quartier-${await known(params.code)}.pdf`);
