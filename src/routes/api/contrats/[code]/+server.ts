// JSON API: a contrat's identity, QPV and key indicators aggregated by the catalogue's rules.
import { json } from '@sveltejs/kit';
import { contratCode } from '$lib/schemas/table';
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
	return json({
		contrat: { ...card.contrat, geometry: undefined },
		qpv: card.qpv,
		indicateurs: card.pillars.flatMap((p) =>
			p.indicators.map((ci) => ({
				id: ci.indicator.id,
				pilier: p.pillar,
				regle: ci.indicator.aggregation,
				millesimes: ci.byVintage.map((b) => ({
					millesime: b.vintage,
					annee_reference: b.referenceYear,
					agregat: b.aggregate
				})),
				sources: ci.sourcePaths
			}))
		),
		dispositifs: card.posts,
		actions_moyens: await loadActionsMoyens(code.data),
		rattachement: await contratLinkNotes(code.data),
		licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)'
	});
};
