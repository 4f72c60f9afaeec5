// One-page A4 scorecard of a contrat de ville for élus: headline figures from start to latest year
// read from the contrat synthesis, the QPV list, the contrat's map, actions and moyens and the
// sources in plain words; printed to PDF by ../fiche.pdf.
import { error } from '@sveltejs/kit';
import { formatNumber } from '$lib/format';
import { requireContratCode } from '$lib/server/params';
import { loadContratScorecard } from '$lib/server/evaluation/contrat-scorecard';
import { loadContratSynthesis } from '$lib/server/evaluation/contrat-synthesis';
import { synthesisPaths } from '$lib/server/evaluation/synthesis-view';
import { loadActionsMoyens } from '$lib/server/evaluation/actions-moyens';
import { contratLinkNotes } from '$lib/server/evaluation/link-gaps';
import { sourcePathsForTables } from '$lib/server/queries/provenance';
import { sourceNote } from '$lib/domain/source-note';
import { contratAreaMap, generatedOn } from './fiche';
import { dataYearsSentence } from '$lib/domain/headline';
import { headlineFigure } from './headline';
import type { PageServerLoad } from './$types';

export const csr = false;

/** Beyond this, the QPV list keeps the most populated ones and says how many are left out. */
const QPV_LIST_MAX = 24;

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const code = requireContratCode(params.code);
	const [card, synthesisData] = await Promise.all([
		loadContratScorecard(code),
		loadContratSynthesis(code)
	]);
	if (!card) error(404, `Aucun contrat de ville n’a le code ${code}.`);
	const { contrat, provenance } = card;
	// The page carries its generation date: never served from a cache.
	setHeaders({ 'cache-control': 'no-store' });

	// 4 to 6 headline figures, read from the synthesis (same QPV at both ends, no series break).
	const indicators = synthesisData.indicators.map(headlineFigure);

	const byPopulation = [...card.qpv].sort(
		(a, b) => (b.population_2018 ?? -1) - (a.population_2018 ?? -1) || a.code.localeCompare(b.code)
	);
	const shown = byPopulation.slice(0, QPV_LIST_MAX);
	const population = card.qpv.reduce((s, q) => s + (q.population_2018 ?? 0), 0);
	const unknown = card.qpv.filter((q) => q.population_2018 === null).length;

	const map = await contratAreaMap(contrat.code, contrat.name);
	const qpvPaths = ['qpv-2015/qpv_evolution_population.csv', 'geographie-2015/epcicom2015.csv'];
	const mapPaths = map ? await sourcePathsForTables(['contrats']) : [];
	return {
		actions: await loadActionsMoyens(code),
		linkNotes: await contratLinkNotes(code),
		contrat: {
			code: contrat.code,
			name: contrat.name,
			perimeter: contrat.perimeter === 'epci' ? 'intercommunal' : 'communal',
			epci: contrat.epci_name,
			communes: contrat.commune_count,
			departement: contrat.departement,
			departementCode: contrat.departement_code,
			region: contrat.region
		},
		qpvCount: card.qpv.length,
		population: formatNumber(population),
		populationNote: unknown > 0 ? `${formatNumber(unknown)} QPV sans population publiée` : null,
		qpv: shown.map((q) => ({
			code: q.code,
			name: q.name ?? 'nom non publié',
			population: q.population_2018 === null ? 'non disponible' : formatNumber(q.population_2018)
		})),
		qpvLeftOut: card.qpv.length - shown.length,
		indicators,
		map,
		generatedOn: generatedOn(new Date()),
		vintages: dataYearsSentence(synthesisData.indicators.map((s) => s.row)),
		sources: sourceNote([...synthesisPaths(synthesisData), ...qpvPaths, ...mapPaths], provenance)
	};
};
