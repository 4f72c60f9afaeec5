// One measure slot of the feuille de route: its attested facts and, for each linked series, the
// national series, the départements ranked and their distribution, or the posts per contrat.
import { error } from '@sveltejs/kit';
import {
	barometreSeriesChart,
	departementHistogram,
	departementRankingChart
} from '$lib/charts/barometre';
import { departementsMap } from '$lib/charts/departements-map';
import { dispositifsByYearChart } from '$lib/charts/dispositifs-by-year';
import { formatDate, formatNumber } from '$lib/format';
import { pillarLabels } from '$lib/schemas/indicators';
import { measureId } from '$lib/schemas/referentiels';
import { loadSeriesPanel, panelTables, type SeriesPanel } from '$lib/server/evaluation/mesure-view';
import {
	factView,
	formatBarometre,
	formatBarometreNumber,
	loadNationalFigures,
	sourceLinks,
	sourcesOf,
	summariseLink
} from '$lib/server/evaluation/series-links';
import {
	getMesure,
	listFacts,
	listMesureLinks,
	listProgrammes,
	UNDOCUMENTED_TITLE
} from '$lib/server/queries/referentiels';
import { getDepartementCentres, type DepartementCentre } from '$lib/server/queries/barometre';
import { getProvenance } from '$lib/server/queries/sources';
import type { Provenance } from '$lib/schemas/provenance';
import type { PageServerLoad } from './$types';

export const csr = false;

/** Contrats shown in the ranking table; the CSV export has all of them. */
const TOP_CONTRATS = 30;

const tableLabels = {
	departements: 'Télécharger le classement des départements',
	national: 'Télécharger la série nationale',
	contrats: 'Télécharger le classement des contrats'
} as const;

function panelView(
	panel: SeriesPanel,
	measure: string,
	provenance: Map<string, Provenance>,
	centres: Map<string, DepartementCentre>
) {
	const id = panel.link.target_id;
	const exports = panelTables[panel.kind].flatMap((t) =>
		(['csv', 'xlsx'] as const).map((format) => ({
			href: `/mesures/${measure}/export.${format}?serie=${encodeURIComponent(id)}&tableau=${t}`,
			label: `${tableLabels[t]} (${format === 'csv' ? 'CSV' : 'Excel'})`
		}))
	);
	if (panel.kind === 'barometre') {
		const unit = panel.link.unit ?? '';
		const label = panel.link.label ?? id;
		const format = (v: number) => formatBarometre(v, unit);
		const common = { unit, label, format, width: 640 };
		const values = panel.departements.map((d) => d.value);
		const dates = [...new Set(panel.departements.map((d) => d.date))].sort();
		return {
			kind: panel.kind,
			exports,
			seriesChart: barometreSeriesChart(panel.national, {
				...common,
				title: `${label} : valeur nationale par date`
			}),
			unit,
			national: panel.national.map((r) => ({
				date: formatDate(r.date),
				value: formatBarometreNumber(r.value),
				target: formatBarometreNumber(r.value_target)
			})),
			rankingChart: panel.departements.length
				? departementRankingChart(panel.departements, {
						...common,
						title: `${label} : départements classés selon leur dernière valeur`
					})
				: null,
			map: departementsMap(
				panel.departements.flatMap((d) => {
					const c = centres.get(d.code);
					return c && d.value !== null
						? [
								{
									code: d.code,
									name: d.name ?? d.code,
									value: d.value,
									longitude: c.longitude,
									latitude: c.latitude
								}
							]
						: [];
				}),
				{
					label,
					format,
					legendFormat: (v: number) => formatBarometreNumber(v),
					title: `${label} : carte des départements (dernière valeur)`
				}
			),
			histogram:
				values.length > 1
					? departementHistogram(values, {
							...common,
							title: `${label} : répartition des départements`
						})
					: null,
			departements: panel.departements.map((d, i) => ({
				rank: i + 1,
				code: d.code,
				name: d.name ?? d.code,
				region: d.region ?? d.region_code ?? '—',
				date: formatDate(d.date),
				value: formatBarometreNumber(d.value),
				target: formatBarometreNumber(d.target)
			})),
			dates: dates.map(formatDate),
			nationalSources: sourcesOf(
				[...new Set(panel.national.map((r) => r.source_path))],
				provenance
			),
			departementSources: sourcesOf(
				[...new Set(panel.departements.map((r) => r.source_path))],
				provenance
			)
		};
	}
	if (panel.kind === 'posts') {
		const kind = panel.link.target_id as 'adulte_relais' | 'fonjep';
		const last = panel.byYear.at(-1);
		return {
			kind: panel.kind,
			exports,
			year: panel.year,
			chart: dispositifsByYearChart(
				panel.byYear.map((p) => ({ kind, year: p.year, count: p.posts })),
				{ title: `Postes financés par année en France (${id})`, width: 640, height: 240 }
			),
			contrats: panel.contrats.slice(0, TOP_CONTRATS).map((c, i) => ({
				rank: i + 1,
				code: c.contrat_code,
				name: c.name ?? c.contrat_code,
				departement: c.departement_code ?? '—',
				posts: formatNumber(c.posts)
			})),
			contratCount: panel.contrats.length,
			posts: last?.posts ?? 0,
			withoutContrat: last ? last.posts - last.with_contrat : 0,
			sources: sourcesOf(
				panel.byYear.flatMap((p) => p.source_paths),
				provenance
			)
		};
	}
	if (panel.kind === 'cites') {
		return {
			kind: panel.kind,
			exports,
			labels: panel.count?.labels ?? 0,
			entries: panel.count?.entries ?? 0,
			departements: panel.departements.map((d) => ({
				code: d.departement_code,
				name: d.name ?? d.departement_code,
				cites: formatNumber(d.cites)
			})),
			sources: sourcesOf(panel.count?.source_paths ?? [], provenance)
		};
	}
	return { kind: panel.kind, exports };
}

export const load: PageServerLoad = async ({ params }) => {
	const parsed = measureId.safeParse(params.id);
	if (!parsed.success) {
		error(
			400,
			`Identifiant de mesure invalide : « ${params.id.slice(0, 40)} » (attendu M01 à M40).`
		);
	}
	const mesure = await getMesure(parsed.data);
	if (!mesure) error(404, `Aucune mesure n’a l’identifiant ${parsed.data}.`);
	const [links, facts, programmes, provenance] = await Promise.all([
		listMesureLinks(mesure.id),
		listFacts([mesure.id]),
		listProgrammes(),
		getProvenance()
	]);
	const [figures, panels, centreRows] = await Promise.all([
		loadNationalFigures(links),
		Promise.all(links.map(loadSeriesPanel)),
		getDepartementCentres()
	]);
	const centres = new Map(centreRows.map((c) => [c.code, c]));
	return {
		mesure: {
			id: mesure.id,
			title: mesure.title ?? UNDOCUMENTED_TITLE,
			documented: mesure.status === 'atteste',
			programme: programmes.find((p) => p.id === mesure.programme_id)?.label ?? null,
			pillar: mesure.pillar ? pillarLabels[mesure.pillar] : null,
			note: mesure.note,
			sources: sourceLinks(mesure.source_urls)
		},
		facts: facts.map(factView),
		series: panels.map((panel) => ({
			summary: summariseLink(panel.link, figures, provenance, null),
			view: panelView(panel, mesure.id, provenance, centres)
		}))
	};
};
