// JSON API: a QPV's identity, canonical series by data year, gaps, evolutions, peers, and every
// source observation with its vintage and line (README).
import { json } from '@sveltejs/kit';
import { qpvCode } from '$lib/schemas/table';
import { quartierApiEvaluation } from '$lib/server/evaluation/api';
import { getObservations } from '$lib/server/queries/observations';
import { getQpv, getQpvCommunes } from '$lib/server/queries/quartiers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const code = qpvCode.safeParse(params.code);
	if (!code.success) {
		return json(
			{ erreur: `Code de quartier invalide : « ${params.code.slice(0, 40)} » (attendu QPdddnnn).` },
			{ status: 400 }
		);
	}
	const qpv = await getQpv(code.data);
	if (!qpv)
		return json(
			{ erreur: `Aucun quartier prioritaire n’a le code ${code.data}.` },
			{ status: 404 }
		);
	const [communes, evaluation, observations] = await Promise.all([
		getQpvCommunes(code.data),
		quartierApiEvaluation(code.data),
		getObservations([{ type: 'qpv', code: code.data }])
	]);
	return json({
		quartier: { ...qpv, boundary: undefined },
		communes,
		...evaluation,
		observations,
		licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)'
	});
};
