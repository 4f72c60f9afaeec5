// Download of a contrat: CSV of its QPV's observations, or the XLSX annex of the mid-term review
// (synthesis, QPV list, one sheet per pillar, dispositifs, Sources).
import { error } from '@sveltejs/kit';
import { requireContratCode } from '$lib/server/params';
import {
	articulationTable,
	observationTables,
	postsTable,
	qpvListTable
} from '$lib/server/export/territory-export';
import { loadContratArticulation } from '$lib/server/evaluation/contrat-articulation';
import { loadActionsMoyens } from '$lib/server/evaluation/actions-moyens';
import { actionsMoyensTables } from '$lib/server/export/actions-export';
import { loadContratScorecard } from '$lib/server/evaluation/contrat-scorecard';
import { synthesisTable } from '$lib/server/export/synthesis-export';
import { exportResponse, parseFormat } from '$lib/server/export/respond';
import { getContrat, getContratQpv } from '$lib/server/queries/contrats';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const format = parseFormat(params.format);
	const code = requireContratCode(params.code);
	const contrat = await getContrat(code);
	if (!contrat) error(404, `Aucun contrat de ville n’a le code ${code}.`);
	if (format === 'csv') {
		const { tables, sources } = await observationTables(await getContratQpv(contrat.code), false);
		return exportResponse(
			{ scope: 'contrat', code: contrat.code, subject: 'indicateurs', format },
			tables,
			sources
		);
	}
	// The scorecard already holds the QPV and the posts: read them once.
	const card = await loadContratScorecard(contrat.code);
	if (!card) error(404, `Aucun contrat de ville n’a le code ${code}.`);
	const { tables, sources } = await observationTables(card.qpv, true);
	const articulation = await loadContratArticulation({
		code: contrat.code,
		departementCode: contrat.departement_code,
		departement: contrat.departement,
		posts: card.posts,
		cites: card.cites,
		indicators: card.pillars.flatMap((p) => p.indicators),
		provenance: card.provenance
	});
	const actions = await actionsMoyensTables(await loadActionsMoyens(contrat.code));
	return exportResponse(
		{ scope: 'contrat', code: contrat.code, subject: 'annexe evaluation', format },
		[
			synthesisTable(card.evaluated),
			qpvListTable(card.qpv),
			...tables,
			postsTable(card.posts),
			...actions.tables,
			articulationTable(articulation)
		],
		[...sources, ...actions.sources]
	);
};
