// One-page A4 fiche of a quartier prioritaire for élus: the headline indicators from the start of
// the contrat to the latest year, gaps to its commune and to France métropolitaine, contrat,
// communes, boundary (or its contrat's perimeter) and plain sources.
import { error } from '@sveltejs/kit';
import { formatNumber } from '$lib/format';
import { sourceNote } from '$lib/domain/source-note';
import { requireQpvCode } from '$lib/server/params';
import { loadQpvProfile } from '$lib/server/evaluation/qpv-profile';
import { getQpvEvolutions, getQpvGaps } from '$lib/server/queries/evaluation';
import { listIndicators } from '$lib/server/queries/observations';
import { sourcePathsForTables } from '$lib/server/queries/provenance';
import { areaMap, generatedOn, qpvLocatorMap } from '../../../contrats/[code]/fiche/fiche';
import { dataYearsNote, evolutionPaths, qpvHeadline } from './headline';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const code = requireQpvCode(params.code);
	const profile = await loadQpvProfile(code);
	if (!profile) error(404, `Aucun quartier prioritaire de la géographie 2015 n’a le code ${code}.`);
	const { qpv, provenance } = profile;
	// The page carries its generation date: never served from a cache.
	setHeaders({ 'cache-control': 'no-store' });
	const name = qpv.name ?? qpv.code;
	const [indicatorList, evolutions, gaps] = await Promise.all([
		listIndicators(),
		getQpvEvolutions([code]),
		getQpvGaps(code)
	]);
	const indicators = qpvHeadline(indicatorList, evolutions, gaps);
	// Where the quartier sits in its contrat; its boundary alone when it has no contrat.
	const locator =
		qpv.contrat_code && qpv.contrat_name
			? await qpvLocatorMap(code, { code: qpv.contrat_code, name: qpv.contrat_name })
			: null;
	const boundary =
		!locator && qpv.boundary
			? areaMap({ code: qpv.code, name, geometry: qpv.boundary }, `Contour du quartier ${name}`)
			: null;
	const mapPaths = [
		...(locator?.boundary || boundary ? ['qpv-occitanie-hackaviz/qp.geojson'] : []),
		...(locator ? await sourcePathsForTables(['contrats']) : []),
		// The commune's point: mean of La Poste's coordinates for its INSEE code.
		...(locator && !locator.boundary ? ['communes-coordonnees/laposte_hexasmal.csv'] : [])
	];
	return {
		qpv: {
			code: qpv.code,
			name,
			departement: qpv.departement ?? qpv.departement_code,
			departementCode: qpv.departement_code,
			region: qpv.region,
			contratCode: qpv.contrat_code,
			contratName: qpv.contrat_name,
			contratCount: qpv.contrat_count,
			population2013:
				qpv.population_2013 === null ? 'non disponible' : formatNumber(qpv.population_2013),
			population2018:
				qpv.population_2018 === null ? 'non disponible' : formatNumber(qpv.population_2018)
		},
		communes: profile.communes.length
			? profile.communes.map((c) => `${c.name} (${c.code})`)
			: qpv.communes_label
				? [qpv.communes_label]
				: [],
		indicators,
		map: locator?.svg ?? boundary,
		mapCaption:
			locator?.caption ??
			(boundary
				? 'Contour du quartier (limites 2015), simplifié ; aucun contrat de ville rattaché.'
				: 'Contour du quartier non publié dans les fichiers sources.'),
		generatedOn: generatedOn(new Date()),
		vintages: dataYearsNote(evolutions),
		sources: sourceNote(
			[
				...evolutionPaths(evolutions),
				'qpv-2015/qpv_evolution_population.csv',
				'qpv-2015/qpv_info_nom_commune.csv',
				...mapPaths
			],
			provenance
		)
	};
};
