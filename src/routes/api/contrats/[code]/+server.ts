// JSON API: a contrat's identity, QPV, synthesis and the canonical series of its QPV (README).
import { json } from '@sveltejs/kit';
import { contratCode } from '$lib/schemas/table';
import { contratApiSeries, synthesisApi } from '$lib/server/evaluation/api';
import { loadContratScorecard } from '$lib/server/evaluation/contrat-scorecard';
import { loadActionsMoyens } from '$lib/server/evaluation/actions-moyens';
import { contratLinkNotes } from '$lib/server/evaluation/link-gaps';
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
	const series = await contratApiSeries(card.qpv.map((q) => q.code));
	return json({
		contrat: { ...card.contrat, geometry: undefined },
		qpv: card.qpv,
		synthese: synthesisApi(card.synthesis),
		tableaux_par_pilier: synthesisApi(card.evaluated),
		...series,
		dispositifs: card.posts,
		actions_moyens: await loadActionsMoyens(code.data),
		rattachement: await contratLinkNotes(code.data),
		licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)'
	});
};
