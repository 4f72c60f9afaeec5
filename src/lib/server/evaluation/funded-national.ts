// National view of the funded projects (2020, year inferred): totals per pillar, and the
// département choropleth of projects per 1,000 QPV inhabitants for one pillar or all.
import { departementChoropleth } from '$lib/charts/departement-choropleth';
import { formatNumber } from '$lib/format';
import {
	FUNDED_PROJECTS_YEAR,
	FUNDED_PROJECTS_YEAR_NOTE,
	fundedPillarLabels,
	type FundedPillar
} from '$lib/schemas/actions';
import { departementProjects, fundedSummary, nationalPillars } from '../queries/actions';
import { sourceNote as sourceLine } from '$lib/domain/source-note';
import { getProvenance } from '../queries/sources';

export type PillarChoice = FundedPillar | 'total';

export async function loadFundedNational(pillar: PillarChoice) {
	const [pillars, departements, summary, provenance] = await Promise.all([
		nationalPillars(),
		departementProjects(),
		fundedSummary(),
		getProvenance()
	]);
	const label = pillar === 'total' ? 'tous piliers' : fundedPillarLabels[pillar];
	const rows = departements.filter((d) => d.pillar === pillar);
	const map = departementChoropleth(
		rows.map((d) => ({ code: d.departement_code, value: d.per_1000 })),
		{
			title: `Projets financés en ${FUNDED_PROJECTS_YEAR} (${label}) pour 1 000 habitants des QPV, par département`,
			legend: `Projets ${FUNDED_PROJECTS_YEAR} pour 1 000 habitants des QPV (${label})`,
			format: (v) => formatNumber(v, 2)
		}
	);
	return {
		year: FUNDED_PROJECTS_YEAR,
		yearNote: FUNDED_PROJECTS_YEAR_NOTE,
		pillar,
		label,
		summary,
		pillars: pillars.map((p) => ({ ...p, label: fundedPillarLabels[p.pillar] })),
		departements: rows,
		map,
		sources: sourceLine(
			['actions-financees/cv_nb_projets.gpkg', 'actions-financees/cv_nb_themes_projets.gpkg'],
			provenance
		)
	};
}
