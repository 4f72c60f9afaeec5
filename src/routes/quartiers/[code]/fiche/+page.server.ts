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
import { areaMap, contratAreaMap, generatedOn } from '../../../contrats/[code]/fiche/fiche';
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
	const boundary = qpv.boundary
		? areaMap({ code: qpv.code, name, geometry: qpv.boundary }, `Contour du quartier ${name}`)
		: null;
	const locator =
		!boundary && qpv.contrat_code && qpv.contrat_name
			? await contratAreaMap(qpv.contrat_code, qpv.contrat_name)
			: null;
	const mapPaths = boundary
		? ['qpv-occitanie-hackaviz/qp.geojson']
		: locator
			? await sourcePathsForTables(['contrats'])
			: [];
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
		map: boundary ?? locator,
		mapKind: boundary ? 'boundary' : locator ? 'contrat' : null,
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
