// JSON API: a contrat's identity, QPV, synthesis and the canonical series of its QPV (README).
import { json } from '@sveltejs/kit';
import { contratCode } from '$lib/schemas/table';
import { contratApiSeries, synthesisApi } from '$lib/server/evaluation/api';
import { loadContratScorecard } from '$lib/server/evaluation/contrat-scorecard';
import { loadContratSynthesis } from '$lib/server/evaluation/contrat-synthesis';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const code = contratCode.safeParse(params.code);
	if (!code.success) {
		return json(
			{ erreur: `Code de contrat invalide : « ${params.code.slice(0, 40)} » (attendu CVnnn).` },
			{ status: 400 }
		);
	}
	const card = await loadContratScorecard(code.data);
	if (!card)
		return json({ erreur: `Aucun contrat de ville n’a le code ${code.data}.` }, { status: 404 });
	const [synthesis, series] = await Promise.all([
		loadContratSynthesis(code.data),
		contratApiSeries(card.qpv.map((q) => q.code))
	]);
	return json({
		contrat: { ...card.contrat, geometry: undefined },
		qpv: card.qpv,
		synthese: synthesisApi(synthesis),
		...series,
		dispositifs: card.posts,
		licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)'
	});
};
